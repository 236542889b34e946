// ctgrad/ops/where.hpp: where(c, a, b), a where c > 0 and b elsewhere: a choice made by the data.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/step.hpp>
#include <ctgrad/ops/sub.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <string_view>

namespace ctgrad {
/// c > 0 ? a : 0, the half of where(c, a, b) that keeps a. A select, not a product: a NaN or ∞ in
/// a where c ≤ 0 (the branch not taken, such as x/θ at θ = 0) does not reach the value. Its rule
/// for a is step(c), so the adjoint reaches a only where a is chosen, and the nodes below it get
/// 0, not 0·∞, where it is not (a sparse op: diff/flat_reverse.hpp). Nothing flows to c.
struct if_positive_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "if_positive";
  static constexpr bool sparse_derivative = true;  // 0 on a whole region: see reverse.hpp
  static constexpr int branch = 1;                 // its second operand where c > 0: core/op_rules.hpp
  static constexpr std::string_view latex = "\\operatorname{if\\_positive}";
  static constexpr auto eval(auto c, auto a) { return select(c > 0, a, decltype(a){0}); }
  static constexpr auto partials(auto c, auto, auto) { return boost::hana::make_basic_tuple(zero{}, step(c)); }
};

/// c > 0 ? 0 : b, the half of where(c, a, b) that keeps b (also where c is NaN).
struct unless_positive_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "unless_positive";
  static constexpr bool sparse_derivative = true;  // 0 on a whole region: see reverse.hpp
  static constexpr int branch = -1;                // its second operand where c ≤ 0 or is NaN
  static constexpr std::string_view latex = "\\operatorname{unless\\_positive}";
  static constexpr auto eval(auto c, auto b) { return select(c > 0, decltype(b){0}, b); }
  static constexpr auto partials(auto c, auto, auto) {
    return boost::hana::make_basic_tuple(zero{}, one{} - step(c));
  }
};

/// where(c, a, b): a where c > 0, b where c ≤ 0 or c is NaN, as a piecewise function is written
/// (x/θ where θ² > 0, a series where θ = 0). The derivative is a's where a is chosen and b's
/// where b is, and none with respect to c: a step in the data, as relu's kink is. Built as
/// if_positive(c, a) + unless_positive(c, b), so each branch is a node of the flat graph; the
/// branch not taken is computed too (it is a value of the graph), but neither its value nor its
/// derivatives, even NaN or ∞, reach the result. Scalars only: c, a and b are numbers or scalar
/// expressions.
template <operand C, operand A, operand B>
  requires(expression<C> || expression<A> || expression<B>)
constexpr expression auto where(C condition, A chosen, B otherwise) {
  auto c = detail::as_expression(condition);
  auto a = detail::as_expression(chosen);
  auto b = detail::as_expression(otherwise);
  if constexpr (!(detail::is_scalar<decltype(c)> && detail::is_scalar<decltype(a)> &&
                  detail::is_scalar<decltype(b)>)) {
    static_assert(detail::is_scalar<decltype(c)> && detail::is_scalar<decltype(a)> && detail::is_scalar<decltype(b)>,
                  "ctgrad::where: the condition and both branches must be scalars.");
    return a;  // the sentence above is the only error
  } else {
    return detail::make_binary<if_positive_op>(c, a) + detail::make_binary<unless_positive_op>(c, b);
  }
}
}  // namespace ctgrad
