// ctgrad/ops/pow.hpp: pow<N>(a) for a compile-time integer N, and pow(a, b) for any exponent.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/xlogy.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <cmath>
#include <string_view>

namespace ctgrad {
// pow<N>(a)

/// a^N for a compile-time integer N, by log2(N) products (constexpr); (a^N)' = N·a^(N-1).
template <int Exponent>
struct power_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr int exponent = Exponent;
  static constexpr std::string_view name = "^";
  static constexpr std::string_view latex = "^";
  static constexpr auto eval(auto a) {
    if constexpr (Exponent < 0) {
      return 1 / power_op<-Exponent>::eval(a);
    } else if constexpr (Exponent == 0) {
      return decltype(a){1};
    } else if constexpr (Exponent == 1) {
      return a;
    } else if constexpr (Exponent % 2 == 0) {  // square and multiply, no loop for the optimiser
      const auto half = power_op<Exponent / 2>::eval(a);
      return half * half;
    } else {
      return a * power_op<Exponent - 1>::eval(a);
    }
  }
  static constexpr auto derivative(auto a, auto) { return rational<Exponent>{} * pow<Exponent - 1>(a); }
};

/// a^N for a compile-time integer N, simplified: a^0 → 1 for a scalar a (a tensor's a^0 stays,
/// so it keeps its shape), a^1 → a, constants fold.
template <int Exponent>
constexpr expression auto pow(expression auto a) {
  using A = decltype(a);
  if constexpr (Exponent == 0 && detail::is_scalar<A>) {
    return one{};  // a tensor's a^0 is a node of ones: the scalar 1 would drop its shape
  } else if constexpr (Exponent == 1) {
    return a;
  } else if constexpr (static_constant<A> && Exponent > 0) {
    return detail::make_rational<power_op<Exponent>::eval(A::num), power_op<Exponent>::eval(A::den)>();
  } else {
    return detail::make_unary<power_op<Exponent>>(a);
  }
}

// pow(a, b)

/// a^b for any exponent (std::pow); ∂/∂a = b·a^(b-1), ∂/∂b = log(a)·a^b, which is 0 at a = 0.
struct pow_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr std::string_view name = "pow";
  static constexpr std::string_view latex = "^";
  static constexpr auto eval(auto a, auto b) {
    using std::pow;
    return pow(a, b);
  }
  static constexpr auto partials(auto a, auto b, auto power) {
    return boost::hana::make_basic_tuple(b * pow(a, b - one{}), xlogy(power, a));
  }
};

/// a^b as an expression; an integer exponent known at compile time is better written pow<N>(a).
template <operand L, operand R>
  requires(expression<L> || expression<R>)
constexpr expression auto pow(L base, R exponent) {
  auto a = detail::as_expression(base);
  auto b = detail::as_expression(exponent);
  using A = decltype(a);
  using B = decltype(b);
  if constexpr (!detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>) {
    static_assert(detail::broadcastable<detail::shape_of_t<A>, detail::shape_of_t<B>>,
                  "ctgrad::pow: the operands must have the same shape, or one be a scalar.");
    return a;  // the sentence above is the only error
  } else {
    return detail::make_binary<pow_op>(a, b);
  }
}
}  // namespace ctgrad
