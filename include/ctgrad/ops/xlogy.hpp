// ctgrad/ops/xlogy.hpp: xlogy(a, b) = a·log(b), and 0 where a = 0 (as torch.xlogy).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/div.hpp>
#include <ctgrad/ops/log.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad {
/// a·log(b), defined as 0 where a = 0 even for b = 0; ∂/∂a = log(b), ∂/∂b = a/b.
/// It is the exponent's partial of pow: ∂(a^b)/∂b = xlogy(a^b, a), 0 rather than NaN at a = 0.
struct xlogy_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "xlogy";
  static constexpr std::string_view latex = "\\operatorname{xlogy}";
  static constexpr auto eval(auto a, auto b) {
    using std::log;  // and log(dual) (core/dual.hpp), found by argument-dependent lookup
    return select(a == 0, decltype(a * b){0}, a * log(b));
  }
  static constexpr auto partials(auto a, auto b, auto) {
    return boost::hana::make_basic_tuple(log(b), a / b);
  }
};

/// xlogy(a, b) as an expression.
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr expression auto xlogy(L left, R right) {
  auto a = detail::as_expression(left);
  auto b = detail::as_expression(right);
  using A = decltype(a);
  using B = decltype(b);
  if constexpr (!detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>) {
    static_assert(detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>,
                  "ctgrad::xlogy: the operands must have the same shape, or one be a scalar.");
    return a;  // the sentence above is the only error
  } else {
    return detail::make_binary<xlogy_op>(a, b);
  }
}
}  // namespace ctgrad
