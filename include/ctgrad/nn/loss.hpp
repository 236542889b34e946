// ctgrad/nn/loss.hpp: losses for one row (mse, hinge, bce_with_logits) and the l2 penalty.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/ops/abs.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/exp.hpp>
#include <ctgrad/ops/log.hpp>
#include <ctgrad/ops/max.hpp>
#include <ctgrad/ops/mean.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/relu.hpp>
#include <ctgrad/ops/sigmoid.hpp>
#include <ctgrad/ops/squared_norm.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/sum.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad::nn {
namespace detail {
/// log(1 + eᶻ) computed as max(z, 0) + log1p(e^-|z|), which never overflows; its derivative is
/// σ(z) everywhere, so bce_with_logits has the slope σ(0) - y at z = 0, where the pieces of the
/// stable formula each have a kink.
struct softplus_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "softplus";
  static constexpr std::string_view latex = "\\operatorname{softplus}";
  static constexpr auto eval(auto a) {
    using std::abs, std::exp, std::log1p;
    return select(a > 0, a, decltype(a){0}) + log1p(exp(-abs(a)));
  }
  static constexpr auto derivative(auto a, auto) { return sigmoid(a); }
};

/// A one-element tensor (the output of a network with one unit) as the scalar it holds.
template <class E>
constexpr expression auto as_score(E e) {
  if constexpr (ctgrad::detail::shape_of_t<E>::size == 1) {
    return sum(e);
  } else {
    static_assert(ctgrad::detail::shape_of_t<E>::size == 1,
                  "ctgrad::nn: a score must be a scalar or a one-element tensor.");
    return e;
  }
}
}  // namespace detail

/// Squared error of one row, averaged over the output's elements: mean((prediction - target)²).
template <operand P, operand T>
constexpr expression auto mse(P prediction, T target) {
  return mean(pow<2>(prediction - target));
}

/// micrograd's max-margin loss max(0, 1 - y·score) for a label y ∈ {-1, +1}; 0 at the kink.
template <operand S, operand Y>
constexpr expression auto hinge(S score, Y label) {
  return relu(one{} - label * detail::as_score(ctgrad::detail::as_expression(score)));
}

/// Binary cross-entropy of a logit z for a label y ∈ {0, 1}: softplus(z) - z·y, with softplus
/// computed in the stable form max(z, 0) + log1p(e^-|z|), which never overflows exp.
template <operand Z, operand Y>
constexpr expression auto bce_with_logits(Z logit, Y label) {
  const auto z = detail::as_score(ctgrad::detail::as_expression(logit));
  return ctgrad::detail::make_unary<detail::softplus_op>(z) - z * label;
}

/// Σ over the variables of wrt(...) of their squared norms: the L2 penalty, as in l2(wrt(W1, b1)).
template <class... Variables>
constexpr expression auto l2(variable_list<Variables...>) {
  return (squared_norm(Variables{}) + ...);
}
}  // namespace ctgrad::nn
