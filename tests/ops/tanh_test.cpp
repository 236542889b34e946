// tests/ops/tanh_test.cpp
#include <ctgrad/ops/tanh.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

// 1 - tanh²: the rule is written in terms of the node's own value.
static_assert(std::is_same_v<decltype(d(tanh(x), x)),
                             binary<sub_op, one, unary<power_op<2>, unary<tanh_op, var<"x">>>>>);

TEST_CASE("ops/tanh: value is std::tanh in float and double") {
  check_value(
      tanh(x), wrt(x), [](auto v) { return std::tanh(v); }, sample_points(-40.0, 40.0, 200));
}

TEST_CASE("ops/tanh: value and derivative match central finite differences") {
  check_gradient(tanh(x), wrt(x), sample_points(-3.0, 3.0));
  check_gradient(tanh(x), wrt(x), sample_points(-30.0, -10.0));
  check_gradient(tanh(x), wrt(x), sample_points(10.0, 30.0));
  check_gradient(tanh(x * y), wrt(x, y), sample_points(-2.0, 2.0));
}

TEST_CASE("ops/tanh: the derivative is 1 at 0 and tiny but finite at +-30") {
  CHECK(grad(tanh(x), wrt(x), at(x = 0.0))[x] == 1.0);
  for (const double v : {-30.0, 30.0}) {
    const double in_double = grad(tanh(x), wrt(x), at(x = v))[x];
    const float in_float = grad(tanh(x), wrt(x), at(x = static_cast<float>(v)))[x];
    CHECK(std::isfinite(in_double));
    CHECK(in_double >= 0.0);
    CHECK(in_double <= 1e-20);  // exactly 4/(e^30 + e^-30)² ≈ 3.5e-26
    CHECK(std::isfinite(in_float));
    CHECK(in_float >= 0.0f);
    CHECK(in_float <= 1e-6f);
  }
}
