// ctgrad/diff/flat_reverse.hpp: the backward sweep over a flat graph: one pass over its nodes
// from the root down, each node's adjoint passed to its operands through its op's rules.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/flat_forward.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/core/op_rules.hpp>
#include <ctgrad/core/placeholders.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/detail/fixed_string.hpp>
#include <ctgrad/detail/in_order.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/diff/adjoint.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <type_traits>
#include <utility>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// The rule that turns the adjoint of a node of Op with Arity operands into the adjoint of its
/// operand Slot. Keyed by the op, not the node: a function template of the node's expression was
/// instantiated once per node, and g++ spends much longer on that than on a class per op.
template <class Op, std::size_t Arity, std::size_t Slot>
struct rule_for_slot {
  using type = decltype(binary_rule_of<Op, Slot>());
};
template <class Op>
struct rule_for_slot<Op, 1, 0> {
  using type = decltype(unary_rule_of<Op>());
};

// A rule often computes what the forward sweep has already: sin's derivative is cos(a), and the
// expression may hold cos(a) too. The rule is rewritten against the graph: each subexpression of
// it that, with the placeholders replaced by the node's operands (and itself), is a node of the
// graph becomes that node's recorded value, node_value<id>. So cos(th) and sin(th) named once cost
// one cos and one sin, forward and backward. Only empty types are looked up, as graph_of shares.

/// The value of node Id, as a rule reads it: a placeholder bound to the recorded value.
template <std::size_t Id>
using node_value = var<join(fixed_string{"#v"}, decimal<Id>())>;

/// Rule R with its placeholders replaced by the node's operands A, B and the node S itself.
template <class R, class A, class B, class S>
struct substituted {
  using type = R;
};
template <class A, class B, class S>
struct substituted<first_operand, A, B, S> {
  using type = A;
};
template <class A, class B, class S>
struct substituted<second_operand, A, B, S> {
  using type = B;
};
template <class A, class B, class S>
struct substituted<result_value, A, B, S> {
  using type = S;
};
template <class Op, class X, class A, class B, class S>
struct substituted<unary<Op, X>, A, B, S> {
  using type = unary<Op, typename substituted<X, A, B, S>::type>;
};
template <class Op, class X, class Y, class A, class B, class S>
struct substituted<binary<Op, X, Y>, A, B, S> {
  using type = binary<Op, typename substituted<X, A, B, S>::type, typename substituted<Y, A, B, S>::type>;
};

/// Whether rule R, substituted, is an empty type, told from its parts: a node of empty operands
/// is empty (core/node.hpp). Asking __is_empty of the substituted type itself would complete it,
/// instantiating a new node type per rule of every node, as costly as building the expression.
template <class R, class A, class B, class S>
struct substituted_empty : std::bool_constant<__is_empty(R)> {};  // a rational, a variable
template <class A, class B, class S>
struct substituted_empty<first_operand, A, B, S> : std::bool_constant<__is_empty(A)> {};
template <class A, class B, class S>
struct substituted_empty<second_operand, A, B, S> : std::bool_constant<__is_empty(B)> {};
template <class A, class B, class S>
struct substituted_empty<result_value, A, B, S> : std::bool_constant<__is_empty(S)> {};
template <class Op, class X, class A, class B, class S>
struct substituted_empty<unary<Op, X>, A, B, S> : substituted_empty<X, A, B, S> {};
template <class Op, class X, class Y, class A, class B, class S>
struct substituted_empty<binary<Op, X, Y>, A, B, S>
    : std::bool_constant<substituted_empty<X, A, B, S>::value && substituted_empty<Y, A, B, S>::value> {};

/// The id in G of rule R once substituted, or not_found: only an operation node of an empty type
/// is looked up (a placeholder is read directly, and a constant costs nothing to compute).
template <class R, class A, class B, class S, class G,
          bool Node = (is_unary<R> || is_binary<R>) && substituted_empty<R, A, B, S>::value>
struct node_id_of_rule {
  enum : std::size_t { value = not_found };
};
template <class R, class A, class B, class S, class G>
struct node_id_of_rule<R, A, B, S, G, true> {
  enum : std::size_t { value = id_in<typename substituted<R, A, B, S>::type, G> };
};

/// R rewritten against G (`type`), and the ids of the node values it reads (`ids`, may repeat).
template <class R, class A, class B, class S, class G, std::size_t Id = node_id_of_rule<R, A, B, S, G>::value>
struct rewritten_rule {
  using type = node_value<Id>;
  using ids = std::index_sequence<Id>;
};
template <class I, class J>
struct joined_ids;
template <std::size_t... I, std::size_t... J>
struct joined_ids<std::index_sequence<I...>, std::index_sequence<J...>> {
  using type = std::index_sequence<I..., J...>;
};
template <class R, class A, class B, class S, class G, class = void>
struct rewritten_below {  // a leaf
  using type = R;
  using ids = std::index_sequence<>;
};
template <class Op, class X, class A, class B, class S, class G>
struct rewritten_below<unary<Op, X>, A, B, S, G> {
  using arg = rewritten_rule<X, A, B, S, G>;
  using type = unary<Op, typename arg::type>;
  using ids = typename arg::ids;
};
template <class Op, class X, class Y, class A, class B, class S, class G>
struct rewritten_below<binary<Op, X, Y>, A, B, S, G> {
  using lhs = rewritten_rule<X, A, B, S, G>;
  using rhs = rewritten_rule<Y, A, B, S, G>;
  using type = binary<Op, typename lhs::type, typename rhs::type>;
  using ids = typename joined_ids<typename lhs::ids, typename rhs::ids>::type;
};
template <class R, class A, class B, class S, class G>
struct rewritten_rule<R, A, B, S, G, not_found> : rewritten_below<R, A, B, S, G> {};

