// ctgrad/core/eval.hpp: eval(f, at(x = 1.0, ...)), the value of an expression at a point.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/flat_forward.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/op_rules.hpp>
#include <ctgrad/core/record.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/core/var.hpp>

namespace ctgrad {
namespace detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// The value of E in type R; every op's rule is applied to values already converted to R.
template <class R, class E, class B>
CTGRAD_SWEEP_INLINE constexpr R value(const E& e, const B& b) {
  if constexpr (is_unary<E>) {
    return static_cast<R>(E::op::eval(value<R>(e.arg, b)));
  } else if constexpr (is_binary<E>) {
    return static_cast<R>(E::op::eval(value<R>(e.lhs, b), value<R>(e.rhs, b)));
  } else {
    return leaf_value<R>(e, b);  // the same leaves the forward sweep records
  }
}
}  // namespace
}  // namespace detail

/// The value of f at the point b, in b's value type (the common type of the bound numbers): a
/// number, or a tensor of f's shape.
template <class E, class... Bindings>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto eval(const E& f, const bindings<Bindings...>& b) {
  static_assert(expression<E>, "ctgrad::eval: the first argument must be a ctgrad expression.");
  using value_type = typename bindings<Bindings...>::value_type;
  using unbound = typename detail::first_unbound<E, bindings<Bindings...>>::type;
  if constexpr (!detail::names_agree_in<E>) {
    static_assert(detail::one_shape_per_name<detail::clash_in_t<E>>,
                  "ctgrad::eval: two variables with one name have different shapes; give each "
                  "variable its own name.");
    return value_type{};  // the sentence above is the only error
  } else if constexpr (!detail::op_has_its_rules<typename detail::first_op_without_rules<E, false>::type>) {
    static_assert(detail::op_has_its_rules<typename detail::first_op_without_rules<E, false>::type>,
                  "ctgrad::eval: an op of the expression lacks a value rule; give its tag eval(a) "
                  "(for two operands, eval(a, b)), as docs/adding-an-op.md shows.");
    return value_type{};  // the sentence above is the only error
  } else if constexpr (!detail::every_variable_bound<unbound>) {
    static_assert(detail::every_variable_bound<unbound>,
                  "ctgrad::eval: the expression uses a variable that at(...) does not bind.");
    return value_type{};  // the sentence above is the only error
  } else if constexpr (detail::flat_sweepable<E>) {  // each node once, however often it is used
    return detail::flat_eval<value_type>(f, b);
  } else {  // a tensor expression: the forward sweep's record holds every node's value
    typename detail::record_of<value_type, E, bindings<Bindings...>>::type record{};
    detail::forward<value_type>(f, b, record);
    if constexpr (requires { record.data; }) {  // a bare tensor variable: copy what it binds
      detail::value_t<value_type, detail::shape_of_t<E>> result{};
      for (std::size_t k = 0; k < result.size; ++k) result.values[k] = record.data[k];
      return result;
    } else {
      return record.value;
    }
  }
}
}  // namespace ctgrad
