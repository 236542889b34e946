// ctgrad/diff/hessian.hpp: hessian(f, wrt(x...), at(...)), the matrix of second derivatives:
// symbolic for scalar expressions of scalar variables, forward over reverse with tensors.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/config.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/dual.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/op_rules.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/detail/in_order.hpp>
#include <ctgrad/diff/dual_point.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/diff/symbolic.hpp>

#include <array>
#include <cstddef>

namespace ctgrad {
namespace detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// The Hessian from d(d(f, xᵢ), xⱼ), evaluated at the point: exact, and constexpr where f's ops are.
template <class T, std::size_t N, class E, class... Variables, class B>
CTGRAD_ALWAYS_INLINE constexpr void symbolic_hessian(const E& f, variable_list<Variables...>, const B& point,
                                                     std::array<std::array<T, N>, N>& result) {
  std::size_t row = 0;
  (
      [&](auto xi) {
        auto dfdxi = derivative(f, xi);
        std::size_t column = 0;
        ((result[row][column++] = value<T>(derivative(dfdxi, Variables{}), point)), ...);
        ++row;
      }(Variables{}),
      ...);
}

/// f's gradient at the dual point `values` (its tangents already set along a direction): each
/// partial's value and tangent, f(k, value, tangent) for the k-th number of the variables. The
/// tangents are the Hessian times the direction (forward over reverse): hessian's columns and hvp.
template <class T, class E, class... Variables, class Values, class F>
CTGRAD_ALWAYS_INLINE constexpr void gradient_along(const E& f, variable_list<Variables...> wrt, const Values& values,
                                                   F each) {
  const auto g = value_and_grad(f, wrt, at(values)).grad;
  std::size_t k = 0;
  g.for_each([&](auto, const auto& partial) {
    for_each_number([&](const dual<T>& number) { each(k++, number.value, number.tangent); }, partial);
  });
}

/// The Hessian as the derivative of the gradient, one column per number of the variables: column
/// j is the tangent of value_and_grad's gradient, run in dual numbers whose tangent is 1 at the
/// variables' number j and 0 elsewhere (forward over reverse). Each column is exact up to rounding,
/// as the gradient is; H is symmetric up to rounding.
template <class T, std::size_t N, class E, class... Variables, class... Bindings>
constexpr void forward_over_reverse_hessian(const E& f, variable_list<Variables...> wrt,
                                            const bindings<Bindings...>& point, std::array<std::array<T, N>, N>& result) {
  auto values = dual_values<T>(point);
  for (std::size_t column = 0; column < N; ++column) {
    set_tangents(wrt, values, [column](std::size_t k) { return k == column ? T{1} : T{0}; });
    gradient_along<T>(f, wrt, values, [&](std::size_t row, T, T tangent) { result[row][column] = tangent; });
  }
}
}  // namespace
}  // namespace detail

/// The Hessian matrix [∂²f/∂xᵢ∂xⱼ] of the scalar f at a point, a row and a column per number of the
/// variables of wrt(...) (a tensor variable's numbers row-major, as copy_to lays them out). For a
/// scalar expression of scalar variables it is d(d(f, xᵢ), xⱼ), constexpr where f's ops are; with
/// tensors it is the derivative of value_and_grad's gradient along each number in turn, computed
/// in dual numbers (forward over reverse).
template <class E, class... Variables, class... Bindings>
CTGRAD_FLATTEN constexpr auto hessian(const E& f, variable_list<Variables...> wrt, const bindings<Bindings...>& point) {
  static_assert(expression<E>, "ctgrad::hessian: the first argument must be a ctgrad expression.");
  using value_type = typename bindings<Bindings...>::value_type;
  constexpr std::size_t n = gradient<value_type, Variables...>::numbers();
  std::array<std::array<value_type, n>, n> result{};
  using unbound = typename detail::first_unbound<E, bindings<Bindings...>>::type;
  if constexpr (!detail::names_agree_in<E>) {
    static_assert(detail::one_shape_per_name<detail::clash_in_t<E>>,
                  "ctgrad::hessian: two variables with one name have different shapes; give each "
                  "variable its own name.");
  } else if constexpr (!detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>) {
    static_assert(detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>,
                  "ctgrad::hessian: an op of the expression lacks a rule; give its tag eval(a) and "
                  "derivative(a, result) (for two operands, eval(a, b) and partials(a, b, result)), "
                  "as docs/adding-an-op.md shows.");
  } else if constexpr (!detail::every_variable_bound<unbound>) {
    static_assert(detail::every_variable_bound<unbound>,
                  "ctgrad::hessian: the expression uses a variable that at(...) does not bind.");
  } else if constexpr (!detail::is_scalar<E>) {
    static_assert(detail::is_scalar<E>,
                  "ctgrad::hessian: the expression must be a scalar; reduce a tensor with sum, mean or dot.");
  } else if constexpr (!detail::has_tensor<E> && detail::all_true<(Variables::shape_type::rank == 0)...>) {
    detail::symbolic_hessian<value_type, n>(f, wrt, point, result);
  } else {
    static_assert(std::is_floating_point_v<value_type>,
                  "ctgrad::hessian: with tensors, bind float, double or long double values.");
    detail::forward_over_reverse_hessian<value_type, n>(f, wrt, point, result);
  }
  return result;
}
}  // namespace ctgrad
