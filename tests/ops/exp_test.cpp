// tests/ops/exp_test.cpp
#include <ctgrad/ops/exp.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(std::is_same_v<decltype(d(exp(x), x)), decltype(exp(x))>);  // (eˣ)' is eˣ itself
static_assert(std::is_same_v<decltype(d(exp(2_c * x), x)),
                             binary<mul_op, rational<2>, decltype(exp(2_c * x))>>);

TEST_CASE("ops/exp: value is std::exp in float and double") {
  check_value(
      exp(x), wrt(x), [](auto v) { return std::exp(v); }, sample_points(-40.0, 40.0, 200));
}

TEST_CASE("ops/exp: value and derivative match central finite differences") {
  check_gradient(exp(x), wrt(x), sample_points(-5.0, 5.0));
  check_gradient(exp(x), wrt(x),
                 sample_points(10.0, 40.0));  // moderately large, still finite in float
  check_gradient(exp(-(x * x)) * y, wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/exp: the derivative reuses the value, and stays finite at moderately large x") {
  const auto [value, g] = value_and_grad(exp(x), wrt(x), at(x = 40.0));
  CHECK(g[x] == value);
  CHECK(value == std::exp(40.0));
  const auto in_float = value_and_grad(exp(x), wrt(x), at(x = 40.0f));
  CHECK(std::isfinite(in_float.grad[x]));
  CHECK(in_float.grad[x] == std::exp(40.0f));
}
