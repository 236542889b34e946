// ctgrad/core/constant.hpp: constants in expressions, runtime (constant<T>) and compile-time (rational).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/fwd.hpp>

#include <cstddef>
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

namespace detail {
/// A decimal literal (2.5, 1e-4, 3) as the exact fraction num/den, with what is wrong with it.
struct decimal_fraction {
  std::intmax_t num = 0;
  std::intmax_t den = 1;
  bool valid = true;     // digits, at most one '.', an optional exponent e±digits
  bool too_long = false;  // num or den would not fit an intmax_t
};

template <char... Chars>
constexpr decimal_fraction parse_decimal() {
  constexpr char text[] = {Chars...};
  constexpr std::intmax_t limit = INTMAX_MAX / 10;
  decimal_fraction f;
  std::size_t k = 0;
  const std::size_t n = sizeof...(Chars);
  int scale = 0;  // the power of ten the digits are multiplied by
  bool point = false, digits = false;
  for (; k < n && text[k] != 'e' && text[k] != 'E'; ++k) {
    const char c = text[k];
    if (c == '\'') continue;  // a digit separator, 1'000
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      digits = true;
      if (f.num > limit) {
        f.too_long = true;
      } else {
        f.num = f.num * 10 + (c - '0');
      }
      if (point) --scale;
    } else {
      f.valid = false;
    }
  }
  if (k < n) {  // the exponent
    ++k;
    const bool negative = k < n && text[k] == '-';
    if (k < n && (text[k] == '-' || text[k] == '+')) ++k;
    int exponent = 0;
    bool exponent_digits = false;
    for (; k < n; ++k) {
      if (text[k] < '0' || text[k] > '9') {
        f.valid = false;
        break;
      }
      exponent_digits = true;
      if (exponent > 40) {  // 10^40 does not fit anyway; stop before the int would overflow
        f.too_long = true;
      } else {
        exponent = exponent * 10 + (text[k] - '0');
      }
    }
    f.valid = f.valid && exponent_digits;
    scale += negative ? -exponent : exponent;
  }
  f.valid = f.valid && digits;
  if (!f.valid || f.too_long) return f;
  for (; scale > 0; --scale) {
    if (f.num > limit) f.too_long = true;
    f.num *= 10;
  }
  for (; scale < 0; ++scale) {
    if (f.den > limit) f.too_long = true;
    f.den *= 10;
  }
  return f;
}
}  // namespace detail

namespace literals {
/// 3_c is rational<3>, 2.5_c rational<5, 2> and 1e-4_c rational<1, 10000>: a constant the
/// simplifier can see, as in d(3_c * x, x) == 3_c, and that a named subexpression can hold and
/// still be shared (a plain 2.5 is a runtime constant, copied at every use of the name).
template <char... Chars>
constexpr auto operator""_c() {
  constexpr detail::decimal_fraction f = detail::parse_decimal<Chars...>();
  static_assert(f.valid, "ctgrad::literals::_c: write a decimal number such as 3_c, 2.5_c or 1e-4_c.");
  static_assert(!f.valid || !f.too_long,
                "ctgrad::literals::_c: the number has too many digits for a fraction of 64-bit integers.");
  if constexpr (f.valid && !f.too_long) {
    return detail::make_rational<f.num, f.den>();
  } else {
    return zero{};  // the sentence above is the only error
  }
}
}  // namespace literals
}  // namespace ctgrad
