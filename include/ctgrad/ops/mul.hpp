// ctgrad/ops/mul.hpp: a * b.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/ops/matmul.hpp>  // a * b of two tensors
#include <ctgrad/ops/neg.hpp>  // (-1)·a is -a; a·(-b) is -(a·b)
#include <ctgrad/ops/pow.hpp>  // a·a is a^2

#include <boost/hana/basic_tuple.hpp>

#include <string_view>
#include <type_traits>

namespace ctgrad {
namespace detail {
/// Whether E is c·a for a compile-time constant c: c and a constant in front of it fold.
template <class E>
struct is_scaled_trait : std::false_type {};
template <class Lhs, class Rhs>
struct is_scaled_trait<binary<mul_op, Lhs, Rhs>> : std::bool_constant<static_constant<Lhs>> {};
template <class E>
concept is_scaled = is_scaled_trait<E>::value;
}  // namespace detail

/// Multiplication; ∂(a·b)/∂a = b, ∂(a·b)/∂b = a.
struct mul_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "*";
  static constexpr std::string_view latex = "\\cdot";
  static constexpr int precedence = 2;
  static constexpr bool associative = true;
  static constexpr auto eval(auto a, auto b) { return a * b; }
  static constexpr auto partials(auto a, auto b, auto) {
    return boost::hana::make_basic_tuple(b, a);
  }
};

/// a * b, simplified as it is built: 0·a → 0 for a scalar a (0·v stays, to keep v's shape),
/// 1·a → a, constants fold and move to the left
/// (also out of a right operand c·b),
/// the sign of a negation moves to the front, a·a → a^2. With a scalar operand it scales
/// elementwise; two tensors multiply as matrices (matmul).
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr expression auto operator*(L lhs, R rhs) {
  auto a = detail::as_expression(lhs);
  auto b = detail::as_expression(rhs);
  using A = decltype(a);
  using B = decltype(b);
  if constexpr (!detail::is_scalar<A> && !detail::is_scalar<B>) {
    return matmul(a, b);  // two tensors: the matrix product; elementwise is hadamard(a, b)
  } else if constexpr ((detail::is_zero<A> && detail::is_scalar<B>) ||
                       (detail::is_zero<B> && detail::is_scalar<A>)) {
    return zero{};  // a tensor times 0 stays a product: the scalar 0 would drop its shape
  } else if constexpr (detail::is_one<A>) {
    return b;
  } else if constexpr (detail::is_one<B>) {
    return a;
  } else if constexpr (static_constant<A> && static_constant<B>) {
    return detail::make_rational<A::num * B::num, A::den * B::den>();
  } else if constexpr (detail::is_number_constant<A> && detail::is_number_constant<B>) {
    return detail::make_constant(detail::constant_value(a) * detail::constant_value(b));
  } else if constexpr (static_constant<B>) {
    return b * a;
  } else if constexpr (__is_same(A, rational<-1>)) {
    return -b;
  } else if constexpr (static_constant<A> && detail::is_scaled<B>) {
    return (a * b.lhs) * b.rhs;
  } else if constexpr (detail::is_scaled<B>) {
    return b.lhs * (a * b.rhs);
  } else if constexpr (detail::is_unary_of<A, neg_op>) {
    return -(a.arg * b);
  } else if constexpr (detail::is_unary_of<B, neg_op>) {
    return -(a * b.arg);
  } else if constexpr (__is_same(A, B) && __is_empty(A)) {
    return pow<2>(a);  // same empty type, same value
  } else {
    return detail::make_binary<mul_op>(a, b);
  }
}
}  // namespace ctgrad
