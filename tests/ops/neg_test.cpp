// tests/ops/neg_test.cpp
#include <ctgrad/ops/neg.hpp>  // first: proves the header stands alone

#include <ctgrad/ops/sin.hpp>

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

using X = var<"x">;
using Y = var<"y">;
static_assert(std::is_same_v<decltype(-(-x)), X>);            // -(-a) → a
static_assert(std::is_same_v<decltype(-3_c), rational<-3>>);  // -(p/q) folds
static_assert(
    std::is_same_v<decltype(-(2_c * x)), binary<mul_op, rational<-2>, X>>);  // -(c·a) → (-c)·a
static_assert(std::is_same_v<decltype(-(x * y)), unary<neg_op, binary<mul_op, X, Y>>>);
static_assert(std::is_same_v<decltype(-(-(x * y))), binary<mul_op, X, Y>>);
static_assert(std::is_same_v<decltype(d(-x, x)), rational<-1>>);
static_assert(eval(-x, at(x = 2.0)) == -2.0);
static_assert(grad(-x * y, wrt(x, y), at(x = 2.0, y = 3.0))[x] == -3.0);

TEST_CASE("ops/neg: value is the built-in unary - in float and double") {
  check_value(
      -x, wrt(x), [](auto a) { return -a; }, sample_points(-1e3, 1e3, 100));
  check_value(
      -(x * y), wrt(x, y), [](auto a, auto b) { return -(a * b); }, sample_points(-5.0, 5.0, 50));
}

TEST_CASE("ops/neg: value and derivative match central finite differences") {
  check_gradient(-x, wrt(x), sample_points(-3.0, 3.0));
  check_gradient(-(x * y), wrt(x, y), sample_points(-3.0, 3.0));
  check_gradient(-sin(x) * -y, wrt(x, y), sample_points(-3.0, 3.0));
}
