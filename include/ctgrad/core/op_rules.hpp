// ctgrad/core/op_rules.hpp: what an op tag must give, as concepts, and the first op of an
// expression that does not: checked where an expression is evaluated or differentiated, so that
// a user op with a missing or misspelled rule fails with one sentence naming the op.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/placeholders.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/fwd.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <concepts>
#include <type_traits>

namespace ctgrad {
/// An elementwise op of one operand with its value rule: `Op::eval(a)` is a number for a number a.
template <class Op>
concept unary_value_rule = requires(double a) {
  { Op::eval(a) } -> std::convertible_to<double>;
};

/// An elementwise op of one operand with its derivative rule:
/// `Op::derivative(a, result)` is a ctgrad expression of a and result (docs/adding-an-op.md).
template <class Op>
concept unary_derivative_rule = requires {
  { Op::derivative(detail::first_operand{}, detail::result_value{}) } -> expression;
};

/// An elementwise op of two operands with its value rule: `Op::eval(a, b)` is a number.
template <class Op>
concept binary_value_rule = requires(double a, double b) {
  { Op::eval(a, b) } -> std::convertible_to<double>;
};

namespace detail {
template <class T>
struct is_rule_pair : std::false_type {};
template <class A, class B>
struct is_rule_pair<boost::hana::basic_tuple<A, B>> : std::bool_constant<expression<A> && expression<B>> {};
}  // namespace detail

/// An elementwise op of two operands with its derivative rules: `Op::partials(a, b, result)` is
/// a pair (boost::hana::make_basic_tuple) of ctgrad expressions, ∂/∂a and ∂/∂b.
template <class Op>
concept binary_derivative_rule =
    requires { Op::partials(detail::first_operand{}, detail::second_operand{}, detail::result_value{}); } &&
    detail::is_rule_pair<std::remove_cvref_t<decltype(Op::partials(
        detail::first_operand{}, detail::second_operand{}, detail::result_value{}))>>::value;

namespace detail {
/// Names, in the compilers' diagnostics, the op that lacks a rule.
template <class Op>
struct op_lacking_rules {};

/// op_lacking_rules<Op> for the first node of E (in operand order) whose op lacks a rule the
/// sweeps need, or void. Derivatives selects the derivative rules too; an op that changes shape
/// (matmul, sum, transpose) has its own protocol, checked by the library's own tests.
template <class E, bool Derivatives>
struct first_op_without_rules {
  using type = void;
};
template <class Op, class Arg, bool Derivatives>
struct first_op_without_rules<unary<Op, Arg>, Derivatives> {
  static constexpr bool complete =
      structural_op<Op> || (unary_value_rule<Op> && (!Derivatives || unary_derivative_rule<Op>));
  using type = std::conditional_t<complete, typename first_op_without_rules<Arg, Derivatives>::type,
                                  op_lacking_rules<Op>>;
};
template <class Op, class Lhs, class Rhs, bool Derivatives>
struct first_op_without_rules<binary<Op, Lhs, Rhs>, Derivatives> {
  static constexpr bool complete =
      structural_op<Op> || (binary_value_rule<Op> && (!Derivatives || binary_derivative_rule<Op>));
  using left = typename first_op_without_rules<Lhs, Derivatives>::type;
  using type = std::conditional_t<
      !complete, op_lacking_rules<Op>,
      std::conditional_t<std::is_void_v<left>, typename first_op_without_rules<Rhs, Derivatives>::type, left>>;
};

/// An op whose derivative is 0 on a whole region (relu below 0, the smaller side of max) marks
/// itself `static constexpr bool sparse_derivative = true`. Where its adjoint is 0, the sweeps
/// pass 0 below it without evaluating the rules there, so that a rule that is infinite in the
/// inactive region (log's 1/y at y = 0 under max(x, log(y))) does not make 0·inf = NaN.
template <class Op>
concept sparse_op = requires { requires Op::sparse_derivative; };

/// True for void: the condition of the rule checks, so that the compiler prints the op beside
/// the sentence, as in `op_lacking_rules<softplus_op>`.
template <class OpWithoutRules>
concept op_has_its_rules = std::is_void_v<OpWithoutRules>;
}  // namespace detail
}  // namespace ctgrad
