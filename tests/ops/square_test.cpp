// tests/ops/square_test.cpp
#include <ctgrad/ops/square.hpp>  // first: proves the header stands alone

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(std::is_same_v<decltype(square(x)), decltype(pow<2>(x))>);  // one rule, pow's
static_assert(std::is_same_v<decltype(d(square(x), x)), binary<mul_op, rational<2>, var<"x">>>);
static_assert(std::is_same_v<decltype(square(3_c)), rational<9>>);
static_assert(eval(square(x), at(x = -3.0)) == 9.0);
static_assert(grad(square(x - y), wrt(x, y), at(x = 1.0, y = 4.0))[x] == -6.0);
static_assert(grad(square(x - y), wrt(x, y), at(x = 1.0, y = 4.0))[y] == 6.0);

TEST_CASE("ops/square: value is x * x in float and double") {
  check_value(
      square(x), wrt(x), [](auto v) { return v * v; }, sample_points(-1e3, 1e3, 100));
}

TEST_CASE("ops/square: value and derivative match central finite differences") {
  check_gradient(square(x), wrt(x), sample_points(-3.0, 3.0));
  check_gradient(square(x * y - 1.0), wrt(x, y), sample_points(-3.0, 3.0));
}
