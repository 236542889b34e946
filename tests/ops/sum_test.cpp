// tests/ops/sum_test.cpp
#include <ctgrad/ops/sum.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>

using namespace ctgrad;
using detail::shape_of_t;
constexpr var<"x"> x;
constexpr var<"s"> s;
constexpr var<"v", 4> v;
constexpr var<"W", 2, 3> W;

static_assert(std::is_same_v<decltype(sum(x)), var<"x">>);  // a scalar is its own sum
static_assert(std::is_same_v<decltype(sum(v)), unary<sum_op, var<"v", 4>>>);
static_assert(std::is_same_v<shape_of_t<decltype(sum(W))>, shape<>>);

namespace {
constexpr tensor<double, 2, 3> w{{1, 2, 3, 4, 5, -6}};
}  // namespace

static_assert(eval(sum(W), at(W = w)) == 9.0);
static_assert(grad(sum(W), wrt(W), at(W = w))[W] == tensor<double, 2, 3>{{1, 1, 1, 1, 1, 1}});
static_assert(grad(3.0 * sum(W), wrt(W), at(W = w))[W] == tensor<double, 2, 3>{{3, 3, 3, 3, 3, 3}});

TEST_CASE("ops/sum: adds every element of a vector or a matrix, in float and double") {
  const tensor<double, 4> a{{0.5, -1.5, 2.0, 4.0}};
  const std::array<float, 4> f{0.5f, -1.5f, 2.0f, 4.0f};
  CHECK(eval(sum(v), at(v = a)) == 5.0);
  CHECK(eval(sum(v), at(v = f)) == 5.0f);
  CHECK(eval(sum(W) * x, at(W = w, x = 2.0)) == 18.0);
}

TEST_CASE("ops/sum: the adjoint reaches every element unchanged") {
  const tensor<double, 4> a{{0.5, -1.5, 2.0, 4.0}};
  const auto g = grad(sum(exp(v)), wrt(v), at(v = a));
  for (std::size_t k = 0; k < 4; ++k) CHECK(g[v][k] == std::exp(a[k]));
}

TEST_CASE("ops/sum: gradients match central finite differences") {
  using values = parameters<double, var<"W", 2, 3>, var<"v", 4>, var<"s">>;
  check_tensor_gradient(sum(sin(W)) * sum(v * s) + pow<2>(sum(v)), random_values<values>(11, -2.0, 2.0));
}
