// tests/ops/abs_test.cpp
#include <ctgrad/ops/abs.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(std::is_same_v<decltype(d(abs(x), x)), unary<sign_op, var<"x">>>);
static_assert(grad(abs(x), wrt(x), at(x = -2.0))[x] == -1.0);
static_assert(grad(abs(x), wrt(x), at(x = 0.0))[x] == 0.0);  // the kink convention, at compile time
static_assert(eval(abs(x), at(x = -2.5)) == 2.5);

TEST_CASE("ops/abs: value is std::fabs in float and double") {
  check_value(
      abs(x), wrt(x), [](auto v) { return std::fabs(v); }, sample_points(-5.0, 5.0, 200));
  CHECK_FALSE(std::signbit(eval(abs(x), at(x = -0.0))));  // |-0| is +0, as std::fabs gives
}

TEST_CASE("ops/abs: value and derivative match central finite differences away from 0") {
  check_gradient(abs(x), wrt(x), sample_points(-3.0, 3.0));
  check_gradient(abs(x - y) * y, wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/abs: |x|'(0) is 0 in d and in the reverse sweep") {
  CHECK(grad(abs(x), wrt(x), at(x = 0.0))[x] == 0.0);
  CHECK(grad(abs(x), wrt(x), at(x = -0.0f))[x] == 0.0f);
  CHECK(eval(d(abs(x), x), at(x = 0.0)) == 0.0);
  const auto g = grad(abs(x - y), wrt(x, y), at(x = 2.0, y = 2.0));
  CHECK(g[x] == 0.0);
  CHECK(g[y] == 0.0);
}
