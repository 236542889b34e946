// ctgrad/core/constant.hpp: constants in expressions, runtime (constant<T>) and compile-time (rational).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/fwd.hpp>

#include <cstdint>
#include <numeric>

namespace ctgrad {
/// A number fixed when the expression is built (x * 2.5 holds 2.5); evaluates in the caller's type.
template <class T>
struct constant {
  T value;
};

/// The compile-time constant Num/Den: an empty type, so d and the simplifier can fold it.
template <std::intmax_t Num, std::intmax_t Den>
struct rational {
  static_assert(Den > 0 && std::gcd(Num, Den) == 1,
                "ctgrad::rational: write the fraction in lowest terms with a positive denominator.");
  static constexpr std::intmax_t num = Num;
  static constexpr std::intmax_t den = Den;
};

/// 0 and 1 as types: what the simplifier looks for.
using zero = rational<0>;
using one = rational<1>;

namespace detail {
// Every rational the library makes passes through here, so types stay canonical.
template <std::intmax_t Num, std::intmax_t Den>
constexpr auto make_rational() {
  static_assert(Den != 0, "ctgrad: division by the compile-time constant 0.");
  constexpr std::intmax_t sign = Den < 0 ? -1 : 1;
  constexpr std::intmax_t divisor = std::gcd(Num, Den) == 0 ? 1 : std::gcd(Num, Den);
  return rational<sign * Num / divisor, sign * Den / divisor>{};
}

template <class T>
concept is_zero = __is_same(std::remove_cvref_t<T>, zero);
template <class T>
concept is_one = __is_same(std::remove_cvref_t<T>, one);

/// Whether T is a constant, known at run time (constant<T>) or at compile time (rational).
template <class T>
concept is_number_constant = is_constant<T> || is_rational<T>;

/// The number a constant stands for; a rational becomes a double.
template <class C>
constexpr auto constant_value(C c) {
  if constexpr (is_rational<C>) {
    return static_cast<double>(C::num) / static_cast<double>(C::den);
  } else {
    return c.value;
  }
}

/// The constant v: operators fold constants so that d(y / 2, y) is 0.5, not 1 / 2.
template <class T>
constexpr constant<T> make_constant(T v) {
  return {v};
}

/// A number as an expression: expressions pass through, numbers become constant<T>.
template <operand T>
constexpr expression auto as_expression(T value) {
  if constexpr (expression<T>) {
    return value;
  } else {
    return constant<T>{value};
  }
}
}  // namespace detail

namespace literals {
/// 3_c is rational<3>: an integer constant the simplifier can see, as in d(3_c * x, x) == 3_c.
template <char... Digits>
constexpr auto operator""_c() {
  constexpr std::intmax_t value = [] {
    std::intmax_t result = 0;
    ((result = result * 10 + (Digits - '0')), ...);
    return result;
  }();
  static_assert(((Digits >= '0' && Digits <= '9') && ...),
                "ctgrad::literals::_c: write a decimal integer such as 3_c.");
  return rational<value>{};
}
}  // namespace literals
}  // namespace ctgrad
