// tests/core/op_rules_test.cpp
#include <ctgrad/core/op_rules.hpp>  // first: proves the header stands alone

#include <ctgrad/ctgrad.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;

namespace {
using detail::first_op_without_rules;
using detail::op_lacking_rules;

struct no_derivative_op {  // a value rule only
  static constexpr auto eval(auto a) { return a; }
};
struct one_argument_derivative_op {  // derivative(a) where the protocol passes (a, result)
  static constexpr auto eval(auto a) { return a; }
  static constexpr auto derivative(auto) { return one{}; }
};
struct number_derivative_op {  // a rule that is a number, not an expression
  static constexpr auto eval(auto a) { return a; }
  static constexpr double derivative(auto, auto) { return 1.0; }
};
struct one_partial_op {  // partials returns one rule, not two
  static constexpr auto eval(auto a, auto b) { return a + b; }
  static constexpr auto partials(auto, auto, auto) { return boost::hana::make_basic_tuple(one{}); }
};
struct complete_binary_op {
  static constexpr auto eval(auto a, auto b) { return a * b; }
  static constexpr auto partials(auto a, auto b, auto) { return boost::hana::make_basic_tuple(b, a); }
};

/// The first op of E lacking a rule value_and_grad needs, or void.
template <class E>
using checked = typename first_op_without_rules<E, true>::type;
}  // namespace

// The library's elementwise ops satisfy the protocol.
static_assert(unary_value_rule<sin_op> && unary_derivative_rule<sin_op>);
static_assert(unary_value_rule<relu_op> && unary_derivative_rule<relu_op>);
static_assert(unary_value_rule<power_op<3>> && unary_derivative_rule<power_op<3>>);
static_assert(binary_value_rule<mul_op> && binary_derivative_rule<mul_op>);
static_assert(binary_value_rule<max_op> && binary_derivative_rule<max_op>);
static_assert(binary_value_rule<complete_binary_op> && binary_derivative_rule<complete_binary_op>);

// Each way of getting a rule wrong fails the concept it breaks, and only that one.
static_assert(unary_value_rule<no_derivative_op> && !unary_derivative_rule<no_derivative_op>);
static_assert(!unary_derivative_rule<one_argument_derivative_op>);
static_assert(!unary_derivative_rule<number_derivative_op>);
static_assert(binary_value_rule<one_partial_op> && !binary_derivative_rule<one_partial_op>);
static_assert(!unary_value_rule<mul_op> && !binary_value_rule<sin_op>);

// The first op lacking a rule is found wherever it is in the expression, the operands' order
// deciding between two; eval (no derivatives asked) accepts an op with a value rule alone.
constexpr var<"x"> x;
constexpr var<"y"> y;
using bad = unary<no_derivative_op, var<"x">>;
using worse = binary<one_partial_op, var<"x">, var<"y">>;
static_assert(std::is_void_v<checked<decltype(sin(x) * y + x)>>);
static_assert(std::is_same_v<checked<decltype(sin(x) * (bad{} + y))>, op_lacking_rules<no_derivative_op>>);
static_assert(std::is_same_v<checked<decltype(worse{} * bad{})>, op_lacking_rules<one_partial_op>>);
static_assert(std::is_same_v<checked<decltype(bad{} * worse{})>, op_lacking_rules<no_derivative_op>>);
static_assert(std::is_void_v<typename first_op_without_rules<decltype(sin(x) * (bad{} + y)), false>::type>);
static_assert(std::is_void_v<checked<decltype(sum(var<"v", 3>{}) * x)>>);  // sum: its own protocol

TEST_CASE("core/op_rules: an op with a value rule alone can be evaluated, not differentiated") {
  CHECK(eval(bad{} * y, at(x = 3.0, y = 2.0)) == 6.0);
  CHECK(eval(binary<complete_binary_op, var<"x">, var<"y">>{} + x, at(x = 3.0, y = 2.0)) == 9.0);
  const auto f = binary<complete_binary_op, var<"x">, var<"y">>{};
  const auto [value, g] = value_and_grad(f, wrt(x, y), at(x = 3.0, y = 2.0));
  CHECK(value == 6.0);
  CHECK(g[x] == 2.0);
  CHECK(g[y] == 3.0);
}
