// tests/core/node_test.cpp
#include <ctgrad/core/node.hpp>  // first: proves the header stands alone

#include <ctgrad/core.hpp>
#include <ctgrad/diff.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

// Expressions made of variables and rationals are empty types.
static_assert(std::is_empty_v<decltype(sin(x) * y + pow<2>(x))>);
static_assert(std::is_empty_v<decltype(3_c * x + rational<1, 2>{})>);
static_assert(std::is_empty_v<decltype(max(exp(x), relu(y)) / (1_c + abs(x - y)))>);
static_assert(std::is_empty_v<decltype(d(sin(x) * y + pow<2>(x), x))>);

// A runtime constant costs exactly its number, wherever it sits.
static_assert(!std::is_empty_v<decltype(x * 2.5)>);
static_assert(sizeof(x * 2.5) == sizeof(double));
static_assert(sizeof(2.5 * x) == sizeof(double));
static_assert(sizeof(sin(x * 2.5) + y) == sizeof(double));
static_assert(sizeof(x * 2.5 + y * 3.5f) ==
              sizeof(double) + sizeof(double));  // padding after float
static_assert(sizeof(exp(x * 2.5) * exp(y * 2.5)) == 2 * sizeof(double));

// Nodes are structural: an expression can be a template argument.
template <auto E>
constexpr double at_two = eval(E, at(x = 2.0));
static_assert(at_two<x * x + 1_c> == 5.0);
static_assert(at_two<relu(x) * 3_c> == 6.0);

// make_unary and make_binary build exactly the node asked for, without simplification.
static_assert(std::is_same_v<decltype(detail::make_binary<add_op>(x, zero{})),
                             binary<add_op, var<"x">, zero>>);
static_assert(std::is_same_v<decltype(detail::make_unary<neg_op>(detail::make_unary<neg_op>(x))),
                             unary<neg_op, unary<neg_op, var<"x">>>>);
static_assert(eval(detail::make_binary<add_op>(x, zero{}), at(x = 2.0)) == 2.0);

TEST_CASE("core/node: operands are held by value and reachable by role") {
  const auto f = sin(x * 2.5) + y * -1.5;
  CHECK(f.lhs.arg.rhs.value == 2.5);
  CHECK(f.rhs.rhs.value == -1.5);
  const auto copy = f;
  CHECK(eval(copy, at(x = 1.0, y = 2.0)) == eval(f, at(x = 1.0, y = 2.0)));
}
