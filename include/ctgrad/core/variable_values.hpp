// ctgrad/core/variable_values.hpp: variable_values, one value per variable shaped like it; what
// parameters and gradients are.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/tensor.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <cstddef>
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
};
}  // namespace detail

/// One value per variable, shaped like the variable: a T for var<"x">, a tensor<T, 16, 2> for
/// var<"W", 16, 2>. Fixed-size, no heap. v[x] reads or writes the value of x.
template <class T, class... Variables>
struct variable_values : detail::slot<Variables, T>... {
  static_assert((variable<Variables> && ...),
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
  CTGRAD_ALWAYS_INLINE constexpr auto to_bindings() const { return std::tuple{(Variables{} = (*this)[Variables{}])...}; }

  /// How many variables (not numbers) it holds.
  static constexpr std::size_t size() { return sizeof...(Variables); }

  /// Calls f(variable, value) for each variable, in the order they were listed.
  template <class F>
  constexpr void for_each(F&& f) {
    (f(Variables{}, (*this)[Variables{}]), ...);
  }
  template <class F>
  constexpr void for_each(F&& f) const {
    (f(Variables{}, (*this)[Variables{}]), ...);
  }
};

/// ∂f/∂v for each v of wrt(...), read as g[x]: what value_and_grad and grad return.
template <class T, class... Variables>
using gradient = variable_values<T, Variables...>;

/// The values of a model's parameters, read and written as p[W1]; at(p, ...) binds them all.
template <class T, class... Variables>
using parameters = variable_values<T, Variables...>;
}  // namespace ctgrad
