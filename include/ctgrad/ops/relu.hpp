// ctgrad/ops/relu.hpp: relu(a), the rectifier max(a, 0).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/step.hpp>

#include <string_view>

namespace ctgrad {
/// Rectifier max(a, 0); relu'(a) = step(a), so relu'(0) = 0 as in micrograd and PyTorch; NaN stays NaN.
struct relu_op {
  static constexpr std::string_view name = "relu";
  static constexpr bool sparse_derivative = true;  // 0 on a whole region: see reverse.hpp
  static constexpr std::string_view latex = "\\operatorname{relu}";
  static constexpr auto eval(auto a) { return a <= 0 ? decltype(a){0} : a; }  // NaN stays NaN
  static constexpr auto derivative(auto a, auto) { return step(a); }
};

/// relu(a) as an expression.
constexpr expression auto relu(expression auto a) { return detail::make_unary<relu_op>(a); }
}  // namespace ctgrad
