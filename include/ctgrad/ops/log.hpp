// ctgrad/ops/log.hpp: log(a), the natural logarithm.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/div.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad {
/// Natural logarithm; (log a)' = 1/a.
struct log_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "log";
  static constexpr std::string_view latex = "\\log";
  static constexpr auto eval(auto a) {
    using std::log;  // and log(dual) (core/dual.hpp), found by argument-dependent lookup
    return log(a);
  }
  static constexpr auto derivative(auto a, auto) { return one{} / a; }
};

/// log(a) as an expression.
constexpr expression auto log(expression auto a) { return detail::make_unary<log_op>(a); }
}  // namespace ctgrad
