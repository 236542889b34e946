// tests/core/bindings_test.cpp
#include <ctgrad/core/bindings.hpp>  // first: proves the header stands alone

#include <ctgrad/core/eval.hpp>
#include <ctgrad/ops/sub.hpp>

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;

// The value type of a point is the common type of its numbers; with none, double.
static_assert(std::is_same_v<decltype(at(x = 1.0f))::value_type, float>);
static_assert(std::is_same_v<decltype(at(x = 1.0f, y = 2.0f))::value_type, float>);
static_assert(std::is_same_v<decltype(at(x = 1.0f, y = 2.0))::value_type, double>);
static_assert(std::is_same_v<decltype(at(x = 1.0L, y = 2.0f))::value_type, long double>);
static_assert(std::is_same_v<decltype(at(x = 1))::value_type, double>);
static_assert(std::is_same_v<decltype(at())::value_type, double>);
static_assert(std::is_empty_v<decltype(at())>);

static_assert(std::is_same_v<decltype(wrt(x, y)), variable_list<var<"x">, var<"y">>>);
static_assert(decltype(wrt(x, y))::size == 2);
static_assert(decltype(wrt(x, y))::contains<var<"y">>);
static_assert(!decltype(wrt(x, y))::contains<var<"z">>);
static_assert(std::is_empty_v<decltype(wrt(x, y, z))>);

// Order of bindings does not matter, and extra bindings are ignored.
static_assert(eval(x - y, at(y = 2.0, x = 5.0)) == 3.0);
static_assert(eval(x - y, at(x = 5.0, y = 2.0, z = 100.0)) == 3.0);

TEST_CASE("core/bindings: each variable reads its own value, whatever the order") {
  const auto p = at(z = 3.0, x = 1.0, y = 2.0);
  CHECK(eval(x, p) == 1.0);
  CHECK(eval(y, p) == 2.0);
  CHECK(eval(z, p) == 3.0);
  CHECK(eval(x - z, at(x = 1.0f, z = 2.5)) == -1.5);
}
