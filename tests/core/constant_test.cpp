// tests/core/constant_test.cpp
#include <ctgrad/core/constant.hpp>  // first: proves the header stands alone

#include <ctgrad/core/eval.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/div.hpp>
#include <ctgrad/ops/cos.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/sin.hpp>

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;

static_assert(std::is_empty_v<rational<1, 2>>);
static_assert(rational<-3, 4>::num == -3 && rational<-3, 4>::den == 4);
static_assert(std::is_same_v<rational<5>, rational<5, 1>>);
static_assert(std::is_same_v<zero, rational<0>> && std::is_same_v<one, rational<1>>);

// Literals are integer rationals.
static_assert(std::is_same_v<decltype(0_c), zero>);
static_assert(std::is_same_v<decltype(1_c), one>);
static_assert(std::is_same_v<decltype(3_c), rational<3>>);
static_assert(std::is_same_v<decltype(123456789_c), rational<123456789>>);
// ...and decimals, exactly: a fraction of powers of ten in lowest terms.
static_assert(std::is_same_v<decltype(2.5_c), rational<5, 2>>);
static_assert(std::is_same_v<decltype(1e-4_c), rational<1, 10000>>);
static_assert(std::is_same_v<decltype(0.1_c), rational<1, 10>>);
static_assert(std::is_same_v<decltype(1.0_c), one>);
static_assert(std::is_same_v<decltype(0.0_c), zero>);
static_assert(std::is_same_v<decltype(2.5e2_c), rational<250>>);
static_assert(std::is_same_v<decltype(12.50E-1_c), rational<5, 4>>);
static_assert(std::is_same_v<decltype(1'000_c), rational<1000>>);
// They evaluate to the double the literal itself is (numerator and denominator below 2^53).
static_assert(eval(0.1_c * x, at(x = 1.0)) == 0.1);
static_assert(eval(1e-4_c * x, at(x = 1.0)) == 1e-4);
static_assert(eval(3.14159265358979_c * x, at(x = 1.0)) == 3.14159265358979);
// And a named subexpression that holds one is shared. One holding 0.5 is shared too where its
// uses' constants are equal, which the entry points check at run time; the graph they use where
// they differ holds each use on its own.
constexpr auto half_x = 0.5_c * x;
constexpr auto runtime_half_x = 0.5 * x;
// ½, x, ½·x, sin, cos, the product; without sharing, a second 0.5 and a second 0.5·x.
static_assert(detail::graph_t<decltype(sin(half_x) * cos(half_x))>::size == 6);
static_assert(!detail::shares_payloads<decltype(sin(half_x) * cos(half_x))>);
static_assert(detail::graph_t<decltype(sin(runtime_half_x) * cos(runtime_half_x))>::size == 6);
static_assert(detail::unshared_graph_t<decltype(sin(runtime_half_x) * cos(runtime_half_x))>::size == 8);

// Every rational the library makes is in lowest terms with a positive denominator.
static_assert(std::is_same_v<decltype(detail::make_rational<2, 4>()), rational<1, 2>>);
static_assert(std::is_same_v<decltype(detail::make_rational<1, -2>()), rational<-1, 2>>);
static_assert(std::is_same_v<decltype(detail::make_rational<-4, -6>()), rational<2, 3>>);
static_assert(std::is_same_v<decltype(detail::make_rational<0, 5>()), zero>);
static_assert(std::is_same_v<decltype(1_c / 3_c + 1_c / 6_c), rational<1, 2>>);
static_assert(std::is_same_v<decltype(2_c / 4_c * 2_c), one>);

// Numbers become runtime constants of their own type; expressions pass through.
static_assert(std::is_same_v<decltype(detail::as_expression(2)), constant<int>>);
static_assert(std::is_same_v<decltype(detail::as_expression(2.5f)), constant<float>>);
static_assert(std::is_same_v<decltype(detail::as_expression(x)), var<"x">>);
static_assert(detail::as_expression(2.5).value == 2.5);

// A rational evaluates exactly rounded in the caller's type.
static_assert(eval(rational<1, 3>{}, at()) == 1.0 / 3.0);
static_assert(eval(rational<1, 3>{} * x, at(x = 1.0f)) == 1.0f / 3.0f);
static_assert(eval(rational<-7, 2>{}, at()) == -3.5);

TEST_CASE("core/constant: a runtime constant is converted to the caller's type before use") {
  const auto f = x * 0.1;
  const auto in_float = eval(f, at(x = 3.0f));
  static_assert(std::is_same_v<decltype(in_float), const float>);
  CHECK(in_float == 0.1f * 3.0f);
  CHECK(eval(f, at(x = 3.0)) == 0.1 * 3.0);
  CHECK(eval(f, at(x = 3.0L)) == static_cast<long double>(0.1) * 3.0L);
}

TEST_CASE("core/constant: a constant keeps the value it was built with") {
  double scale = 2.5;
  const auto f = x * scale;
  scale = 4.0;  // the expression holds a copy, not a reference
  CHECK(f.rhs.value == 2.5);
  CHECK(eval(f, at(x = 2.0)) == 5.0);
}
