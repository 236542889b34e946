// tests/ops/sub_test.cpp
#include <ctgrad/ops/sub.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

using X = var<"x">;
using Y = var<"y">;
static_assert(std::is_same_v<decltype(x - 0_c), X>);                    // a - 0 → a
static_assert(std::is_same_v<decltype(0_c - x), unary<neg_op, X>>);     // 0 - b → -b
static_assert(std::is_same_v<decltype(x - x), zero>);                   // a - a → 0
static_assert(std::is_same_v<decltype(x - -y), binary<add_op, X, Y>>);  // a - (-b) → a + b
static_assert(std::is_same_v<decltype(1_c - 3_c), rational<-2>>);
static_assert(std::is_same_v<decltype(rational<1, 2>{} - rational<1, 3>{}), rational<1, 6>>);
static_assert(std::is_same_v<decltype(d(x - y, x)), one>);
static_assert(std::is_same_v<decltype(d(x - y, y)), rational<-1>>);
static_assert(eval(x - y, at(x = 1.5, y = 2.0)) == -0.5);
static_assert(grad(x - y, wrt(x, y), at(x = 1.5, y = 2.0))[y] == -1.0);

TEST_CASE("ops/sub: value is the built-in - in float and double") {
  check_value(
      x - y, wrt(x, y), [](auto a, auto b) { return a - b; }, sample_points(-1e3, 1e3, 100));
  check_value(
      2.0 - x, wrt(x), [](auto a) { return decltype(a){2} - a; }, sample_points(-5.0, 5.0, 50));
}

TEST_CASE("ops/sub: value and derivative match central finite differences") {
  check_gradient(x - y, wrt(x, y), sample_points(-3.0, 3.0));
  check_gradient(2.0 - x, wrt(x), sample_points(-3.0, 3.0));
  check_gradient(x - (y - x), wrt(x, y), sample_points(-3.0, 3.0));
}
