// tests/ops/div_test.cpp
#include <ctgrad/ops/div.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

using X = var<"x">;
using Y = var<"y">;
static_assert(std::is_same_v<decltype(x / 1_c), X>);     // a/1 → a
static_assert(std::is_same_v<decltype(0_c / x), zero>);  // 0/b → 0
static_assert(std::is_same_v<decltype(1_c / 2_c), rational<1, 2>>);
static_assert(std::is_same_v<decltype(6_c / 4_c), rational<3, 2>>);
static_assert(std::is_same_v<decltype(1_c / rational<-2, 3>{}), rational<-3, 2>>);  // sign moves up
static_assert(std::is_same_v<decltype(d(x / y, x)), binary<div_op, one, Y>>);
// ∂(a/b)/∂b = -(a/b)/b reuses the quotient.
static_assert(
    std::is_same_v<decltype(d(x / y, y)), unary<neg_op, binary<div_op, binary<div_op, X, Y>, Y>>>);
static_assert(grad(x / y, wrt(x, y), at(x = 1.0, y = 2.0))[x] == 0.5);
static_assert(grad(x / y, wrt(x, y), at(x = 1.0, y = 2.0))[y] == -0.25);

TEST_CASE("ops/div: value is the built-in / in float and double") {
  check_value(
      x / y, wrt(x, y), [](auto a, auto b) { return a / b; },
      sample_points({{-1e3, 1e3}, {0.1, 1e3}}, 100));
  CHECK(eval(x / 2, at(x = 3)) ==
        1.5);  // integers are bound and folded as double, never divided as int
  CHECK(eval(3 / x, at(x = 2)) == 1.5);
}

TEST_CASE("ops/div: value and partials match central finite differences") {
  check_gradient(x / y, wrt(x, y), sample_points({{-3.0, 3.0}, {0.5, 3.0}}));
  check_gradient(x / y, wrt(x, y), sample_points({{-3.0, 3.0}, {-3.0, -0.5}}));
  check_gradient(1.0 / x, wrt(x), sample_points(1e-2, 1e2));
  check_gradient(x / 3_c, wrt(x), sample_points(-3.0, 3.0));
}
