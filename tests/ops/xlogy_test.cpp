// tests/ops/xlogy_test.cpp
#include <ctgrad/ops/xlogy.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(std::is_same_v<decltype(d(xlogy(x, y), x)), unary<log_op, var<"y">>>);
static_assert(std::is_same_v<decltype(d(xlogy(x, y), y)), binary<div_op, var<"x">, var<"y">>>);

TEST_CASE("ops/xlogy: value is a·log(b), and 0 where a = 0, also at b = 0") {
  check_value(
      xlogy(x, y), wrt(x, y), [](auto a, auto b) { return a * std::log(b); },
      sample_points({{-3.0, 3.0}, {1e-3, 10.0}}, 100));
  CHECK(eval(xlogy(x, y), at(x = 0.0, y = 0.0)) == 0.0);
  CHECK(eval(xlogy(x, y), at(x = 0.0f, y = 0.0f)) == 0.0f);
  CHECK(std::isinf(eval(xlogy(x, y), at(x = 1.0, y = 0.0))));
}

TEST_CASE("ops/xlogy: value and partials match central finite differences") {
  check_gradient(xlogy(x, y), wrt(x, y), sample_points({{-3.0, 3.0}, {1e-2, 10.0}}));
  check_gradient(xlogy(x * x, y + 1.0), wrt(x, y), sample_points({{-2.0, 2.0}, {0.0, 5.0}}));
}

TEST_CASE("ops/xlogy: the exponent's partial of pow is 0, not NaN, at a zero base") {
  for (const double exponent : {0.5, 1.0, 2.0, 3.5}) {
    const auto g = grad(pow(x, y), wrt(x, y), at(x = 0.0, y = exponent));
    CHECK(g[y] == 0.0);
  }
  CHECK(to_string(d(pow(x, y), y)) == "xlogy(pow(x, y), x)");
}
