// ctgrad/ops/step.hpp: step(a), 1 for a > 0 and 0 otherwise (the derivative of relu).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/config.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <string_view>

namespace ctgrad {
/// Heaviside step: 1 where a > 0, else 0 (so step(0) = 0 and step(NaN) = 0); its derivative is 0
/// almost everywhere.
struct step_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "step";
  static constexpr std::string_view latex = "\\operatorname{step}";
  // One comparison and a select, so that relu's backward loop vectorises; NaN gives 0, as
  // PyTorch's relu backward does.
  // Forced inline, as are relu's rules: in lanes they are 4 to 16 lanes' worth of code, above
  // what g++ inlines into a large flattened kernel (max-inline-insns-single) by itself.
  CTGRAD_ALWAYS_INLINE static constexpr auto eval(auto a) { return select(a > 0, decltype(a){1}, decltype(a){0}); }
  static constexpr auto derivative(auto, auto) { return zero{}; }
  /// adjoint·step(a) as the backward sweep computes it where a rule is a step (relu's, max's):
  /// a select, not a multiplication, so that an adjoint of ∞ or NaN where the step is 0 gives 0,
  /// as a hand-written hinge's branch does, and no 0·x is left for the optimiser.
  CTGRAD_ALWAYS_INLINE static constexpr auto times(auto adjoint, auto a) { return select(a > 0, adjoint, decltype(adjoint){0}); }
};

/// step(a) as an expression.
constexpr expression auto step(expression auto a) { return detail::make_unary<step_op>(a); }

/// step(v) of a plain number: a compile error saying that step builds an expression.
constexpr auto step(number auto value) {
  static_assert(detail::always_false<decltype(value)>,
                "ctgrad::step: the argument is a plain number, not an expression; apply step to a "
                "variable and evaluate it, as in eval(step(x), at(x = 0.5)).");
  return value;  // the sentence above is the only error
}
}  // namespace ctgrad
