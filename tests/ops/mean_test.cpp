// tests/ops/mean_test.cpp
#include <ctgrad/ops/mean.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using detail::shape_of_t;
constexpr var<"s"> s;
constexpr var<"v", 4> v;
constexpr var<"W", 2, 3> W;

// mean is sum times the compile-time constant 1/n: no rule of its own.
static_assert(std::is_same_v<decltype(mean(v)), binary<mul_op, rational<1, 4>, unary<sum_op, var<"v", 4>>>>);
static_assert(std::is_same_v<decltype(mean(W)), binary<mul_op, rational<1, 6>, unary<sum_op, var<"W", 2, 3>>>>);
static_assert(std::is_same_v<shape_of_t<decltype(mean(W))>, shape<>>);

namespace {
constexpr tensor<double, 4> a{{1, 2, 3, 6}};
}  // namespace

static_assert(eval(mean(v), at(v = a)) == 3.0);
static_assert(grad(mean(v), wrt(v), at(v = a))[v] == tensor<double, 4>{{0.25, 0.25, 0.25, 0.25}});

TEST_CASE("ops/mean: the mean of a matrix divides by its number of elements") {
  const tensor<double, 2, 3> w{{1, 2, 3, 4, 5, 9}};
  const tensor<float, 4> f{{1, 2, 3, 6}};
  CHECK(eval(mean(W), at(W = w)) == 4.0);
  CHECK(eval(mean(v), at(v = f)) == 3.0f);
  const auto g = grad(mean(W), wrt(W), at(W = w));
  for (const double partial : g[W]) CHECK(partial == doctest::Approx(1.0 / 6.0).epsilon(1e-15));
}

TEST_CASE("ops/mean: gradients match central finite differences") {
  using values = parameters<double, var<"v", 4>, var<"W", 2, 3>, var<"s">>;
  check_tensor_gradient(mean(pow<2>(v - s)) + mean(tanh(W)) * s, random_values<values>(21, -2.0, 2.0));
}
