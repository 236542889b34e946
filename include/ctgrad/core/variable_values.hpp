// ctgrad/core/variable_values.hpp: variable_values, one value per variable shaped like it; what
// parameters and gradients are; their arithmetic (+, -, * by a number, dot, global_norm).
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/tensor.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/detail/in_order.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>

namespace ctgrad {
namespace detail {
template <class T>
inline constexpr bool is_variable_values = false;
template <class T, class... Variables>
inline constexpr bool is_variable_values<variable_values<T, Variables...>> = true;

template <class Variable, class T>
struct slot {
  value_t<T, typename Variable::shape_type> value{};
  friend constexpr bool operator==(const slot&, const slot&) = default;
};

namespace {
/// v[x] for the sweeps. variable_values::operator[] is a member of the whole set's type, whose
/// mangled name spells every variable: n variables instantiated it n times with O(n)-long names.
/// This one is a function of the variable and the number type, with internal linkage.
template <class Variable, class T>
CTGRAD_ALWAYS_INLINE constexpr auto& value_of(slot<Variable, T>& s) {
  return s.value;
}
template <class Variable, class T>
CTGRAD_ALWAYS_INLINE constexpr const auto& value_of(const slot<Variable, T>& s) {
  return s.value;
}
}  // namespace

/// The check of a flat buffer whose size is known at run time only, an error that names the
/// function (who) and both counts.
inline void check_flat_size(const char* who, std::size_t numbers, std::size_t size) {
  if (numbers != size) {
    throw std::invalid_argument(std::string(who) + ": the variables hold " + std::to_string(numbers) +
                                " numbers, but the span has " + std::to_string(size));
  }
}

/// Calls f(p, o...) for each number p of one variable's value, with the numbers at the same place
/// in the values o... of the same shape (a gradient, an optimizer's state), in memory order.
template <class F, class Value, class... Others>
CTGRAD_ALWAYS_INLINE constexpr void for_each_number(F f, Value& value, Others&... others) {
  if constexpr (!requires { Value::size; }) {  // a number, or a dual (core/dual.hpp)
    f(value, others...);
  } else {
    for (std::size_t k = 0; k < Value::size; ++k) {
      f(value[k], others[k]...);
    }
  }
}
}  // namespace detail

/// One value per variable, shaped like the variable: a T for var<"x">, a tensor<T, 16, 2> for
/// var<"W", 16, 2>. Fixed-size, no heap. v[x] reads or writes the value of x.
template <class T, class... Variables>
struct variable_values : detail::slot<Variables, T>... {
  static_assert(detail::all_true<variable<Variables>...>,  // no fold: clang++ stops one at 256 terms
                "ctgrad::variable_values: every listed type must be a variable.");
  using value_type = T;

  /// The value of x; x must be one of the listed variables.
  template <class Variable>
  constexpr auto& operator[](Variable) {
    static_assert(detail::one_of<Variable, Variables...>,
                  "ctgrad::variable_values::operator[]: this variable is not one of its variables (for a gradient, one of wrt(...)).");
    return static_cast<detail::slot<Variable, T>&>(*this).value;
  }
  template <class Variable>
  constexpr const auto& operator[](Variable) const {
    static_assert(detail::one_of<Variable, Variables...>,
                  "ctgrad::variable_values::operator[]: this variable is not one of its variables (for a gradient, one of wrt(...)).");
    return static_cast<const detail::slot<Variable, T>&>(*this).value;
  }

  /// One binding per variable, as `x = v[x]` makes it; at(v, ...) uses them.
  CTGRAD_ALWAYS_INLINE constexpr auto to_bindings() const { return std::tuple{(Variables{} = detail::value_of<Variables>(*this))...}; }

  /// How many variables (not numbers) it holds.
  static constexpr std::size_t size() { return sizeof...(Variables); }

  /// How many numbers it holds: every variable's, added up (a 16×2 matrix counts 32).
  static constexpr std::size_t numbers() {
    std::size_t total = 0;
    for (const std::size_t each : {std::size_t{0}, Variables::shape_type::size...}) total += each;
    return total;
  }

  /// Its numbers into out, variable after variable in their order and each tensor row-major: the
  /// flat vector an optimiser from elsewhere (L-BFGS, a Ceres problem) reads, as `g.copy_to(grad)`.
  constexpr void copy_to(std::span<T, numbers()> out) const {
    std::size_t k = 0;
    detail::in_order{(detail::for_each_number([&](const T& a) { out[k++] = a; }, detail::value_of<Variables>(*this)),
                      0)...,
                     0};
  }