/// The expressions of a node's operands (the second is void for a unary node).
template <class E>
struct operand_types;
template <class Op, class Arg>
struct operand_types<unary<Op, Arg>> {
  using first = Arg;
  using second = void;
};
template <class Op, class Lhs, class Rhs>
struct operand_types<binary<Op, Lhs, Rhs>> {
  using first = Lhs;
  using second = Rhs;
};

/// The rule of node Node's operand slot K, as the backward sweep of G evaluates it.
template <class G, class Node, std::size_t K>
struct slot_rule;
template <class G, std::size_t K, class E, std::size_t Id, std::size_t P, std::size_t... O>
struct slot_rule<G, flat_node<E, Id, P, O...>, K> {
  using a = typename operand_types<E>::first;
  using b = typename operand_types<E>::second;
  using below = rewritten_rule<typename rule_for_slot<typename E::op, sizeof...(O), K>::type, a, b, E, G>;
  using type = typename below::type;
  using ids = typename below::ids;
};

/// A rational number in a constant expression: a constant factor of an adjoint.
struct ratio {
  std::intmax_t num = 1;
  std::intmax_t den = 1;
  constexpr ratio times(ratio other) const {
    std::intmax_t n = num * other.num;
    std::intmax_t d = den * other.den;
    const std::intmax_t divisor = std::gcd(n, d) == 0 ? 1 : std::gcd(n, d);
    return {n / divisor, d / divisor};
  }
  constexpr bool is_one() const { return num == den; }
};

template <class Rational>
constexpr ratio ratio_of(Rational) {
  return {Rational::num, Rational::den};
}

/// What the backward sweep does for one operand slot of a node.
struct slot_plan {
  bool contributes = false;  // the node passes its adjoint to this operand
  bool assigns = false;      // ... and that is the operand's first contribution (later ones add)
  ratio applied{};           // the constant factor multiplied in here (1: carried on instead)
};

/// What the backward sweep does at one node. A node's adjoint is kept as factor·value with the
/// factor a compile-time rational: constant factors of rules (the 2 of x², the -1 of a - b)
/// multiply the plan, not the number, and are applied once, where the adjoint fans out to two
/// operands, meets another contribution, or reaches a variable. For W1 that leaves the
/// hand-written -2·(y - ŷ) and nothing more.
struct step_plan {
  ratio factor{};          // the constant factor of the node's adjoint
  bool materializes = false;  // the factor is applied to the value before it fans out
  bool guarded = false;    // below a sparse_op: an adjoint of 0 passes 0, whatever the rules give
  slot_plan slot[2]{};
};

/// What the plan needs to know of one node of graph G: its operands and its op's rules. A class
/// of its own, keyed by the node and the graph: as a member function template of backward_plan,
/// whose template arguments are every node and variable, it cost g++ about 2 ms a node even with
/// an empty body (a sum of 400 squares, -fsyntax-only: 14.2 s of CPU before, 11.7 s after).
struct node_facts {
  std::size_t arity = 0;
  std::size_t operand[2]{};
  bool sparse = false;           // a sparse_op (core/op_rules.hpp)
  bool rule_nonzero[2]{};        // the op's rule for each operand is not the constant 0
  ratio rule_factor[2]{};        // the rule's constant factor: rule_factor in diff/adjoint.hpp
  int branch = 0;                // a half of where: branch_of in core/op_rules.hpp
};

template <class G, class Node>
struct facts_of_node {  // a leaf
  static constexpr node_facts value{};
};
template <class G, class E, std::size_t Id, std::size_t P, std::size_t A>
struct facts_of_node<G, flat_node<E, Id, P, A>> {
  using rule = typename slot_rule<G, flat_node<E, Id, P, A>, 0>::type;
  static constexpr node_facts value{1, {A, 0}, sparse_op<typename E::op>, {!is_zero<rule>, false},
                                    {ratio_of(rule_factor<rule>()), ratio{}}};
};
template <class G, class E, std::size_t Id, std::size_t P, std::size_t A, std::size_t B>
struct facts_of_node<G, flat_node<E, Id, P, A, B>> {
  using rule0 = typename slot_rule<G, flat_node<E, Id, P, A, B>, 0>::type;
  using rule1 = typename slot_rule<G, flat_node<E, Id, P, A, B>, 1>::type;
  static constexpr node_facts value{2,
                                    {A, B},
                                    sparse_op<typename E::op>,
                                    {!is_zero<rule0>, !is_zero<rule1>},
                                    {ratio_of(rule_factor<rule0>()), ratio_of(rule_factor<rule1>())},
                                    branch_of<typename E::op>};
};

