// tests/ops/add_test.cpp
#include <ctgrad/ops/add.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

using X = var<"x">;
using Y = var<"y">;
static_assert(std::is_same_v<decltype(x + 0_c), X>);              // a + 0 → a
static_assert(std::is_same_v<decltype(0_c + x), X>);              // 0 + b → b
static_assert(std::is_same_v<decltype(1_c + 2_c), rational<3>>);  // constants fold
static_assert(std::is_same_v<decltype(rational<1, 2>{} + rational<1, 3>{}), rational<5, 6>>);
static_assert(std::is_same_v<decltype(x + -y), binary<sub_op, X, Y>>);  // a + (-b) → a - b
static_assert(std::is_same_v<decltype(-x + y), binary<sub_op, Y, X>>);  // (-a) + b → b - a
static_assert(std::is_same_v<decltype(x + x), binary<mul_op, rational<2>, X>>);  // a + a → 2·a
static_assert(std::is_same_v<detail::shape_of_t<decltype(var<"v", 3>{} + var<"v", 3>{})>, shape<3>>);  // 2·v keeps v's shape
static_assert(std::is_same_v<decltype(x + 2.5), binary<add_op, X, constant<double>>>);
static_assert(std::is_same_v<decltype(d(x + y, x)), one>);
static_assert(std::is_same_v<decltype(d(x + y + x, x)), rational<2>>);
static_assert(eval(x + y, at(x = 1.5, y = 2.0)) == 3.5);
static_assert(grad(x + y, wrt(x, y), at(x = 1.5, y = 2.0))[y] == 1.0);

TEST_CASE("ops/add: value is the built-in + in float and double") {
  check_value(
      x + y, wrt(x, y), [](auto a, auto b) { return a + b; }, sample_points(-1e3, 1e3, 100));
  check_value(
      x + 0.25, wrt(x), [](auto a) { return a + decltype(a){0.25}; }, sample_points(-5.0, 5.0, 50));
}

TEST_CASE("ops/add: value and derivative match central finite differences") {
  check_gradient(x + y, wrt(x, y), sample_points(-3.0, 3.0));
  check_gradient(x + 2.5, wrt(x), sample_points(-3.0, 3.0));
  check_gradient(x + x + y, wrt(x, y), sample_points(-3.0, 3.0));
}
