// ctgrad/core/dual.hpp: dual<T>, a number with a tangent (a + a'ε, ε² = 0), the number type that
// carries one directional derivative through any sweep: hessian of tensor variables runs
// value_and_grad in it (forward over reverse).
#pragma once

#include <cmath>
#include <type_traits>

namespace ctgrad {
/// value + tangent·ε with ε² = 0: every operation gives its value and, by the chain rule, the
/// derivative of that value along one direction. Comparisons read the values only, as a branch
/// of the function does (relu, max, abs), except == and !=, which compare both parts, so that
/// a sweep skips a term as zero only when its tangent is zero too.
template <class T>
struct dual {
  static_assert(std::is_floating_point_v<T>, "ctgrad::dual: the parts are float, double or long double.");
  using value_type = T;
  T value{};
  T tangent{};

  constexpr dual() = default;
  constexpr dual(T v) : value(v) {}  // NOLINT: a number is a dual with no tangent
  constexpr dual(T v, T t) : value(v), tangent(t) {}
  template <class Number>
    requires(std::is_arithmetic_v<Number> && !std::is_same_v<Number, T>)
  constexpr explicit dual(Number v) : value(static_cast<T>(v)) {}

  friend constexpr dual operator+(dual a) { return a; }
  friend constexpr dual operator-(dual a) { return {-a.value, -a.tangent}; }
  friend constexpr dual operator+(dual a, dual b) { return {a.value + b.value, a.tangent + b.tangent}; }
  friend constexpr dual operator-(dual a, dual b) { return {a.value - b.value, a.tangent - b.tangent}; }
  friend constexpr dual operator*(dual a, dual b) {
    return {a.value * b.value, a.tangent * b.value + a.value * b.tangent};
  }
  friend constexpr dual operator/(dual a, dual b) {
    const T quotient = a.value / b.value;
    return {quotient, (a.tangent - quotient * b.tangent) / b.value};
  }
  constexpr dual& operator+=(dual b) { return *this = *this + b; }
  constexpr dual& operator-=(dual b) { return *this = *this - b; }
  constexpr dual& operator*=(dual b) { return *this = *this * b; }
  constexpr dual& operator/=(dual b) { return *this = *this / b; }

  friend constexpr bool operator==(dual a, dual b) { return a.value == b.value && a.tangent == b.tangent; }
  friend constexpr bool operator<(dual a, dual b) { return a.value < b.value; }
  friend constexpr bool operator>(dual a, dual b) { return a.value > b.value; }
  friend constexpr bool operator<=(dual a, dual b) { return a.value <= b.value; }
  friend constexpr bool operator>=(dual a, dual b) { return a.value >= b.value; }

  // The functions the ops call, found by argument-dependent lookup (an op writes
  // `using std::sin; sin(a)`).
  friend dual sin(dual a) { return {std::sin(a.value), std::cos(a.value) * a.tangent}; }
  friend dual cos(dual a) { return {std::cos(a.value), -std::sin(a.value) * a.tangent}; }
  friend dual exp(dual a) {
    const T e = std::exp(a.value);
    return {e, e * a.tangent};
  }
  friend dual log(dual a) { return {std::log(a.value), a.tangent / a.value}; }
  friend dual log1p(dual a) { return {std::log1p(a.value), a.tangent / (T{1} + a.value)}; }
  friend dual sqrt(dual a) {
    const T root = std::sqrt(a.value);
    return {root, a.tangent / (T{2} * root)};
  }
  friend dual tanh(dual a) {
    const T t = std::tanh(a.value);
    return {t, (T{1} - t * t) * a.tangent};
  }
  friend dual abs(dual a) { return a.value < T{0} ? -a : a; }
  friend dual pow(dual a, dual b) {
    const T p = std::pow(a.value, b.value);
    // d(aᵇ) = b·aᵇ⁻¹·da + aᵇ·ln a·db; the second term only where b varies, so a ≤ 0 with a
    // constant exponent stays finite.
    T tangent = b.value * std::pow(a.value, b.value - T{1}) * a.tangent;
    if (b.tangent != T{0}) tangent += p * std::log(a.value) * b.tangent;
    return {p, tangent};
  }
};

namespace detail {
template <class T>
inline constexpr bool is_dual = false;
template <class T>
inline constexpr bool is_dual<dual<T>> = true;
}  // namespace detail
}  // namespace ctgrad
