// ctgrad/ops/sqrt.hpp: sqrt(a).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/div.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad {
/// Square root; (√a)' = ½·(1/√a), computed from the root already known, with its reciprocal
/// written as 1/√a so that a division by the same root (x/√a, as a normalisation writes it) shares it.
struct sqrt_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "sqrt";
  static constexpr std::string_view latex_form = "\\sqrt{#0}";  // to_latex: #0 is the operand
  static constexpr auto eval(auto a) {
    using std::sqrt;  // and sqrt(dual) (core/dual.hpp), found by argument-dependent lookup
    return sqrt(a);
  }
  static constexpr auto derivative(auto, auto value) { return rational<1, 2>{} * (one{} / value); }
};

/// sqrt(a) as an expression.
constexpr expression auto sqrt(expression auto a) { return detail::make_unary<sqrt_op>(a); }
}  // namespace ctgrad
