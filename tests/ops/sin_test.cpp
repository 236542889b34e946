// tests/ops/sin_test.cpp
#include <ctgrad/ops/sin.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(
    std::is_same_v<decltype(d(sin(x), x)), unary<cos_op, var<"x">>>);  // cos(x)·1 → cos(x)
static_assert(std::is_same_v<decltype(d(d(sin(x), x), x)), unary<neg_op, unary<sin_op, var<"x">>>>);
static_assert(std::is_empty_v<decltype(sin(x))>);

TEST_CASE("ops/sin: value is std::sin in float and double") {
  check_value(
      sin(x), wrt(x), [](auto v) { return std::sin(v); }, sample_points(-100.0, 100.0, 200));
}

TEST_CASE("ops/sin: value and derivative match central finite differences") {
  check_gradient(sin(x), wrt(x), sample_points(-10.0, 10.0));
  check_gradient(sin(x), wrt(x), sample_points(-100.0, 100.0));
  check_gradient(sin(x * y), wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/sin: the derivative is std::cos of the argument") {
  for (const double v : {-2.5, 0.0, 0.5, 3.0}) {
    CHECK(grad(sin(x), wrt(x), at(x = v))[x] == std::cos(v));
    CHECK(grad(sin(x), wrt(x), at(x = static_cast<float>(v)))[x] ==
          std::cos(static_cast<float>(v)));
  }
}
