// ctgrad/ops/cos.hpp: cos(a).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/sin.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad {
/// Cosine; (cos a)' = -sin a.
struct cos_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "cos";
  static constexpr std::string_view latex = "\\cos";
  static constexpr auto eval(auto a) {
    using std::cos;  // and cos(dual) (core/dual.hpp), found by argument-dependent lookup
    return cos(a);
  }
  static constexpr auto derivative(auto a, auto) { return -sin(a); }
};

/// cos(a) as an expression.
constexpr expression auto cos(expression auto a) { return detail::make_unary<cos_op>(a); }
}  // namespace ctgrad
