// tests/ops/sign_test.cpp
#include <ctgrad/ops/sign.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(std::is_same_v<decltype(d(sign(x), x)), zero>);  // 0 almost everywhere, by type
static_assert(eval(sign(x), at(x = -3.0)) == -1.0);
static_assert(eval(sign(x), at(x = 0.0)) == 0.0);

TEST_CASE("ops/sign: value is std::copysign(1, x) away from 0 and 0 at +-0") {
  check_value(
      sign(x), wrt(x), [](auto v) { return std::copysign(decltype(v){1}, v); },
      sample_points(-5.0, 5.0, 200));
  CHECK(eval(sign(x), at(x = 0.0)) == 0.0);
  CHECK(eval(sign(x), at(x = -0.0)) == 0.0);
}

TEST_CASE("ops/sign: value and derivative match central finite differences away from 0") {
  check_gradient(sign(x) * x, wrt(x), sample_points(-3.0, 3.0));  // |x|
  check_gradient(sign(x * y) * y, wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/sign: NaN stays NaN") { CHECK(std::isnan(eval(sign(x), at(x = std::nan(""))))); }