/// What the backward sweep of graph G with respect to the variables Wrt does, decided at compile
/// time from the graph alone:
/// - a node needs an adjoint if a variable of Wrt is at or below it;
/// - an operand receives a contribution from a node that has an adjoint, when the operand needs
///   one and the op's rule for it is not the constant 0;
/// - an adjoint's first contribution (from the highest id, the first the sweep visits) assigns,
///   later ones add: no adjoint starts at 0, so no `0.0 + x` is left to the optimiser, which may
///   not remove it (0.0 + -0.0 is 0.0, not -0.0).
///
/// With Rows, the variables a data set binds per row, the plan is for the mean over the rows: a
/// node that no row variable reaches (row[i] false: a penalty, a prior, a transform of the
/// parameters) is computed and swept once per call, and the contributions the rows make to its
/// adjoint are added up over the rows, from 0.
/// Every node's facts, in id order, and the node ids of some variables (not_found for one the
/// graph lacks, and one not_found at the end, so that no array is empty): the pack expansions of
/// backward_plan, each made once. backward_plan is not itself specialised on the graph's nodes:
/// every use of a member of a class specialised on a pack costs g++ time in proportion to the
/// pack (it hashes the specialisation's arguments), and the plan's members are used in every
/// step of its loops and once per node by the sweeps, O(n²) in all (decide() alone took 2 s for
/// a chain of 1000 operations).
template <class G>
struct graph_facts;
template <class... Nodes, std::size_t Payloads, class Reversed, class Map, class Pieces>
struct graph_facts<flat_graph<node_list<Nodes...>, Payloads, Reversed, Map, Pieces>> {
  static constexpr std::array<node_facts, sizeof...(Nodes)> value{
      facts_of_node<flat_graph<node_list<Nodes...>, Payloads, Reversed, Map, Pieces>, Nodes>::value...};
};
template <class G, class Variables>
struct variable_node_ids;
template <class G, class... Variables>
struct variable_node_ids<G, variable_list<Variables...>> {
  // Found in the graph's map: O(log n) each, where asking every leaf whether it is one of them
  // cost O(variables) per leaf.
  static constexpr std::array<std::size_t, sizeof...(Variables) + 1> value{id_in<Variables, G>..., not_found};
};

///
/// Root is the node whose adjoint is 1: the graph's root, or one output of a graph lowered from
/// several (graph_of_outputs in core/graph.hpp), whose sweep visits only the nodes below it.
/// The most distinct conditions of where whose branches a sweep runs apart: the sweep is
/// generated once per combination of them (2, 4 or 8 copies), and past three the nodes below a
/// branch are all swept and guarded instead.
inline constexpr std::size_t max_branch_conditions = 3;

template <class G, class Wrt, class Rows = variable_list<>, std::size_t Root = G::root>
struct backward_plan {
  using graph = G;
  static constexpr std::size_t size = G::size;
  static constexpr std::array<node_facts, size> facts = graph_facts<G>::value;
  static constexpr auto wrt_ids = variable_node_ids<G, Wrt>::value;
  static constexpr auto row_ids = variable_node_ids<G, Rows>::value;

