// ctgrad/io/print.hpp: operator<< and to_string, an expression as infix text with minimal parentheses.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/fwd.hpp>

#include <charconv>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace ctgrad {
namespace detail {
// Binding strength of what an expression prints as: a lower number needs parentheses sooner.
enum class precedence : int { sum = 1, product = 2, negation = 3, power = 4, atom = 5 };

template <class T>
concept infix_op = requires { T::precedence; T::associative; };

/// Whether E is pow<N>(a), printed a^N.
template <class E>
inline constexpr bool is_power = false;
template <int Exponent, class Arg>
inline constexpr bool is_power<unary<power_op<Exponent>, Arg>> = true;

/// Whether E is a binary node printed between its operands (a + b), not as a call (max(a, b)).
/// The elementwise product of two tensors prints as hadamard(a, b): a * b is their matrix product.
template <class E>
inline constexpr bool is_infix = false;
template <class Op, class Lhs, class Rhs>
inline constexpr bool is_infix<binary<Op, Lhs, Rhs>> = infix_op<Op>;
template <class Lhs, class Rhs>
inline constexpr bool is_infix<binary<mul_op, Lhs, Rhs>> = is_scalar<Lhs> || is_scalar<Rhs>;

/// Whether E is 1/b, the reciprocal that the derivative rules of div and sqrt share: a·(1/b)
/// prints as a / b, which it equals.
template <class E>
inline constexpr bool is_reciprocal = false;
template <class Rhs>
inline constexpr bool is_reciprocal<binary<div_op, one, Rhs>> = true;

template <class E>
constexpr std::string_view call_name() {
  if constexpr (is_binary_of<E, mul_op>) {
    return "hadamard";
  } else {
    return E::op::name;
  }
}

constexpr std::intmax_t power_of_ten(int exponent) {
  std::intmax_t result = 1;
  while (exponent-- > 0) result *= 10;
  return result;
}

/// How many decimals print Num/Den exactly, or 0 when it has no short exact decimal form
/// (Den has a prime factor other than 2 and 5, or Num·10^k/Den would overflow).
template <class T>
constexpr int decimal_digits() {
  std::intmax_t den = T::den;
  int twos = 0;
  int fives = 0;
  while (den % 2 == 0) den /= 2, ++twos;
  while (den % 5 == 0) den /= 5, ++fives;
  const int digits = twos > fives ? twos : fives;
  if (den != 1 || digits > 15) return 0;
  const std::intmax_t scale = power_of_ten(digits) / T::den;
  const std::intmax_t magnitude = T::num < 0 ? -T::num : T::num;
  return magnitude <= (std::intmax_t{1} << 62) / scale / 10 ? digits : 0;
}

template <class T>
inline constexpr bool has_decimal_form = false;
template <std::intmax_t Num, std::intmax_t Den>
inline constexpr bool has_decimal_form<rational<Num, Den>> = Den != 1 && decimal_digits<rational<Num, Den>>() > 0;

/// Whether e prints with a leading minus sign (decided at run time for runtime constants).
template <class E>
constexpr bool prints_negative(const E& e) {
  if constexpr (is_constant<E>) {
    return e.value < 0;
  } else if constexpr (is_rational<E>) {
    return E::num < 0;
  } else if constexpr (is_unary<E>) {
    return is_unary_of<E, neg_op>;
  } else if constexpr (is_infix<E>) {
    return prints_negative(e.lhs);
  } else {
    return false;
  }
}

template <class E>
constexpr precedence precedence_of(const E& e) {
  if constexpr (is_constant<E> || is_rational<E>) {
    if (prints_negative(e)) return precedence::negation;
    if constexpr (is_rational<E>) {
      if constexpr (E::den != 1 && !has_decimal_form<E>) return precedence::product;
    }
    return precedence::atom;
  } else if constexpr (is_unary_of<E, neg_op>) {
    return precedence::negation;
  } else if constexpr (is_power<E>) {
    return precedence::power;
  } else if constexpr (is_infix<E>) {
    return static_cast<precedence>(E::op::precedence);
  } else {
    return precedence::atom;
  }
}

template <class T>
void print_rational(std::ostream& out) {
  if constexpr (T::den == 1) {
    out << T::num;
  } else if constexpr (constexpr auto digits = decimal_digits<T>(); digits > 0) {
    // Num/Den = Num·(10^k/Den) / 10^k exactly: print the scaled integer with a decimal point.
    constexpr std::intmax_t scale = power_of_ten(digits) / T::den;
    const std::intmax_t magnitude = (T::num < 0 ? -T::num : T::num) * scale;
    const std::string text = std::to_string(magnitude + power_of_ten(digits)).substr(1);  // zero-padded
    const std::intmax_t whole = magnitude / power_of_ten(digits);
    std::string fraction = text.substr(text.size() - static_cast<std::size_t>(digits));
    while (fraction.back() == '0') fraction.pop_back();
    out << (T::num < 0 ? "-" : "") << whole << '.' << fraction;
  } else {
    out << T::num << '/' << T::den;
  }
}

/// A runtime constant in the fewest digits that read back as the same number (3.14159265358979).
template <class T>
void print_number(std::ostream& out, T value) {
  if constexpr (std::is_floating_point_v<T>) {
    char digits[64];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.write(digits, end - digits);
  } else {
    out << value;
  }
}

template <class E>
void print(std::ostream& out, const E& e);

template <class E>
void print_wrapped(std::ostream& out, const E& e, bool parenthesize) {
  if (parenthesize) out << '(';
  print(out, e);
  if (parenthesize) out << ')';
}

template <class E>
void print(std::ostream& out, const E& e) {
  if constexpr (is_var<E>) {
    out << E::name;
  } else if constexpr (is_constant<E>) {
    print_number(out, e.value);
  } else if constexpr (is_rational<E>) {
    print_rational<E>(out);
  } else if constexpr (is_unary_of<E, neg_op>) {
    out << '-';
    print_wrapped(out, e.arg, precedence_of(e.arg) <= precedence::negation);
  } else if constexpr (is_power<E>) {
    print_wrapped(out, e.arg, precedence_of(e.arg) <= precedence::power);
    out << '^' << E::op::exponent;
  } else if constexpr (is_unary<E>) {
    out << E::op::name << '(';
    print(out, e.arg);
    out << ')';
  } else if constexpr (is_binary_of<E, mul_op> && is_scalar<E> && is_reciprocal<typename E::rhs_type>) {
    print_wrapped(out, e.lhs, precedence_of(e.lhs) < precedence::product);
    out << " / ";
    print_wrapped(out, e.rhs.rhs, precedence_of(e.rhs.rhs) <= precedence::product || prints_negative(e.rhs.rhs));
  } else if constexpr (is_infix<E>) {
    constexpr auto own = static_cast<precedence>(E::op::precedence);
    print_wrapped(out, e.lhs, precedence_of(e.lhs) < own);
    out << ' ' << E::op::name << ' ';
    const auto right = precedence_of(e.rhs);
    print_wrapped(out, e.rhs,
                  right < own || (right == own && !E::op::associative) || prints_negative(e.rhs));
  } else {
    out << call_name<E>() << '(';
    print(out, e.lhs);
    out << ", ";
    print(out, e.rhs);
    out << ')';
  }
}
}  // namespace detail

/// Writes f as an infix formula with minimal parentheses, e.g. `-2 * (y - θ * x) * x`.
template <expression E>
std::ostream& operator<<(std::ostream& out, const E& f) {
  detail::print(out, f);
  return out;
}

/// f as the infix formula operator<< writes.
template <expression E>
std::string to_string(const E& f) {
  std::ostringstream text;
  detail::print(text, f);
  return text.str();
}
}  // namespace ctgrad
