// ctgrad/ops/min.hpp: min(a, b).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/step.hpp>
#include <ctgrad/ops/sub.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <string_view>

namespace ctgrad {
/// The smaller operand; the gradient flows to the smaller one, to b on a tie.
struct min_op {
  static constexpr std::string_view name = "min";
  static constexpr std::string_view latex = "\\min";
  static constexpr auto eval(auto a, auto b) {
    return a < b || a != a ? a : b;  // a NaN operand, on either side, gives NaN
  }
  static constexpr auto partials(auto a, auto b, auto) {
    return boost::hana::make_basic_tuple(step(b - a), one{} - step(b - a));
  }
};

/// min(a, b) as an expression.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr expression auto min(L a, R b) {
  return detail::make_binary<min_op>(detail::as_expression(a), detail::as_expression(b));
}
}  // namespace ctgrad
