// ctgrad/diff/symbolic.hpp: d(f, x), the derivative as a new expression.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/config.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/op_rules.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/core/depends.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/mul.hpp>

#include <boost/hana/at.hpp>
#include <boost/hana/basic_tuple.hpp>

#include <array>
#include <cstddef>

namespace ctgrad {
namespace detail {
// The chain rule over the type: each op gives its local derivative as an expression, and the
// simplifying operators prune what is zero, so d's result grows with f, not with its paths.
template <class E, class X>
constexpr auto derivative(const E& f, X x) {
  if constexpr (!depends_on<E, X>) {
    return zero{};
  } else if constexpr (is_var<E>) {
    return one{};
  } else if constexpr (is_unary<E>) {
    return E::op::derivative(f.arg, f) * derivative(f.arg, x);
  } else {
    auto partials = E::op::partials(f.lhs, f.rhs, f);
    return boost::hana::at_c<0>(partials) * derivative(f.lhs, x) +
           boost::hana::at_c<1>(partials) * derivative(f.rhs, x);
  }
}
}  // namespace detail

/// ∂f/∂x as an expression: d(x * y, x) is y; higher orders compose, as in d(d(f, x), y).
template <class E, class X>
constexpr expression auto d(const E& f, X x) {
  static_assert(expression<E>, "ctgrad::d: the first argument must be a ctgrad expression.");
  static_assert(variable<X>,
                "ctgrad::d: the second argument must be a variable declared with var<name>; "
                "differentiate with respect to a variable, not an expression or a number.");
  if constexpr (detail::has_tensor<E> || detail::has_tensor<X>) {
    static_assert(!detail::has_tensor<E> && !detail::has_tensor<X>,
                  "ctgrad::d: symbolic derivatives are for scalar expressions; differentiate "
                  "tensor expressions with value_and_grad.");
    return zero{};  // the sentence above is the only error
  } else if constexpr (!detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>) {
    static_assert(detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>,
                  "ctgrad::d: an op of the expression lacks a rule; give its tag eval(a) and "
                  "derivative(a, result) (for two operands, eval(a, b) and partials(a, b, result)), "
                  "as docs/adding-an-op.md shows.");
    return zero{};  // the sentence above is the only error
  } else {
    return detail::derivative(f, x);
  }
}

}  // namespace ctgrad
