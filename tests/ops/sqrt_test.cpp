// tests/ops/sqrt_test.cpp
#include <ctgrad/ops/sqrt.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

// (√x)' = (1/2)·(1/√x), reusing the root, and its reciprocal as a division by the root writes it.
static_assert(std::is_same_v<decltype(d(sqrt(x), x)),
                             binary<mul_op, rational<1, 2>, binary<div_op, one, unary<sqrt_op, var<"x">>>>>);

TEST_CASE("ops/sqrt: value is std::sqrt in float and double") {
  check_value(
      sqrt(x), wrt(x), [](auto v) { return std::sqrt(v); }, sample_points(1e-6, 1e12, 200));
  CHECK(eval(sqrt(x), at(x = 0.0)) == 0.0);
}

TEST_CASE("ops/sqrt: value and derivative match central finite differences") {
  check_gradient(sqrt(x), wrt(x), sample_points(1e-3, 1e-1));  // near the edge 0+
  check_gradient(sqrt(x), wrt(x), sample_points(1.0, 1e8));
  check_gradient(sqrt(x * x + y * y), wrt(x, y), sample_points(0.5, 3.0));
}

TEST_CASE("ops/sqrt: the derivative at 0 is +infinity, as the one-sided limit") {
  const double slope = grad(sqrt(x), wrt(x), at(x = 0.0))[x];
  CHECK(std::isinf(slope));
  CHECK(slope > 0);
}