  struct decisions {
    bool needs[size];    // an adjoint: a variable of Wrt is at or below the node
    bool reached[size];  // a contribution arrives (the root's adjoint is 1)
    bool row[size];      // a variable of Rows is at or below the node
    bool zeroed[size];   // an adjoint summed over the rows, which starts at 0
    step_plan step[size];
    // The branches of where (branch_of in core/op_rules.hpp), by their condition nodes: in_branch
    // [k][0] holds the nodes whose adjoint only the halves taken where condition k is positive
    // pass on, [k][1] those of the other halves. The sweep runs the ones of the branch taken.
    std::size_t conditions = 0;
    std::size_t condition[max_branch_conditions]{};
    bool in_branch[max_branch_conditions][2][size];
    bool branch_zeroed[size];  // a contribution may come from a branch not taken: starts at 0
  };
  /// The nodes whose every contribution comes from a half of where on `side` (0: taken where the
  /// condition is positive) with the condition node `condition`, or from a node of them:
  /// the nodes only that branch needs. A leaf is never one (its partial is read after the sweep),
  /// nor, with rows, a node that no row reaches while the condition is per row (its adjoint is a
  /// sum over rows that take either branch).
  static constexpr void find_branch(decisions& d, const bool* below_root, std::size_t k, int side) {
    const std::size_t condition = d.condition[k];
    bool* in = d.in_branch[k][side == 1 ? 0 : 1];
    std::size_t users[size]{};
    std::size_t inside[size]{};
    for (std::size_t i = Root + 1; i-- > 0;) {
      const bool member = facts[i].branch == side && facts[i].operand[0] == condition;
      const bool same_rows = d.row[i] || !d.row[condition];
      in[i] = !member && facts[i].arity > 0 && users[i] > 0 && inside[i] == users[i] && same_rows;
      if (!below_root[i] || !d.needs[i]) continue;
      for (std::size_t s = 0; s < facts[i].arity; ++s) {
        const std::size_t j = facts[i].operand[s];
        if (!d.needs[j] || !facts[i].rule_nonzero[s]) continue;
        ++users[j];
        if (in[i] || (member && s == 1)) ++inside[j];
      }
    }
  }
  static constexpr decisions decide() {
    decisions d{};
    for (const std::size_t id : wrt_ids) {
      if (id != not_found) d.needs[id] = true;
    }
    for (const std::size_t id : row_ids) {
      if (id != not_found) d.row[id] = true;
    }
    for (std::size_t i = 0; i < size; ++i) {
      for (std::size_t k = 0; k < facts[i].arity; ++k) {
        d.needs[i] = d.needs[i] || d.needs[facts[i].operand[k]];
        d.row[i] = d.row[i] || d.row[facts[i].operand[k]];
      }
    }
    constexpr bool over_rows = row_ids.size() > 1;
    bool below_root[size]{};  // the root and what it reads: every node, unless several outputs share G
    below_root[Root] = true;
    for (std::size_t i = Root + 1; i-- > 0;) {
      for (std::size_t k = 0; below_root[i] && k < facts[i].arity; ++k) below_root[facts[i].operand[k]] = true;
    }
    std::size_t contributions[size]{};
    for (std::size_t i = 0; i < size; ++i) {
      for (std::size_t k = 0; k < facts[i].arity; ++k) {
        if (below_root[i] && d.needs[i] && d.needs[facts[i].operand[k]] && facts[i].rule_nonzero[k]) {
          ++contributions[facts[i].operand[k]];
        }
      }
    }
    // The conditions of the halves of where that the sweep reaches; past max_branch_conditions,
    // none: every node is swept, and those below a half are guarded as below any sparse op.
    for (std::size_t i = 0; i <= Root; ++i) {
      if (facts[i].branch == 0 || !below_root[i] || !d.needs[i]) continue;
      bool known = false;
      for (std::size_t k = 0; k < d.conditions && k < max_branch_conditions; ++k) {
        known = known || d.condition[k] == facts[i].operand[0];
      }
      if (!known && d.conditions < max_branch_conditions) d.condition[d.conditions] = facts[i].operand[0];
      if (!known) ++d.conditions;
    }
    if (d.conditions > max_branch_conditions) d.conditions = 0;
    for (std::size_t k = 0; k < d.conditions; ++k) {
      find_branch(d, below_root, k, 1);
      find_branch(d, below_root, k, -1);
    }
    for (std::size_t i = 0; i <= Root; ++i) {  // a contribution from a branch to a node outside it
      if (!below_root[i] || !d.needs[i]) continue;
      for (std::size_t s = 0; s < facts[i].arity; ++s) {
        const std::size_t j = facts[i].operand[s];
        if (!d.needs[j] || !facts[i].rule_nonzero[s]) continue;
        for (std::size_t k = 0; k < d.conditions; ++k) {
          for (std::size_t side = 0; side < 2; ++side) {
            d.branch_zeroed[j] = d.branch_zeroed[j] || (d.in_branch[k][side][i] && !d.in_branch[k][side][j]);
          }
        }
      }
    }
    // A node that needs an adjoint is reached from the root through nodes that need one, so
    // counting contributions over those nodes counts exactly the ones the sweep makes.
    d.reached[Root] = true;
    for (std::size_t i = Root + 1; i-- > 0;) {
      if (!d.reached[i] || !d.needs[i]) continue;
      step_plan& step = d.step[i];
      std::size_t fan_out = 0;
      for (std::size_t k = 0; k < facts[i].arity; ++k) {
        const std::size_t j = facts[i].operand[k];
        step.slot[k].contributes = d.needs[j] && facts[i].rule_nonzero[k];
        fan_out += step.slot[k].contributes ? 1 : 0;
      }
      step.materializes = fan_out > 1 && !step.factor.is_one();
      const ratio passed = step.materializes ? ratio{} : step.factor;
      for (std::size_t k = 0; k < facts[i].arity; ++k) {
        if (!step.slot[k].contributes) continue;
        const std::size_t j = facts[i].operand[k];
        const ratio factor = passed.times(facts[i].rule_factor[k]);
        if (contributions[j] == 1) {
          d.step[j].factor = factor;  // carried on
        } else {
          step.slot[k].applied = factor;
        }
        // Below a sparse op an adjoint of 0 passes 0; below a half of where, the nodes of its
        // branch are not swept when it is not taken, so they need no guard.
        d.step[j].guarded = d.step[j].guarded || (facts[i].sparse && !in_own_branch(d, i, j)) || step.guarded;
        // Below the rows, contributions add up over them: the adjoint starts at 0 once per call.
        step.slot[k].assigns = !d.reached[j] && !(over_rows && !d.row[j]) && !d.branch_zeroed[j];
        d.zeroed[j] = over_rows && !d.row[j];
        d.reached[j] = true;
      }
    }
    return d;
  }
  /// Whether node j is in the branch of node i, a half of where.
  static constexpr bool in_own_branch(const decisions& d, std::size_t i, std::size_t j) {
    for (std::size_t k = 0; k < d.conditions; ++k) {
      if (facts[i].branch != 0 && d.condition[k] == facts[i].operand[0]) {
        return d.in_branch[k][facts[i].branch == 1 ? 0 : 1][j];
      }
    }
    return false;
  }
  static constexpr decisions plan = decide();
  /// Whether the sweep skips node id where the conditions Positive::contains are positive and
  /// the plan's others are not: it is in the branch of a half not taken.
  template <class Positive>
  static constexpr bool skipped(std::size_t id) {
    for (std::size_t k = 0; k < plan.conditions; ++k) {
      if (plan.in_branch[k][Positive::contains(plan.condition[k]) ? 1 : 0][id]) return true;
    }
    return false;
  }
  /// The conditions with a node of Selection in a branch of theirs, and not_found past them.
  template <class Selection>
  static constexpr auto conditions_for() {
    std::array<std::size_t, max_branch_conditions + 1> found{};
    std::size_t n = 0;
    for (std::size_t k = 0; k < plan.conditions; ++k) {
      bool matters = false;
      for (std::size_t id = 0; id < size; ++id) {
        matters = matters || (Selection::includes(id) && (plan.in_branch[k][0][id] || plan.in_branch[k][1][id]));
      }
      if (matters) found[n++] = plan.condition[k];
    }
    for (; n <= max_branch_conditions; ++n) found[n] = not_found;
    return found;
  }
  /// Whether node id passes its adjoint to an operand: a node that does not is skipped.
  static constexpr bool contributes(std::size_t id) {
    return plan.step[id].slot[0].contributes || plan.step[id].slot[1].contributes;
  }
};

