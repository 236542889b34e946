// tests/ops/sigmoid_test.cpp
#include <ctgrad/ops/sigmoid.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

// σ·(1 - σ): the rule is written in terms of the node's own value.
using sigmoid_x = unary<sigmoid_op, var<"x">>;
static_assert(std::is_same_v<decltype(d(sigmoid(x), x)),
                             binary<mul_op, sigmoid_x, binary<sub_op, one, sigmoid_x>>>);

TEST_CASE("ops/sigmoid: value is 1/(1 + std::exp(-x)) in float and double") {
  check_value(
      sigmoid(x), wrt(x), [](auto v) { return 1 / (1 + std::exp(-v)); },
      sample_points(-40.0, 40.0, 200));
}

TEST_CASE("ops/sigmoid: value and derivative match central finite differences") {
  check_gradient(sigmoid(x), wrt(x), sample_points(-6.0, 6.0));
  check_gradient(sigmoid(x), wrt(x), sample_points(-30.0, -10.0));
  check_gradient(sigmoid(x), wrt(x), sample_points(10.0, 30.0));
  check_gradient(sigmoid(x * y), wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/sigmoid: the derivative is 1/4 at 0 and tiny but finite at +-30") {
  CHECK(grad(sigmoid(x), wrt(x), at(x = 0.0))[x] == 0.25);
  for (const double v : {-30.0, 30.0}) {
    const double in_double = grad(sigmoid(x), wrt(x), at(x = v))[x];
    CHECK(std::isfinite(in_double));
    CHECK(in_double > 0.0);  // σ'(±30) ≈ 9.4e-14
    CHECK(in_double == doctest::Approx(9.357622968839299e-14).epsilon(1e-2));
    const float in_float = grad(sigmoid(x), wrt(x), at(x = static_cast<float>(v)))[x];
    CHECK(std::isfinite(in_float));
    CHECK(in_float >= 0.0f);
    CHECK(in_float <= 1e-6f);
  }
}

TEST_CASE("ops/sigmoid: far in the tails the value saturates without overflow or NaN") {
  const auto low = value_and_grad(sigmoid(x), wrt(x), at(x = -1000.0));  // exp(1000) is inf
  CHECK(low.value == 0.0);
  CHECK(low.grad[x] == 0.0);
  const auto high = value_and_grad(sigmoid(x), wrt(x), at(x = 1000.0));
  CHECK(high.value == 1.0);
  CHECK(high.grad[x] == 0.0);
}
