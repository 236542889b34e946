// ctgrad/ops/tanh.hpp: tanh(a).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/pow.hpp>
#include <ctgrad/ops/sub.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad {
/// Hyperbolic tangent; (tanh a)' = 1 - tanh²a, from the value already computed.
struct tanh_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "tanh";
  static constexpr std::string_view latex = "\\tanh";
  static constexpr auto eval(auto a) {
    using std::tanh;  // and tanh(dual) (core/dual.hpp), found by argument-dependent lookup
    return tanh(a);
  }
  static constexpr auto derivative(auto, auto value) { return one{} - pow<2>(value); }
};

/// tanh(a) as an expression.
constexpr expression auto tanh(expression auto a) { return detail::make_unary<tanh_op>(a); }
}  // namespace ctgrad