/// The placeholders of Op's rules bound to a node's values: its operands' (Arity of them), its
/// own, and those of the other nodes the rewritten rule reads (Reads, distinct). A function of
/// the values, not of the node's ids, so that the nodes of one op share it.
template <class T, class Op, std::size_t Arity, std::size_t... Reads, class Values>
CTGRAD_ALWAYS_INLINE constexpr auto rule_bindings(std::index_sequence<Reads...>, T first, T second, T result,
                                                  const Values& v) {
  if constexpr (Arity == 2) {
    return bindings<binding<first_operand, T>, binding<second_operand, T>, binding<result_value, T>,
                    binding<node_value<Reads>, T>...>{{first}, {second}, {result}, {v[Reads]}...};
  } else if constexpr (records_derivative<Op>) {
    return bindings<binding<first_operand, T>, binding<result_value, T>, binding<recorded_derivative, T>,
                    binding<node_value<Reads>, T>...>{
        {first}, {result}, {static_cast<T>(Op::recorded_derivative(first))}, {v[Reads]}...};
  } else {
    return bindings<binding<first_operand, T>, binding<result_value, T>, binding<node_value<Reads>, T>...>{
        {first}, {result}, {v[Reads]}...};
  }
}

/// The distinct ids of a list.
template <class Ids>
struct distinct_ids;
template <std::size_t... Ids>
struct distinct_ids<std::index_sequence<Ids...>> {
  static constexpr auto sorted = [] {
    std::array<std::size_t, sizeof...(Ids)> ids{Ids...};
    std::sort(ids.begin(), ids.end());
    std::array<std::size_t, sizeof...(Ids) + 1> result{};  // result[0]: how many
    for (std::size_t k = 0; k < ids.size(); ++k) {
      if (k == 0 || ids[k] != ids[k - 1]) result[1 + result[0]++] = ids[k];
    }
    return result;
  }();
  template <class K>
  struct pick;
  template <std::size_t... K>
  struct pick<std::index_sequence<K...>> {
    using type = std::index_sequence<sorted[1 + K]...>;
  };
  using type = typename pick<std::make_index_sequence<sorted[0]>>::type;
};

/// A rewritten rule and the node values it reads.
template <class Rule, class Reads>
struct rule_reading {};

/// The plan's factor F as the rational type that scaled<Factor>(v) (diff/adjoint.hpp) applies.
template <ratio F>
using rational_of = decltype(make_rational<F.num, F.den>());

/// What the backward sweep does at one node, as the plan decided. Its parameters are the op, the
/// step and numbers only, never the node's expression or the graph: g++ spends time in
/// proportion to the size of a function's template arguments (their mangled name), and those are
/// O(n) long. The ids are template arguments on purpose: passed as a value instead (one
/// instantiation shared by the nodes that do the same), front-end time fell 5% but g++'s
/// callgraph construction took 3× longer at -O2 (a chain of 400: 11 s to 34 s). The operands' ids
/// are two parameters (the first twice for a unary node), not a pack read through a local
/// constexpr array: g++ gives each such array of each instantiation a static variable of its
/// call graph.
template <class Op, std::size_t Id, step_plan Step, class Rule0, class Rule1, std::size_t Arity, std::size_t First,
          std::size_t Second>
