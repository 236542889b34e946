// tests/ops/log_test.cpp
#include <ctgrad/ops/log.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(std::is_same_v<decltype(d(log(x), x)), binary<div_op, one, var<"x">>>);  // 1/x

TEST_CASE("ops/log: value is std::log in float and double") {
  check_value(
      log(x), wrt(x), [](auto v) { return std::log(v); }, sample_points(1e-6, 1e12, 200));
}

TEST_CASE("ops/log: value and derivative match central finite differences") {
  check_gradient(log(x), wrt(x), sample_points(1e-3, 1e-1));  // near the edge 0+
  check_gradient(log(x), wrt(x), sample_points(0.1, 10.0));
  check_gradient(log(x), wrt(x), sample_points(1.0, 1e6));
  check_gradient(log(x * y + 1.0), wrt(x, y), sample_points(0.0, 3.0));
}

TEST_CASE("ops/log: the derivative is 1/x near 0+") {
  CHECK(grad(log(x), wrt(x), at(x = 1e-3))[x] == doctest::Approx(1e3).epsilon(1e-15));
  CHECK(grad(log(x), wrt(x), at(x = 1e-3f))[x] == doctest::Approx(1e3).epsilon(1e-6));
}
