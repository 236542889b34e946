// ctgrad/diff/flat_tangent.hpp: the tangent (forward-mode) sweep over a flat graph: one pass over
// its nodes in order, each node's derivative along a direction computed from its operands'.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/core/flat_forward.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/detail/in_order.hpp>
#include <ctgrad/diff/flat_reverse.hpp>

#include <array>
#include <cstddef>
#include <utility>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// What the tangent sweep of graph G along the variables Inputs does, decided at compile time
/// from the graph alone. A node has a tangent if an input is at or below it through operands whose
/// rule is not the constant 0; its tangent is the sum over those operands of the operand's tangent
/// times the op's rule, the first term assigned and the second added (so no `0.0 + x`, as in the
/// backward plan), each with the rule's constant factor. The rules are the backward sweep's
/// (slot_rule in diff/flat_reverse.hpp): a rule is a partial derivative, read either way.
///
/// A tangent that passes through a sparse_op (relu, a hinge) may be exactly 0 where the op is
/// flat, and 0 times an infinite rule further up (sqrt at 0) must stay 0, as it does in the
/// backward sweep: the nodes above such an operand multiply by a select, not a branch.
///
/// The plan has the backward plan's interface (graph, plan.step[id]), so backward_step_of gives
/// each node's step with the rules rewritten against the graph's recorded values.
template <class G, class Inputs>
struct tangent_plan {
  using graph = G;
  static constexpr std::size_t size = G::size;
  static constexpr std::array<node_facts, size> facts = graph_facts<G>::value;
  static constexpr auto input_ids = variable_node_ids<G, Inputs>::value;

  struct decisions {
    bool has_tangent[size];
    step_plan step[size];
  };
  static constexpr decisions decide() {
    decisions d{};
    for (const std::size_t id : input_ids) {
      if (id != not_found) d.has_tangent[id] = true;
    }
    bool maybe_zero[size]{};  // the tangent may be exactly 0 at run time: at or above a sparse op
    for (std::size_t i = 0; i < size; ++i) {
      step_plan& step = d.step[i];
      bool assigned = false;
      for (std::size_t k = 0; k < facts[i].arity; ++k) {
        const std::size_t j = facts[i].operand[k];
        if (!d.has_tangent[j] || !facts[i].rule_nonzero[k]) continue;
        step.slot[k] = {true, !assigned, facts[i].rule_factor[k]};
        step.guarded = step.guarded || maybe_zero[j];
        assigned = true;
      }
      if (assigned) d.has_tangent[i] = true;
      maybe_zero[i] = d.has_tangent[i] && (facts[i].sparse || step.guarded);
    }
    return d;
  }
  static constexpr decisions plan = decide();
};

/// The tangent of one node from its operands' tangents, already computed (ids below its own).
template <class T, class Op, std::size_t Id, step_plan Step, class Rule0, class Rule1, std::size_t Arity,
          std::size_t First, std::size_t Second, class Values, class Tangents>
CTGRAD_ALWAYS_INLINE constexpr void tangent_node(backward_step<Op, Id, Step, Rule0, Rule1, Arity, First, Second>,
                                                 const Values& v, Tangents& tangent) {
  if constexpr (Step.slot[0].contributes || Step.slot[1].contributes) {
    const T first = v[First];
    const T second = v[Second];  // the first again for a unary node, and unused
    if constexpr (Step.slot[0].contributes) {
      contribute<T, Op, Arity, Step.slot[0], Step.guarded>(Rule0{}, tangent[First], first, second, v[Id], v,
                                                          tangent[Id]);
    }
    if constexpr (Step.slot[1].contributes) {
      contribute<T, Op, Arity, Step.slot[1], Step.guarded>(Rule1{}, tangent[Second], first, second, v[Id], v,
                                                          tangent[Id]);
    }
  }
}

/// The tangent of every node that has one, in id order, inline whatever the graph's size.
template <class T, class Plan, class... Nodes, class Values, class Tangents>
CTGRAD_ALWAYS_INLINE constexpr void tangent_graph(node_list<Nodes...>, const Values& v, Tangents& tangent) {
  in_order{(tangent_node<T>(typename backward_step_of<Plan, Nodes>::type{}, v, tangent), 0)..., 0};
}

/// Output K's derivative, into out[K · stride]: its tangent, or 0 if it has none.
template <class T, class Plan, class OutputIds, std::size_t... K, class Tangents>
CTGRAD_ALWAYS_INLINE constexpr void store_tangents(std::index_sequence<K...>, const Tangents& tangent, T* out,
                                                   std::size_t stride) {
  in_order{([&] {
             constexpr std::size_t id = OutputIds::ids[K];
             if constexpr (Plan::plan.has_tangent[id]) {
               out[K * stride] = tangent[id];
             } else {
               out[K * stride] = T{0};
             }
           }(),
            0)...,
           0};
}

/// The derivative along `direction` (a number per variable of Inputs, in their order) of the
/// nodes OutputIds::ids of G, whose values v the forward sweep computed, stored into
/// out[k · stride] for the k-th.
template <class T, class G, class Inputs, class OutputIds, class Values, std::size_t Count>
CTGRAD_ALWAYS_INLINE constexpr void tangent_sweep(const Values& v, const std::array<T, Count>& direction, T* out,
                                                  std::size_t stride) {
  using plan = tangent_plan<G, Inputs>;
  node_values<T, G::size> tangent;
  for (std::size_t k = 0; k < Count; ++k) {
    if (plan::input_ids[k] != not_found) tangent[plan::input_ids[k]] = direction[k];
  }
  tangent_graph<T, plan>(typename G::nodes{}, v, tangent);
  store_tangents<T, plan, OutputIds>(std::make_index_sequence<OutputIds::ids.size()>{}, tangent, out, stride);
}
}  // namespace
}  // namespace ctgrad::detail
