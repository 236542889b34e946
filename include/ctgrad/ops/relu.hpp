// ctgrad/ops/relu.hpp: relu(a), the rectifier max(a, 0).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/config.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/step.hpp>

#include <string_view>

namespace ctgrad {
/// Rectifier max(a, 0); relu'(a) = step(a), so relu'(0) = 0 as in micrograd and PyTorch; NaN stays NaN.
/// Written as std::max(a, 0) is, a < 0 ? 0 : a, which is one maxsd/maxpd instruction on x86 (the
/// form a <= 0 ? 0 : a differs from it at a = -0 and compiles to a compare and a branch).
struct relu_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "relu";
  static constexpr bool sparse_derivative = true;  // 0 on a whole region: see reverse.hpp
  static constexpr std::string_view latex = "\\operatorname{relu}";
  CTGRAD_ALWAYS_INLINE static constexpr auto eval(auto a) { return select(a < 0, decltype(a){0}, a); }  // NaN stays NaN
  static constexpr auto derivative(auto a, auto) { return step(a); }
  /// derivative(a) evaluated, kept by the forward sweep (core/record.hpp says why).
  CTGRAD_ALWAYS_INLINE static constexpr auto recorded_derivative(auto a) { return step_op::eval(a); }
};

/// relu(a) as an expression.
constexpr expression auto relu(expression auto a) { return detail::make_unary<relu_op>(a); }

/// relu(v) of a plain number: a compile error saying that relu builds an expression.
constexpr auto relu(number auto value) {
  static_assert(detail::always_false<decltype(value)>,
                "ctgrad::relu: the argument is a plain number, not an expression; apply relu to a "
                "variable and evaluate it, as in eval(relu(x), at(x = 0.5)).");
  return value;  // the sentence above is the only error
}
}  // namespace ctgrad