struct backward_step {};

/// The first and the last of a node's one or two operand ids.
template <std::size_t First, std::size_t... Rest>
inline constexpr std::size_t first_id = First;
template <std::size_t... Ids>
inline constexpr std::size_t last_id = (0, ..., Ids);

template <class Plan, class Node>
struct backward_step_of;
template <class Plan, class E, std::size_t Id, std::size_t P, std::size_t... O>
struct backward_step_of<Plan, flat_node<E, Id, P, O...>> {
  template <std::size_t K>
  using rule = slot_rule<typename Plan::graph, flat_node<E, Id, P, O...>, K>;
  template <std::size_t K>
  using reading = rule_reading<typename rule<K>::type, typename distinct_ids<typename rule<K>::ids>::type>;
  using type = backward_step<typename E::op, Id, Plan::plan.step[Id], reading<0>, reading<sizeof...(O) - 1>,
                             sizeof...(O), first_id<O...>, last_id<O...>>;
};
template <class Plan, class E, std::size_t Id, std::size_t P>
struct backward_step_of<Plan, flat_node<E, Id, P>> {  // a leaf passes nothing on
  using type = backward_step<void, Id, step_plan{}, void, void, 0, 0, 0>;
};

/// The adjoint a (the node's, its factor applied if it fans out) passed to an operand's adjoint
/// (target): a times the part of the rule that is not a constant factor, at the node's values
/// (its operands' first and second, its own result). A function of the slot's plan, the rule and
/// the values, not of the node's ids, so that the nodes of one op that do the same share it.
template <class T, class Op, std::size_t Arity, slot_plan Slot, bool Guarded, class Rule, std::size_t... Reads,
          class Values>
CTGRAD_ALWAYS_INLINE constexpr void contribute(rule_reading<Rule, std::index_sequence<Reads...>>, T a, T first,
                                               T second, T result, const Values& v, T& target) {
  const auto rest = rule_rest(Rule{});
  T c = a;
  if constexpr (!__is_same(std::remove_cvref_t<decltype(rest)>, nothing)) {
    constexpr std::index_sequence<Reads...> reads{};
    const auto point = rule_bindings<T, Op, Arity>(reads, first, second, result, v);
    T product;
    if constexpr (sparse_op<Op>) {
      // Where the op is flat (relu below 0, the smaller operand of max) it passes 0 whatever a is:
      // a above it may be ∞ (sqrt at 0), and 0·∞ is NaN. A select, as step's times is.
      const T rule = times_rule<T>(T{1}, rest, point);
      product = rule == T{0} ? T{0} : a * rule;
    } else {
      product = times_rule<T>(a, rest, point);
    }
    if constexpr (Guarded) {  // a select, not a branch: 0 stays 0 whatever the rule is
      c = a == T{0} ? T{0} : product;
    } else {
      c = product;
    }
  }
  c = scaled<rational_of<Slot.applied>>(c);
  if constexpr (Slot.assigns) {
    target = c;
  } else {
    target += c;
  }
}

template <class T, class Op, std::size_t Id, step_plan Step, class Rule0, class Rule1, std::size_t Arity,
          std::size_t First, std::size_t Second, class Values, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void backward_node(backward_step<Op, Id, Step, Rule0, Rule1, Arity, First, Second>,
                                                  const Values& v, Adjoints& adjoint) {
  if constexpr (Step.slot[0].contributes || Step.slot[1].contributes) {
    T a = adjoint[Id];
    if constexpr (Step.materializes) a = scaled<rational_of<Step.factor>>(a);
    const T first = v[First];
    const T second = v[Second];  // the first again for a unary node, and unused
    if constexpr (Step.slot[0].contributes) {
      contribute<T, Op, Arity, Step.slot[0], Step.guarded>(Rule0{}, a, first, second, v[Id], v, adjoint[First]);
    }
    if constexpr (Step.slot[1].contributes) {
      contribute<T, Op, Arity, Step.slot[1], Step.guarded>(Rule1{}, a, first, second, v[Id], v, adjoint[Second]);
    }
  }
}

/// The node's contributions, if the selection includes it.
template <class T, bool Included, class Step, class Values, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void backward_selected(Step step, const Values& v, Adjoints& adjoint) {
  if constexpr (Included) backward_node<T>(step, v, adjoint);
}

/// The contributions of every node that Selection includes, from the root down (the graph's
/// reversed list).
template <class T, class Plan, class Selection = every_node, class... Reversed, class Values, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void backward_graph(node_list<Reversed...>, const Values& v, Adjoints& adjoint) {
  in_order{(backward_selected<T, Selection::includes(Reversed::id)>(typename backward_step_of<Plan, Reversed>::type{},
                                                                    v, adjoint),
            0)...,
           0};
}

// A large graph's backward sweep, a piece per function: core/flat_forward.hpp says why.

template <class T, class Values, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void backward_node(skipped_step, const Values&, Adjoints&) {}

