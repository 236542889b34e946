// ctgrad/ops/div.hpp: a / b.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/neg.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <string_view>
#include <type_traits>

namespace ctgrad {
/// Division; ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = -(a/b)·(1/b), which reuses the quotient already
/// computed and the reciprocal of the first partial: one division for both (a division takes
/// 13–20 cycles where a product takes 4; written as -(a/b)/b it was a second one).
struct div_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "/";
  static constexpr std::string_view latex_form = "\\frac{#0}{#1}";  // to_latex: #0, #1 the operands
  static constexpr int precedence = 2;
  static constexpr bool associative = false;
  static constexpr auto eval(auto a, auto b) { return a / b; }
  static constexpr auto partials(auto, auto b, auto quotient) {
    return boost::hana::make_basic_tuple(one{} / b, -(quotient * (one{} / b)));
  }
};

/// a / b, simplified as it is built: 0/b → 0 for a scalar b (0/v stays, to keep v's shape), a/1 → a, constants fold, a / 0 fails to compile.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr expression auto operator/(L lhs, R rhs) {
  auto a = detail::as_expression(lhs);
  auto b = detail::as_expression(rhs);
  using A = decltype(a);
  using B = decltype(b);
  static_assert(!detail::is_zero<B>, "ctgrad::operator/: division by the compile-time constant 0.");
  if constexpr (!detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>) {
    static_assert(detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>,
                  "ctgrad::operator/: the operands must have the same shape, or one be a scalar.");
    return a;  // the sentence above is the only error
  } else if constexpr (detail::is_zero<A> && detail::is_scalar<B>) {
    return zero{};  // 0 / v stays a quotient: the scalar 0 would drop v's shape
  } else if constexpr (detail::is_one<B>) {
    return a;
  } else if constexpr (static_constant<A> && static_constant<B>) {
    return detail::make_rational<A::num * B::den, A::den * B::num>();
  } else if constexpr (detail::is_number_constant<A> && detail::is_number_constant<B>) {
    using quotient = std::common_type_t<decltype(detail::constant_value(a)),
                                        decltype(detail::constant_value(b)), double>;
    return detail::make_constant(static_cast<quotient>(detail::constant_value(a)) /
                                 static_cast<quotient>(detail::constant_value(b)));
  } else {
    return detail::make_binary<div_op>(a, b);
  }
}
}  // namespace ctgrad
