// ctgrad/core/placeholders.hpp: an op's operands and result as variables, so that its derivative
// rule is an expression: d composes it, the reverse sweep evaluates it on the recorded values,
// and the forward sweep records only the values a rule reads.
#pragma once

#include <ctgrad/core/var.hpp>
#include <ctgrad/core/depends.hpp>

#include <boost/hana/at.hpp>

#include <cstddef>

namespace ctgrad::detail {
using first_operand = var<"#0">;
using second_operand = var<"#1">;
using result_value = var<"#2">;
using recorded_derivative = var<"#3">;  // an op's derivative, kept by the forward sweep

/// An op that records its derivative: the forward sweep keeps recorded_derivative(a) beside the
/// value (relu's 0-or-1 step), and the backward sweep multiplies by it (core/record.hpp says why).
template <class Op>
concept records_derivative = requires(double a) { Op::recorded_derivative(a); };

/// The rule of a unary op as the backward sweep evaluates it.
template <class Op>
constexpr auto unary_rule_of() {
  if constexpr (records_derivative<Op>) {
    return recorded_derivative{};
  } else {
    return Op::derivative(first_operand{}, result_value{});
  }
}

/// The rule of a binary op for operand I (0 or 1).
template <class Op, std::size_t I>
constexpr auto binary_rule_of() {
  return boost::hana::at_c<I>(Op::partials(first_operand{}, second_operand{}, result_value{}));
}

/// Whether the backward sweep of a unary elementwise op reads Placeholder: its operand's value
/// (first_operand) or its own (result_value). (A binary node's rules are asked one by one, in
/// core/record.hpp, which skips the partial of a constant operand.)
template <class Op, class Placeholder>
inline constexpr bool unary_rule_reads = depends_on<decltype(unary_rule_of<Op>()), Placeholder>;
}  // namespace ctgrad::detail
