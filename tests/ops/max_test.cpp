// tests/ops/max_test.cpp
#include <ctgrad/ops/max.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

using x_minus_y = binary<sub_op, var<"x">, var<"y">>;
static_assert(std::is_same_v<decltype(d(max(x, y), x)), unary<step_op, x_minus_y>>);
static_assert(
    std::is_same_v<decltype(d(max(x, y), y)), binary<sub_op, one, unary<step_op, x_minus_y>>>);
static_assert(grad(max(x, y), wrt(x, y), at(x = 3.0, y = 2.0))[x] == 1.0);
static_assert(grad(max(x, y), wrt(x, y), at(x = 2.0, y = 2.0))[y] == 1.0);  // a tie goes to b

TEST_CASE("ops/max: value is std::fmax in float and double") {
  check_value(
      max(x, y), wrt(x, y), [](auto a, auto b) { return std::fmax(a, b); },
      sample_points(-5.0, 5.0, 200));
  check_value(
      max(x, 1.5), wrt(x), [](auto a) { return std::fmax(a, decltype(a){1.5}); },
      sample_points(-5.0, 5.0, 50));
}

TEST_CASE("ops/max: value and derivative match central finite differences away from ties") {
  check_gradient(max(x, y), wrt(x, y), sample_points(-3.0, 3.0));
  check_gradient(max(x * x, 2.0 - y), wrt(x, y), sample_points(-3.0, 3.0));
}

TEST_CASE("ops/max: on a tie the whole gradient goes to the second argument b") {
  const auto g = grad(max(x, y), wrt(x, y), at(x = 1.5, y = 1.5));
  CHECK(g[x] == 0.0);
  CHECK(g[y] == 1.0);
  const auto gf = grad(max(x, y), wrt(x, y), at(x = 1.5f, y = 1.5f));
  CHECK(gf[x] == 0.0f);
  CHECK(gf[y] == 1.0f);
  CHECK(eval(d(max(x, y), x), at(x = 1.5, y = 1.5)) == 0.0);
  CHECK(eval(d(max(x, y), y), at(x = 1.5, y = 1.5)) == 1.0);
  CHECK(grad(max(x, x), wrt(x), at(x = 4.0))[x] == 1.0);  // both sides are x: still slope 1
}

TEST_CASE("ops/max: a NaN operand on either side gives NaN") {
  CHECK(std::isnan(eval(max(x, y), at(x = std::nan(""), y = 1.0))));
  CHECK(std::isnan(eval(max(x, y), at(x = 1.0, y = std::nan("")))));
}
