// tests/ops/relu_test.cpp
#include <ctgrad/ops/relu.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(std::is_same_v<decltype(d(relu(x), x)), unary<step_op, var<"x">>>);
static_assert(std::is_same_v<decltype(d(d(relu(x), x), x)), zero>);
static_assert(grad(relu(x), wrt(x), at(x = 2.0))[x] == 1.0);
static_assert(grad(relu(x), wrt(x), at(x = 0.0))[x] ==
              0.0);  // the kink convention, at compile time
static_assert(eval(relu(x), at(x = -2.0)) == 0.0);

TEST_CASE("ops/relu: value is std::fmax(x, 0) in float and double") {
  check_value(
      relu(x), wrt(x), [](auto v) { return std::fmax(v, decltype(v){0}); },
      sample_points(-5.0, 5.0, 200));
  CHECK(eval(relu(x), at(x = 0.0)) == 0.0);
}

TEST_CASE("ops/relu: value and derivative match central finite differences away from 0") {
  check_gradient(relu(x), wrt(x), sample_points(-3.0, 3.0));
  check_gradient(relu(x * y - 1.0), wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/relu: relu'(0) is 0 in d and in the reverse sweep") {
  CHECK(grad(relu(x), wrt(x), at(x = 0.0))[x] == 0.0);
  CHECK(grad(relu(x), wrt(x), at(x = 0.0f))[x] == 0.0f);
  CHECK(eval(d(relu(x), x), at(x = 0.0)) == 0.0);
  CHECK(grad(relu(x - y), wrt(x, y), at(x = 1.5, y = 1.5))[y] == 0.0);
  CHECK(grad(relu(x), wrt(x), at(x = 1e-300))[x] == 1.0);
  CHECK(grad(relu(x), wrt(x), at(x = -1e-300))[x] == 0.0);
}

TEST_CASE("ops/relu: NaN stays NaN") { CHECK(std::isnan(eval(relu(x), at(x = std::nan(""))))); }
