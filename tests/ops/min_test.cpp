// tests/ops/min_test.cpp
#include <ctgrad/ops/min.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

using y_minus_x = binary<sub_op, var<"y">, var<"x">>;
static_assert(std::is_same_v<decltype(d(min(x, y), x)), unary<step_op, y_minus_x>>);
static_assert(
    std::is_same_v<decltype(d(min(x, y), y)), binary<sub_op, one, unary<step_op, y_minus_x>>>);
static_assert(grad(min(x, y), wrt(x, y), at(x = 1.0, y = 2.0))[x] == 1.0);
static_assert(grad(min(x, y), wrt(x, y), at(x = 2.0, y = 2.0))[y] == 1.0);  // a tie goes to b

TEST_CASE("ops/min: value is std::fmin in float and double") {
  check_value(
      min(x, y), wrt(x, y), [](auto a, auto b) { return std::fmin(a, b); },
      sample_points(-5.0, 5.0, 200));
  check_value(
      min(-1.5, x), wrt(x), [](auto a) { return std::fmin(decltype(a){-1.5}, a); },
      sample_points(-5.0, 5.0, 50));
}

TEST_CASE("ops/min: value and derivative match central finite differences away from ties") {
  check_gradient(min(x, y), wrt(x, y), sample_points(-3.0, 3.0));
  check_gradient(min(x * y, x + y), wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/min: on a tie the whole gradient goes to the second argument b") {
  const auto g = grad(min(x, y), wrt(x, y), at(x = -0.5, y = -0.5));
  CHECK(g[x] == 0.0);
  CHECK(g[y] == 1.0);
  const auto gf = grad(min(x, y), wrt(x, y), at(x = -0.5f, y = -0.5f));
  CHECK(gf[x] == 0.0f);
  CHECK(gf[y] == 1.0f);
  CHECK(eval(d(min(x, y), x), at(x = -0.5, y = -0.5)) == 0.0);
  CHECK(eval(d(min(x, y), y), at(x = -0.5, y = -0.5)) == 1.0);
}

TEST_CASE("ops/min: a NaN operand on either side gives NaN") {
  CHECK(std::isnan(eval(min(x, y), at(x = std::nan(""), y = 1.0))));
  CHECK(std::isnan(eval(min(x, y), at(x = 1.0, y = std::nan("")))));
}
