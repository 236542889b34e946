// ctgrad/ops/exp.hpp: exp(a).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad {
/// Exponential; (eᵃ)' = eᵃ, the value already computed.
struct exp_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "exp";
  static constexpr std::string_view latex = "\\exp";
  static constexpr auto eval(auto a) {
    using std::exp;  // and exp(dual) (core/dual.hpp), found by argument-dependent lookup
    return exp(a);
  }
  static constexpr auto derivative(auto, auto value) { return value; }
};

/// exp(a) as an expression.
constexpr expression auto exp(expression auto a) { return detail::make_unary<exp_op>(a); }
}  // namespace ctgrad
