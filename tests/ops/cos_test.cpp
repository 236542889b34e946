// tests/ops/cos_test.cpp
#include <ctgrad/ops/cos.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(std::is_same_v<decltype(d(cos(x), x)), unary<neg_op, unary<sin_op, var<"x">>>>);
static_assert(std::is_same_v<decltype(d(d(cos(x), x), x)), unary<neg_op, unary<cos_op, var<"x">>>>);

TEST_CASE("ops/cos: value is std::cos in float and double") {
  check_value(
      cos(x), wrt(x), [](auto v) { return std::cos(v); }, sample_points(-100.0, 100.0, 200));
}

TEST_CASE("ops/cos: value and derivative match central finite differences") {
  check_gradient(cos(x), wrt(x), sample_points(-10.0, 10.0));
  check_gradient(cos(x), wrt(x), sample_points(-100.0, 100.0));
  check_gradient(cos(x + 2.0 * y), wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/cos: the derivative is minus std::sin of the argument") {
  for (const double v : {-2.5, 0.0, 0.5, 3.0}) {
    CHECK(grad(cos(x), wrt(x), at(x = v))[x] == -std::sin(v));
  }
}
