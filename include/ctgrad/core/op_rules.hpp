// ctgrad/core/op_rules.hpp: what an op tag must give, as concepts, and the first op of an
// expression that does not: checked where an expression is evaluated or differentiated, so that
// a user op with a missing or misspelled rule fails with one sentence naming the op.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/core/placeholders.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/detail/type_traits.hpp>
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

/// Whether node E's op has the rules the sweeps need (a leaf has none to have).
template <class E, bool Derivatives>
struct has_rules : std::true_type {};
template <class Op, class Arg, bool Derivatives>
struct has_rules<unary<Op, Arg>, Derivatives>
    : std::bool_constant<structural_op<Op> || (unary_value_rule<Op> && (!Derivatives || unary_derivative_rule<Op>))> {};
template <class Op, class Lhs, class Rhs, bool Derivatives>
struct has_rules<binary<Op, Lhs, Rhs>, Derivatives>
    : std::bool_constant<structural_op<Op> ||
                         (binary_value_rule<Op> && (!Derivatives || binary_derivative_rule<Op>))> {};

/// first_op_without_rules (below) found by walking E's tree: it names the op once a check failed.
template <class E, bool Derivatives>
struct first_op_without_rules_in_tree {
  using type = void;
};
template <class Op, class Arg, bool Derivatives>
struct first_op_without_rules_in_tree<unary<Op, Arg>, Derivatives> {
  static constexpr bool complete = has_rules<unary<Op, Arg>, Derivatives>::value;
  using type = std::conditional_t<complete, typename first_op_without_rules_in_tree<Arg, Derivatives>::type,
                                  op_lacking_rules<Op>>;
};
template <class Op, class Lhs, class Rhs, bool Derivatives>
struct first_op_without_rules_in_tree<binary<Op, Lhs, Rhs>, Derivatives> {
  static constexpr bool complete = has_rules<binary<Op, Lhs, Rhs>, Derivatives>::value;
  using left = typename first_op_without_rules_in_tree<Lhs, Derivatives>::type;
  using type = std::conditional_t<
      !complete, op_lacking_rules<Op>,
      std::conditional_t<std::is_void_v<left>, typename first_op_without_rules_in_tree<Rhs, Derivatives>::type, left>>;
};

template <class G, bool Derivatives>
struct graph_has_rules;
template <class... Nodes, std::size_t Payloads, class Reversed, class Map, class Pieces, bool Derivatives>
struct graph_has_rules<flat_graph<node_list<Nodes...>, Payloads, Reversed, Map, Pieces>, Derivatives>
    : std::bool_constant<all_true<has_rules<typename Nodes::expression_type, Derivatives>::value...>> {};

/// op_lacking_rules<Op> for the first node of E (in operand order) whose op lacks a rule the
/// sweeps need, or void. Derivatives selects the derivative rules too; an op that changes shape
/// (matmul, sum, transpose) has its own protocol, checked by the library's own tests. Checked over
/// E's flat graph, each distinct node once and without recursion, so a deep expression passes at
/// the default template depth; only a failing check walks the tree to name the op.
template <class E, bool Derivatives>
struct first_op_without_rules {
  using type = typename std::conditional_t<graph_has_rules<graph_t<E>, Derivatives>::value, std::type_identity<void>,
                                           first_op_without_rules_in_tree<E, Derivatives>>::type;
};

/// An op whose derivative is 0 on a whole region (relu below 0, the smaller side of max) marks
/// itself `static constexpr bool sparse_derivative = true`. Where its adjoint is 0, the sweeps
/// pass 0 below it without evaluating the rules there, so that a rule that is infinite in the
/// inactive region (log's 1/y at y = 0 under max(x, log(y))) does not make 0·inf = NaN.
template <class Op>
concept sparse_op = requires { requires Op::sparse_derivative; };

/// An op that chooses: its value is its second operand where its first (the condition) is
/// positive (`static constexpr int branch = 1`) or where it is not (`branch = -1`), and 0
/// elsewhere; the two halves of where (ops/where.hpp). The flat backward sweep runs only the nodes
/// that the branch taken needs, as the if/else of hand-written code does (diff/flat_reverse.hpp).
template <class Op>
inline constexpr int branch_of = 0;
template <class Op>
  requires requires { Op::branch; }
inline constexpr int branch_of<Op> = Op::branch;

/// True for void: the condition of the rule checks, so that the compiler prints the op beside
/// the sentence, as in `op_lacking_rules<softplus_op>`.
template <class OpWithoutRules>
concept op_has_its_rules = std::is_void_v<OpWithoutRules>;
}  // namespace detail
}  // namespace ctgrad
