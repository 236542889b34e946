// ctgrad/diff/dual_point.hpp: a point in dual numbers: every value at(...) binds, with a tangent
// along a direction of the wrt(...) variables, so that any sweep run at it (eval, value_and_grad)
// also computes the derivative of everything along that direction: forward mode for tensors.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/dual.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/detail/in_order.hpp>
#include <ctgrad/detail/type_traits.hpp>

#include <cstddef>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// The values a point binds, as duals (their tangents set by set_tangents).
template <class T, class... Bindings>
using dual_values_of = variable_values<dual<T>, typename Bindings::variable_type...>;

/// Binding's numbers at the point, as duals with no tangent, into values.
template <class Binding, class Point, class Values>
CTGRAD_ALWAYS_INLINE constexpr void copy_as_duals(const Point& point, Values& values) {
  using V = typename Binding::variable_type;
  const Binding& bound = point;
  auto& target = value_of<V>(values);
  if constexpr (V::shape_type::rank == 0) {
    target = bound.value;
  } else {
    for (std::size_t k = 0; k < V::shape_type::size; ++k) target.values[k] = bound.data[k];
  }
}

/// Every value the point binds, as a dual with tangent 0; at(values) is the point in duals.
template <class T, class... Bindings>
CTGRAD_ALWAYS_INLINE constexpr dual_values_of<T, Bindings...> dual_values(const bindings<Bindings...>& point) {
  dual_values_of<T, Bindings...> values;
  in_order{(copy_as_duals<Bindings>(point, values), 0)..., 0};
  return values;
}

/// Sets the tangent of number k of the variables Wrt (in copy_to's order: variable after
/// variable, tensors row-major) to tangent(k). A variable the point does not bind (the function
/// does not use it) holds no number here but counts in the order.
template <class T, class... Wrt, class... Bound, class Tangent>
CTGRAD_ALWAYS_INLINE constexpr void set_tangents(variable_list<Wrt...>, variable_values<dual<T>, Bound...>& values,
                                                 const Tangent& tangent) {
  std::size_t k = 0;
  const auto each = [&](auto variable) {
    using V = decltype(variable);
    if constexpr (one_of<V, Bound...>) {
      for_each_number([&](dual<T>& number) { number.tangent = tangent(k++); }, value_of<V>(values));
    } else {
      k += V::shape_type::size;
    }
  };
  in_order{(each(Wrt{}), 0)..., 0};
}

/// The numbers of a dual value (a dual, or a tensor of them), each as f(k, number), in memory order.
template <class Value, class F>
CTGRAD_ALWAYS_INLINE constexpr void for_each_dual(const Value& value, F f) {
  if constexpr (requires { Value::size; }) {
    for (std::size_t k = 0; k < Value::size; ++k) f(k, value.values[k]);
  } else {
    f(std::size_t{0}, value);
  }
}
}  // namespace
}  // namespace ctgrad::detail
