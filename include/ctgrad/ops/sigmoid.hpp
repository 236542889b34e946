// ctgrad/ops/sigmoid.hpp: sigmoid(a), the logistic function 1/(1 + exp(-a)).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/sub.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad {
/// Logistic function 1/(1 + e⁻ᵃ); σ' = σ·(1 - σ), from the value already computed.
struct sigmoid_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "sigmoid";
  static constexpr std::string_view latex = "\\sigma";
  static constexpr auto eval(auto a) {
    using std::exp;  // and exp(dual) (core/dual.hpp), found by argument-dependent lookup
    return decltype(a){1} / (decltype(a){1} + exp(-a));
  }
  static constexpr auto derivative(auto, auto value) { return value * (one{} - value); }
};

/// sigmoid(a) as an expression.
constexpr expression auto sigmoid(expression auto a) { return detail::make_unary<sigmoid_op>(a); }

/// sigmoid(v) of a plain number: a compile error saying that sigmoid builds an expression.
constexpr auto sigmoid(number auto value) {
  static_assert(detail::always_false<decltype(value)>,
                "ctgrad::sigmoid: the argument is a plain number, not an expression; apply sigmoid to a "
                "variable and evaluate it, as in eval(sigmoid(x), at(x = 0.5)).");
  return value;  // the sentence above is the only error
}
}  // namespace ctgrad
