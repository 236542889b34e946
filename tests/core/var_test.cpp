// tests/core/var_test.cpp
#include <ctgrad/core/var.hpp>  // first: proves the header stands alone

#include <ctgrad/core/bindings.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string_view>
#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;

static_assert(std::is_empty_v<var<"x">>);  // no runtime data: its identity is its name
static_assert(var<"x">::name == "x");
static_assert(var<"θ1">::name == "θ1");  // UTF-8 names are kept byte for byte
static_assert(var<"long_name">::name.size() == 9);
static_assert(!std::is_same_v<var<"x">, var<"y">>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(x)>, var<"x">>);

// x = v binds: floating-point types are kept, integers bind as double, as in <cmath>.
static_assert(std::is_same_v<decltype(x = 1.0f), binding<var<"x">, float>>);
static_assert(std::is_same_v<decltype(x = 1.0), binding<var<"x">, double>>);
static_assert(std::is_same_v<decltype(x = 1.0L), binding<var<"x">, long double>>);
static_assert(std::is_same_v<decltype(x = 2), binding<var<"x">, double>>);
static_assert(std::is_same_v<decltype(x = 2u), binding<var<"x">, double>>);
static_assert(std::is_same_v<decltype(x = std::int64_t{2}), binding<var<"x">, double>>);
static_assert((x = 2).value == 2.0);
static_assert((x = -7L).value == -7.0);

TEST_CASE("core/var: a binding carries the bound value unchanged") {
  const double value = 0.1;
  CHECK((x = value).value == value);
  CHECK((x = 0.1f).value == 0.1f);
  CHECK((x = 0.1L).value == 0.1L);
  CHECK((x = 3).value == 3.0);
}
