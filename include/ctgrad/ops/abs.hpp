// ctgrad/ops/abs.hpp: abs(a), the absolute value.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/sign.hpp>

#include <string_view>

namespace ctgrad {
/// Absolute value; |a|' = sign(a), so |a|'(0) = 0.
struct abs_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "abs";
  static constexpr std::string_view latex_form = "\\left|#0\\right|";  // to_latex: #0 is the operand
  static constexpr auto eval(auto a) { return select(a < 0, -a, select(a == 0, decltype(a){0}, a)); }
  static constexpr auto derivative(auto a, auto) { return sign(a); }
};

/// abs(a) as an expression.
constexpr expression auto abs(expression auto a) { return detail::make_unary<abs_op>(a); }
}  // namespace ctgrad
