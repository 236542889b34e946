// tests/concepts_test.cpp
#include <ctgrad/concepts.hpp>  // first: proves the header stands alone

#include <ctgrad/core.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/sin.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace ctgrad;
using X = var<"x">;
using Y = var<"y">;

// Test-side concepts: a bare `requires` outside a template is a hard error, not false.
template <class A, class B>
concept addable = requires(A a, B b) {
  a + b;
};
template <class A>
concept has_sine = requires(A a) {
  ctgrad::sin(a);
};

static_assert(addable<X, double>);
static_assert(addable<int, X>);
static_assert(addable<X, Y>);
static_assert(!addable<std::string, X>);  // not a number
static_assert(!addable<X, bool>);         // bool is not a number either
static_assert(!addable<X, const char*>);
static_assert(has_sine<X>);
static_assert(!has_sine<double>);  // ctgrad::sin takes expressions; std::sin takes numbers

static_assert(expression<X> && expression<const X&>);
static_assert(expression<rational<1, 2>> && expression<constant<double>>);
static_assert(expression<unary<sin_op, X>> && expression<binary<add_op, X, Y>>);
static_assert(!expression<double> && !expression<std::string> && !expression<add_op>);

static_assert(number<float> && number<int> && number<const long double&>);
static_assert(!number<bool> && !number<std::string> && !number<X>);
static_assert(!number<char> && !number<unsigned char> && !number<char8_t> && !number<wchar_t>);

static_assert(variable<X> && variable<const X&>);
static_assert(!variable<rational<1>> && !variable<constant<double>> &&
              !variable<binary<add_op, X, Y>>);
static_assert(!variable<double>);

static_assert(static_constant<rational<1, 2>> && static_constant<zero>);
static_assert(!static_constant<constant<double>> && !static_constant<X> && !static_constant<int>);

static_assert(operand<double> && operand<X> && operand<unary<sin_op, X>>);
static_assert(!operand<std::string> && !operand<bool>);

TEST_CASE("concepts: an operator on a variable and a number builds an expression") {
  constexpr var<"x"> x;
  const auto sum = x + 2.5;
  static_assert(expression<decltype(sum)>);
  CHECK(sum.rhs.value == 2.5);
}
