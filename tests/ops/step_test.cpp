// tests/ops/step_test.cpp
#include <ctgrad/ops/step.hpp>  // first: proves the header stands alone

#include <ctgrad/ops/relu.hpp>  // relu's backward reads step

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(std::is_same_v<decltype(d(step(x), x)), zero>);  // 0 almost everywhere, by type
static_assert(eval(step(x), at(x = 0.0)) == 0.0);
static_assert(eval(step(x), at(x = 1e-300)) == 1.0);

TEST_CASE("ops/step: value is 1 for x > 0 and 0 otherwise, in float and double") {
  check_value(
      step(x), wrt(x), [](auto v) { return v > 0 ? decltype(v){1} : decltype(v){0}; },
      sample_points(-5.0, 5.0, 200));
  CHECK(eval(step(x), at(x = 0.0)) == 0.0);
  CHECK(eval(step(x), at(x = -0.0f)) == 0.0f);
}

TEST_CASE("ops/step: value and derivative match central finite differences away from 0") {
  check_gradient(step(x), wrt(x), sample_points(-3.0, 3.0));
  check_gradient(step(x - y) * x * y, wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/step: the gradient is 0 everywhere, including at 0") {
  for (const double v : {-1.0, 0.0, 1.0}) CHECK(grad(step(x), wrt(x), at(x = v))[x] == 0.0);
}

TEST_CASE("ops/step: NaN gives 0, so relu passes no gradient through NaN (as PyTorch)") {
  CHECK(eval(step(x), at(x = std::nan(""))) == 0.0);
  CHECK(grad(relu(x), wrt(x), at(x = std::nan("")))[x] == 0.0);
}
