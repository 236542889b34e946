// ctgrad/ops/max.hpp: max(a, b).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/step.hpp>
#include <ctgrad/ops/sub.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <string_view>

namespace ctgrad {
/// The larger operand; the gradient flows to the larger one, to b on a tie (as relu = max(a, 0)).
struct max_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "max";
  static constexpr bool sparse_derivative = true;  // 0 on a whole region: see reverse.hpp
  static constexpr std::string_view latex = "\\max";
  static constexpr auto eval(auto a, auto b) {
    return select(a > b || a != a, a, b);  // a NaN operand, on either side, gives NaN
  }
  static constexpr auto partials(auto a, auto b, auto) {
    return boost::hana::make_basic_tuple(step(a - b), one{} - step(a - b));
  }
};

/// max(a, b) as an expression.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr expression auto max(L left, R right) {
  auto a = detail::as_expression(left);
  auto b = detail::as_expression(right);
  using A = decltype(a);
  using B = decltype(b);
  if constexpr (!detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>) {
    static_assert(detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>,
                  "ctgrad::max: the operands must have the same shape, or one be a scalar.");
    return a;  // the sentence above is the only error
  } else {
    return detail::make_binary<max_op>(a, b);
  }
}
}  // namespace ctgrad