  /// Its numbers from in, in copy_to's order: parameters from an optimiser's flat vector.
  constexpr void copy_from(std::span<const T, numbers()> in) {
    std::size_t k = 0;
    detail::in_order{(detail::for_each_number([&](T& a) { a = in[k++]; }, detail::value_of<Variables>(*this)), 0)...,
                     0};
  }

  /// copy_to and copy_from with a span whose size is known at run time only (a std::vector's, an
  /// Eigen::VectorXd's): a size other than numbers() throws std::invalid_argument naming both.
  template <class Span>
    requires __is_same(Span, std::span<T>)
  constexpr void copy_to(Span out) const {
    detail::check_flat_size("ctgrad::variable_values::copy_to", numbers(), out.size());
    copy_to(std::span<T, numbers()>(out.data(), numbers()));
  }
  template <class Span>
    requires __is_same(Span, std::span<const T>) || __is_same(Span, std::span<T>)
  constexpr void copy_from(Span in) {
    detail::check_flat_size("ctgrad::variable_values::copy_from", numbers(), in.size());
    copy_from(std::span<const T, numbers()>(in.data(), numbers()));
  }

  /// Calls f(variable, value) for each variable, in the order they were listed.
  template <class F>
  constexpr void for_each(F&& f) {
    detail::in_order{(static_cast<void>(f(Variables{}, detail::value_of<Variables>(*this))), 0)...};
  }
  template <class F>
  constexpr void for_each(F&& f) const {
    detail::in_order{(static_cast<void>(f(Variables{}, detail::value_of<Variables>(*this))), 0)...};
  }

  /// Whether every number equals the one at the same place in w (a loaded model, a checkpoint).
  friend constexpr bool operator==(const variable_values&, const variable_values&) = default;

  // Arithmetic, number by number, on values of one type (a sum of gradients, an averaged model).
  // Hidden friends: found only for variable_values, so they add nothing to the overload sets of
  // the expression operators.

  /// v += w for every number: merging partial gradients.
  friend constexpr variable_values& operator+=(variable_values& v, const variable_values& w) {
    detail::in_order{(detail::for_each_number([](T& a, const T& b) { a += b; }, detail::value_of<Variables>(v),
                                              detail::value_of<Variables>(w)),
                      0)...};
    return v;
  }
  /// v -= w for every number.
  friend constexpr variable_values& operator-=(variable_values& v, const variable_values& w) {
    detail::in_order{(detail::for_each_number([](T& a, const T& b) { a -= b; }, detail::value_of<Variables>(v),
                                              detail::value_of<Variables>(w)),
                      0)...};
    return v;
  }
  /// v *= s for every number: scaling a gradient (clipping) or a sum (averaging).
  CTGRAD_ALWAYS_INLINE friend constexpr variable_values& operator*=(variable_values& v, T s) {
    detail::in_order{(detail::for_each_number([s](T& a) { a *= s; }, detail::value_of<Variables>(v)), 0)...};
    return v;
  }
  /// v + w, number by number.
  friend constexpr variable_values operator+(variable_values v, const variable_values& w) { return v += w; }
  /// v − w, number by number.
  friend constexpr variable_values operator-(variable_values v, const variable_values& w) { return v -= w; }
  /// s·v for every number.
  friend constexpr variable_values operator*(variable_values v, T s) { return v *= s; }
  /// s·v for every number.
  friend constexpr variable_values operator*(T s, variable_values v) { return v *= s; }
};

/// Σ v·w over every number of every variable: the dot product of two gradients, or of a gradient
/// and a step.
template <class T, class... Variables>
constexpr T dot(const variable_values<T, Variables...>& v, const variable_values<T, Variables...>& w) {
  T total{};
  detail::in_order{(detail::for_each_number([&total](const T& a, const T& b) { total += a * b; },
                                            detail::value_of<Variables>(v), detail::value_of<Variables>(w)),
                    0)...};
  return total;
}

/// √(Σ v²) over every number of every variable, the norm that gradient clipping bounds:
/// g *= limit / global_norm(g) when it exceeds limit.
template <class T, class... Variables>
T global_norm(const variable_values<T, Variables...>& v) {
  using std::sqrt;
  return sqrt(dot(v, v));
}

/// ∂f/∂v for each v of wrt(...), read as g[x]: what value_and_grad and grad return.
template <class T, class... Variables>
using gradient = variable_values<T, Variables...>;

/// The values of a model's parameters, read and written as p[W1]; at(p, ...) binds them all.
template <class T, class... Variables>
using parameters = variable_values<T, Variables...>;
}  // namespace ctgrad
