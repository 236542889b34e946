// tests/core/names_test.cpp
#include <ctgrad/core/names.hpp>  // first: proves the header stands alone

#include <ctgrad/ctgrad.hpp>

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"v", 2> v;

namespace {
using detail::clash_among_t;
using detail::clash_in_t;
using detail::name_clash;
using detail::names_agree_in;
using detail::variable_named;
}  // namespace

// One name, one shape: a variable repeated is no clash; a name with a second shape is one,
// wherever in the expression the two meet.
static_assert(names_agree_in<decltype(x * y + sin(x) * y)>);
static_assert(names_agree_in<decltype(sum(v) * x + dot(v, v))>);
static_assert(!names_agree_in<decltype(sum(v) + y + y * var<"v">{})>);
static_assert(!names_agree_in<decltype(var<"W", 2, 3>{} * var<"W", 3, 2>{})>);
static_assert(std::is_void_v<clash_in_t<decltype(sum(v) + x + x * y)>>);
static_assert(std::is_same_v<clash_in_t<decltype((sum(v) + y) * (y * var<"v">{}))>,
                             name_clash<variable_named<'v'>, shape<2>, shape<>>>);
static_assert(std::is_same_v<clash_among_t<var<"θ", 2>, var<"y">, var<"θ">>,
                             name_clash<variable_named<'\xce', '\xb8'>, shape<2>, shape<>>>);
static_assert(std::is_void_v<clash_among_t<var<"x">, var<"y">, var<"v", 2>>>);
// Found by sorting, so the two entries of a clash need not be neighbours in the list, and a
// name repeated with its one shape among them is no clash.
static_assert(std::is_same_v<clash_among_t<var<"a">, var<"b", 3>, var<"a">, var<"c">, var<"b">>,
                             name_clash<variable_named<'b'>, shape<3>, shape<>>>);
static_assert(std::is_void_v<clash_among_t<var<"a">, var<"b", 3>, var<"a">, var<"b", 3>, var<"c">>>);

TEST_CASE("core/names: variables of different names and shapes still combine") {
  const tensor<double, 2> a{{1.0, 2.0}};
  CHECK(eval(sum(v) * x + y, at(v = a, x = 2.0, y = 1.0)) == 7.0);
  CHECK(grad(sum(v) * x + y, wrt(v, x, y), at(v = a, x = 2.0, y = 1.0))[x] == 3.0);
}
