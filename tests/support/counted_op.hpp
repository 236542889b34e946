// tests/support/counted_op.hpp: counted_op, the identity that counts how often its value is
// computed: what "once per call" and "once per sweep" are measured by.
#pragma once

#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>

#include <string_view>

// A named namespace: clang flags the op's name and latex as unused in an anonymous one.
namespace counting {
struct counted_op {
  static constexpr std::string_view name = "counted";
  static constexpr std::string_view latex = "\\operatorname{counted}";
  static inline int evaluations = 0;
  static auto eval(auto v) {
    ++evaluations;
    return v;
  }
  static constexpr auto derivative(auto, auto) { return ctgrad::one{}; }
};

/// counted(e): e, each computation of its value counted in counted_op::evaluations.
constexpr auto counted(ctgrad::expression auto e) { return ctgrad::detail::make_unary<counted_op>(e); }
}  // namespace counting