/// A graph's backward pieces as step lists, from the root's piece down (the graph's order).
template <class Plan, class Selection, class Pieces>
struct backward_piece_steps {
  using type = nil;
};
template <class Plan, class Selection, class... Nodes, class Rest>
struct backward_piece_steps<Plan, Selection, cons<node_list<Nodes...>, Rest>> {
  using type = cons<step_list<std::conditional_t<Selection::includes(Nodes::id) && Plan::contributes(Nodes::id),
                                                 typename backward_step_of<Plan, Nodes>::type, skipped_step>...>,
                    typename backward_piece_steps<Plan, Selection, Rest>::type>;
};

template <class T, class... Steps, class Values, class Adjoints>
[[gnu::noinline]] constexpr void backward_piece(step_list<Steps...>, const Values& v, Adjoints& adjoint) {
  in_order{(backward_node<T>(Steps{}, v, adjoint), 0)..., 0};
}

template <class T, class Values, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void backward_pieces(nil, const Values&, Adjoints&) {}
template <class T, class... Steps, class Rest, class Values, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void backward_pieces(cons<step_list<Steps...>, Rest>, const Values& v,
                                                    Adjoints& adjoint) {
  if constexpr (!(__is_same(Steps, skipped_step) && ...)) backward_piece<T>(step_list<Steps...>{}, v, adjoint);
  backward_pieces<T>(Rest{}, v, adjoint);
}

/// Condition node ids whose values are positive, the others of a choice not (with_branches).
template <std::size_t... Ids>
struct positive_conditions {
  static constexpr bool contains(std::size_t id) { return ((id == Ids) || ... || false); }
};

/// Then::run<positive_conditions<...>>(v, args...) with the conditions of the list (not_found
/// ends it, or its end) that are positive at the values v: one call per combination, as the
/// if/else of hand-written code, so that each copy of a sweep knows at compile time which
/// branches of where it runs. A class, not a lambda: g++ did not inline the lambda's call.
template <auto Conditions, class Then, std::size_t K = 0, std::size_t... Positive, class Values, class... Args>
CTGRAD_ALWAYS_INLINE constexpr void with_branches(const Values& v, Args&... args) {
  if constexpr (K == Conditions.size() || Conditions[K] == not_found) {
    Then::template run<positive_conditions<Positive...>>(v, args...);
  } else if (v[Conditions[K]] > 0) {  // as where's halves read their condition
    with_branches<Conditions, Then, K + 1, Positive..., Conditions[K]>(v, args...);
  } else {
    with_branches<Conditions, Then, K + 1, Positive...>(v, args...);
  }
}

/// The nodes of Selection but those of the branches not taken where Positive's conditions are
/// positive and the plan's others are not.
template <class Plan, class Selection, class Positive>
struct branches_taken {
  static constexpr bool includes(std::size_t id) {
    return Selection::includes(id) && !Plan::template skipped<Positive>(id);
  }
};

/// Sets to 0 the adjoints of Selection's nodes that a branch not taken may leave without a
/// contribution (those the rows add up are set once per call, by zero_summed_adjoints).
template <class T, class Plan, class Selection, class... Nodes, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void zero_branch_adjoints(node_list<Nodes...>, Adjoints& adjoint) {
  in_order{((Plan::plan.branch_zeroed[Nodes::id] && !Plan::plan.zeroed[Nodes::id] && Selection::includes(Nodes::id)
                 ? static_cast<void>(adjoint[Nodes::id] = T{0})
                 : static_cast<void>(0)),
            0)...,
           0};
}

/// No choice of branches made yet: the sweep makes its own (with_branches); and a choice made
/// and applied to the selection.
struct branches_undecided {};
struct branches_applied {};

template <class T, class Plan, class Selection = every_node, class Positive = branches_undecided, class Values,
          class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void backward_sweep(const Values& v, Adjoints& adjoint);

/// The backward sweep once with_branches has chosen.
template <class T, class Plan, class Selection>
struct sweep_in_branches {
  template <class Positive, class Values, class Adjoints>
  CTGRAD_ALWAYS_INLINE static constexpr void run(const Values& v, Adjoints& adjoint) {
    backward_sweep<T, Plan, Selection, Positive>(v, adjoint);
  }
};

/// The contributions of every node of the plan's graph that Selection includes, from the root
/// down: inline for a graph of up to sweep_piece_nodes nodes, a piece per function for a larger.
/// Where the graph has branches of where, the sweep runs those taken: Positive says which (a
/// positive_conditions that covers the plan's conditions), or the sweep chooses itself.
template <class T, class Plan, class Selection, class Positive, class Values, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void backward_sweep(const Values& v, Adjoints& adjoint) {
  using graph = typename Plan::graph;
  if constexpr (Plan::plan.conditions > 0 && __is_same(Positive, branches_undecided)) {
    with_branches<Plan::template conditions_for<Selection>(), sweep_in_branches<T, Plan, Selection>>(v, adjoint);
  } else if constexpr (Plan::plan.conditions > 0 && !__is_same(Positive, branches_applied)) {
    using taken = branches_taken<Plan, Selection, Positive>;
    zero_branch_adjoints<T, Plan, taken>(typename graph::nodes{}, adjoint);
    backward_sweep<T, Plan, taken, branches_applied>(v, adjoint);
  } else if constexpr (graph::size <= sweep_piece_nodes) {
    backward_graph<T, Plan, Selection>(typename graph::reversed{}, v, adjoint);
  } else {
    backward_pieces<T>(typename backward_piece_steps<Plan, Selection, typename graph::pieces::backward>::type{}, v,
                       adjoint);
  }
}

