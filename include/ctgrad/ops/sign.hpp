// ctgrad/ops/sign.hpp: sign(a), -1, 0 or 1 (the derivative of abs).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <string_view>

namespace ctgrad {
/// Sign: -1, 0 or 1 (NaN stays NaN); its derivative is 0 almost everywhere.
struct sign_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "sign";
  static constexpr std::string_view latex = "\\operatorname{sign}";
  static constexpr auto eval(auto a) {
    return select(a > 0, decltype(a){1}, select(a < 0, decltype(a){-1}, select(a == 0, decltype(a){0}, a)));  // NaN stays
  }
  static constexpr auto derivative(auto, auto) { return zero{}; }
};

/// sign(a) as an expression.
constexpr expression auto sign(expression auto a) { return detail::make_unary<sign_op>(a); }

/// sign(v) of a plain number: a compile error saying that sign builds an expression.
constexpr auto sign(number auto value) {
  static_assert(detail::always_false<decltype(value)>,
                "ctgrad::sign: the argument is a plain number, not an expression; apply sign to a "
                "variable and evaluate it, as in eval(sign(x), at(x = 0.5)).");
  return value;  // the sentence above is the only error
}
}  // namespace ctgrad
