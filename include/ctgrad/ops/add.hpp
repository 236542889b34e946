// ctgrad/ops/add.hpp: a + b.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/ops/mul.hpp>  // a + a is 2 * a
#include <ctgrad/ops/sub.hpp>  // a + (-b) is a - b

#include <boost/hana/basic_tuple.hpp>

#include <string_view>
#include <type_traits>

namespace ctgrad {
/// Addition; ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1.
struct add_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "+";
  static constexpr std::string_view latex = "+";
  static constexpr int precedence = 1;
  static constexpr bool associative = true;
  static constexpr auto eval(auto a, auto b) { return a + b; }
  static constexpr auto partials(auto, auto, auto) {
    return boost::hana::make_basic_tuple(one{}, one{});
  }
};

/// a + b, simplified as it is built: 0 + b → b, a + 0 → a, constants fold,
/// a + (-b) → a - b, a + a → 2·a.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr expression auto operator+(L lhs, R rhs) {
  auto a = detail::as_expression(lhs);
  auto b = detail::as_expression(rhs);
  using A = decltype(a);
  using B = decltype(b);
  if constexpr (!detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>) {
    static_assert(detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>,
                  "ctgrad::operator+: the operands must have the same shape, or one be a scalar.");
    return a;  // the sentence above is the only error
  } else if constexpr (detail::is_zero<A>) {
    return b;
  } else if constexpr (detail::is_zero<B>) {
    return a;
  } else if constexpr (static_constant<A> && static_constant<B>) {
    return detail::make_rational<A::num * B::den + B::num * A::den, A::den * B::den>();
  } else if constexpr (detail::is_number_constant<A> && detail::is_number_constant<B>) {
    return detail::make_constant(detail::constant_value(a) + detail::constant_value(b));
  } else if constexpr (detail::is_unary_of<B, neg_op>) {
    return a - b.arg;
  } else if constexpr (detail::is_unary_of<A, neg_op>) {
    return b - a.arg;
  } else if constexpr (__is_same(A, B) && __is_empty(A)) {
    return rational<2>{} * a;  // same empty type, same value
  } else {
    return detail::make_binary<add_op>(a, b);
  }
}
}  // namespace ctgrad
