// ctgrad/ops/neg.hpp: -a.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/mul.hpp>  // -(c·a) is (-c)·a

#include <string_view>

namespace ctgrad {
/// Negation; (-a)' = -1.
struct neg_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "-";
  static constexpr std::string_view latex = "-";
  static constexpr auto eval(auto a) { return -a; }
  static constexpr auto derivative(auto, auto) { return rational<-1>{}; }
};

namespace detail {
// Whether -a simplifies into a itself (a constant, a negation, or a product led by one), so
// that the minus sign moves to the front of a product instead of wrapping it.
template <class A>
constexpr bool absorbs_minus() {
  if constexpr (is_rational<A> || is_unary_of<A, neg_op>) {
    return true;
  } else if constexpr (is_binary_of<A, mul_op>) {
    return absorbs_minus<typename A::lhs_type>();
  } else {
    return false;
  }
}
}  // namespace detail

/// -a, simplified as it is built: constants fold, -(-a) → a, -(c·a) → (-c)·a.
constexpr expression auto operator-(expression auto a) {
  using A = decltype(a);
  if constexpr (static_constant<A>) {
    return detail::make_rational<-A::num, A::den>();
  } else if constexpr (detail::is_constant<A>) {
    return detail::make_constant(-a.value);
  } else if constexpr (detail::is_unary_of<A, neg_op>) {
    return a.arg;
  } else if constexpr (detail::absorbs_minus<A>()) {
    return -a.lhs * a.rhs;
  } else {
    return detail::make_unary<neg_op>(a);
  }
}
}  // namespace ctgrad
