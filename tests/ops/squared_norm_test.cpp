// tests/ops/squared_norm_test.cpp
#include <ctgrad/ops/squared_norm.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using detail::shape_of_t;
constexpr var<"x"> x;
constexpr var<"v", 2> v;
constexpr var<"W", 3, 2> W;
constexpr var<"y", 3> y;

static_assert(std::is_same_v<decltype(squared_norm(v)), decltype(sum(pow<2>(v)))>);  // no rule of its own
static_assert(std::is_same_v<decltype(squared_norm(x)), unary<power_op<2>, var<"x">>>);
static_assert(std::is_same_v<shape_of_t<decltype(squared_norm(W))>, shape<>>);

namespace {
constexpr tensor<double, 2> a{{3, -4}};
}  // namespace

static_assert(eval(squared_norm(v), at(v = a)) == 25.0);
static_assert(grad(squared_norm(v), wrt(v), at(v = a))[v] == tensor<double, 2>{{6, -8}});  // 2v

TEST_CASE("ops/squared_norm: sums the squares of a matrix's elements, gradient 2W") {
  const tensor<double, 3, 2> w{{1, 2, 3, 4, 5, 6}};
  const auto [value, g] = value_and_grad(squared_norm(W), wrt(W), at(W = w));
  CHECK(value == 91.0);
  CHECK(g[W] == tensor<double, 3, 2>{{2, 4, 6, 8, 10, 12}});
  const tensor<float, 2> af{{3, -4}};
  CHECK(eval(squared_norm(v), at(v = af)) == 25.0f);
}

TEST_CASE("ops/squared_norm: the least-squares residual ‖W·v − y‖² matches central finite differences") {
  using values = parameters<double, var<"W", 3, 2>, var<"v", 2>, var<"y", 3>>;
  check_tensor_gradient(squared_norm(W * v - y), random_values<values>(61, -2.0, 2.0));
}
