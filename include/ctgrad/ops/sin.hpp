// ctgrad/ops/sin.hpp: sin(a).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/cos.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad {
/// Sine; (sin a)' = cos a.
struct sin_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "sin";
  static constexpr std::string_view latex = "\\sin";
  static constexpr auto eval(auto a) {
    using std::sin;  // and sin(dual) (core/dual.hpp), found by argument-dependent lookup
    return sin(a);
  }
  static constexpr auto derivative(auto a, auto) { return cos(a); }
};

/// sin(a) as an expression.
constexpr expression auto sin(expression auto a) { return detail::make_unary<sin_op>(a); }
}  // namespace ctgrad
