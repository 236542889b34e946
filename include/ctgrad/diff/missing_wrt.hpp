// ctgrad/diff/missing_wrt.hpp: value_and_grad(f, at(...)), grad(f, at(...)) and hessian(f, at(...))
// without wrt(...): one sentence that says what is missing, instead of a list of the overloads
// that take three arguments.
#pragma once

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/detail/type_traits.hpp>

namespace ctgrad {
/// value_and_grad(f, at(...)) without wrt(...): a compile error that names the missing argument.
template <class E, class... Bindings>
constexpr int value_and_grad(const E&, const bindings<Bindings...>&) {
  static_assert(detail::always_false<E>,
                "ctgrad::value_and_grad: name the variables to differentiate with respect to, as in "
                "value_and_grad(f, wrt(x, y), at(x = 1.0, y = 2.0)).");
  return 0;  // the sentence above is the only error
}

/// grad(f, at(...)) without wrt(...): a compile error that names the missing argument.
template <class E, class... Bindings>
constexpr int grad(const E&, const bindings<Bindings...>&) {
  static_assert(detail::always_false<E>,
                "ctgrad::grad: name the variables to differentiate with respect to, as in "
                "grad(f, wrt(x, y), at(x = 1.0, y = 2.0)).");
  return 0;  // the sentence above is the only error
}

/// hessian(f, at(...)) without wrt(...): a compile error that names the missing argument.
template <class E, class... Bindings>
constexpr int hessian(const E&, const bindings<Bindings...>&) {
  static_assert(detail::always_false<E>,
                "ctgrad::hessian: name the variables to differentiate with respect to, as in "
                "hessian(f, wrt(x, y), at(x = 1.0, y = 2.0)).");
  return 0;  // the sentence above is the only error
}
}  // namespace ctgrad