/// The nodes a row reaches (Row) or those it does not (!Row), as the plan found them.
template <class Plan, bool Row>
struct row_nodes {
  static constexpr bool includes(std::size_t id) { return Plan::plan.row[id] == Row; }
};

/// Sets to 0 the adjoints that the rows add up (the plan's zeroed nodes).
template <class T, class Plan, class... Nodes, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void zero_summed_adjoints(node_list<Nodes...>, Adjoints& adjoint) {
  in_order{((Plan::plan.zeroed[Nodes::id] ? static_cast<void>(adjoint[Nodes::id] = T{0}) : static_cast<void>(0)), 0)...,
           0};
}

/// Writes (Accumulate: adds) the adjoint of node Id, its constant factor applied, into V's partial
/// of g; a variable that is not in the graph, or that the sweep does not reach, has the partial 0.
/// A function of numbers, not of the graph (forward_step says why).
template <bool Accumulate, std::size_t Id, bool Reached, ratio Factor, class Adjoints, class T>
CTGRAD_ALWAYS_INLINE constexpr void store_partial(const Adjoints& adjoint, T& partial) {
  if constexpr (Id != not_found && Reached) {
    if constexpr (Accumulate) {
      partial += scaled<rational_of<Factor>>(adjoint[Id]);
    } else {
      partial = scaled<rational_of<Factor>>(adjoint[Id]);
    }
  }
}

/// How V's partial is stored: its node's id in G, whether the sweep reaches it, its factor.
template <class G, class Plan, class V, std::size_t Id = id_in<V, G>>
struct partial_of {
  static constexpr bool reached = Plan::plan.reached[Id];
  static constexpr ratio factor = Plan::plan.step[Id].factor;
};
template <class G, class Plan, class V>
struct partial_of<G, Plan, V, not_found> {
  static constexpr bool reached = false;
  static constexpr ratio factor{};
};

/// Every variable of Wrt's partial, stored into g (a gradient<T, Variables...>). g's type is a
/// parameter of its own: spelled gradient<T, Variables...>, g++ rebuilds it, a list of every
/// variable, for each variable of the expansion below, O(n²) for n variables.
/// A partial is found by a cast to its slot, not by value_of<V>(g): deducing the slot from g's
/// n bases cost g++ O(n) per variable.
template <bool Accumulate, class G, class Plan, class T, class... Variables, class Adjoints, class Gradient>
CTGRAD_ALWAYS_INLINE constexpr void store_gradient(variable_list<Variables...>, const Adjoints& adjoint,
                                                   Gradient& g) {
  in_order{
      (store_partial<Accumulate, id_in<Variables, G>, partial_of<G, Plan, Variables>::reached,
                     partial_of<G, Plan, Variables>::factor>(adjoint, static_cast<slot<Variables, T>&>(g).value),
       0)...,
      0};  // no fold: flat_forward.hpp says why
}

/// f's value, and its gradient with respect to Wrt stored (Accumulate: added) into g: the flat
/// forward sweep, then the flat backward sweep.
template <bool Accumulate, class T, class E, bool Unshared, class Payloads, class Wrt, class B, class Gradient>
CTGRAD_ALWAYS_INLINE constexpr T flat_value_and_grad_on(const Payloads& payloads, Wrt wrt, const B& point, Gradient& g) {
  using graph = typename graph_for<E, Unshared>::type;
  using plan = backward_plan<graph, Wrt>;
  const auto v = flat_forward_on<T, E, Unshared>(payloads, point);
  if constexpr (plan::plan.needs[graph::root]) {
    node_values<T, graph::size> adjoint;
    adjoint[graph::root] = T{1};
    backward_sweep<T, plan>(v, adjoint);
    store_gradient<Accumulate, graph, plan, T>(wrt, adjoint, g);
  }
  return v[graph::root];
}
template <bool Accumulate, class T, class E, class Wrt, class B, class Gradient>
CTGRAD_ALWAYS_INLINE constexpr T flat_value_and_grad(const E& f, Wrt wrt, const B& point, Gradient& g) {
  const auto payloads = payloads_of<T>(f);
  if constexpr (shares_payloads<E>) {  // two uses of one type hold different constants: each its own
    if (!shared_uses_agree<E>(payloads)) {
      return flat_value_and_grad_on<Accumulate, T, E, true>(payloads, wrt, point, g);
    }
  }
  return flat_value_and_grad_on<Accumulate, T, E, false>(payloads, wrt, point, g);
}
}  // namespace
}  // namespace ctgrad::detail
