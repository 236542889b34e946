// ctgrad/core/flat_forward.hpp: the forward sweep over a flat graph: one pass over its nodes in
// order, each node's value computed once from its operands' and kept by id.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/record.hpp>  // leaf_value
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/detail/in_order.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// Whether E is swept as a flat graph: it has no tensor anywhere (tensor expressions keep the
/// layer-fused sweeps of core/record.hpp and diff/backward_loop.hpp).
template <class E>
concept flat_sweepable = !has_tensor<std::remove_cvref_t<E>>;

/// The values of a graph's nodes, by id. V is a node's value: a number now, a pack of rows later.
template <class V, std::size_t Size>
struct node_values {
  V value[Size];
  CTGRAD_ALWAYS_INLINE constexpr V& operator[](std::size_t id) { return value[id]; }
  CTGRAD_ALWAYS_INLINE constexpr const V& operator[](std::size_t id) const { return value[id]; }
};

/// The runtime constants of E, in the order graph_of numbers them (the order they are written),
/// stored from out[Offset]. Only subtrees that hold one are visited: an empty type holds none.
template <class T, std::size_t Offset, class E, std::size_t N>
CTGRAD_ALWAYS_INLINE constexpr void gather_payloads(const E& e, std::array<T, N>& out) {
  if constexpr (__is_empty(E)) {
    return;
  } else if constexpr (is_constant<E>) {
    out[Offset] = static_cast<T>(e.value);
  } else if constexpr (is_unary<E>) {
    gather_payloads<T, Offset>(e.arg, out);
  } else {
    gather_payloads<T, Offset>(e.lhs, out);
    gather_payloads<T, Offset + payload_count<typename E::lhs_type>::value>(e.rhs, out);
  }
}

/// What the forward sweep computes at one node: Op (an op tag, or for a leaf the variable or
/// rational itself) applied to the operands' values, or the payload. Its parameters are never the
/// node's expression: g++ names every function it instantiates, and a name that spells an O(n)
/// expression, n times over, was most of the cost of compiling a long sum.
template <class Op, std::size_t Id, std::size_t Payload, std::size_t... Operands>
struct forward_step {};

template <class Node>
struct forward_step_of;
template <class E, std::size_t Id, std::size_t P, std::size_t... O>
struct forward_step_of<flat_node<E, Id, P, O...>> {
  using type = forward_step<typename E::op, Id, P, O...>;
};
template <class E, std::size_t Id, std::size_t P>
struct forward_step_of<flat_node<E, Id, P>> {  // a leaf: a variable, a rational or a payload
  using type = forward_step<std::conditional_t<P == no_payload, E, void>, Id, P>;
};

template <class Variable, class U>
U bound_type_of(const binding<Variable, U>*);  // declared only: names a binding's value type

/// The binding a node reads from the point B: its own for a variable, none (void) otherwise.
template <class Node, class B>
struct leaf_binding {
  using type = const void;
};
template <fixed_string Name, std::size_t Id, class B>
struct leaf_binding<flat_node<var<Name>, Id, no_payload>, B> {
  using type = const binding<var<Name>, decltype(bound_type_of<var<Name>>(static_cast<const B*>(nullptr)))>;
};

/// The value bound to a variable leaf (a function of the variable and its value type only, not
/// of the point's type), or 0 for a node that is not a variable.
template <class Variable, class U>
CTGRAD_ALWAYS_INLINE constexpr U bound_leaf(const binding<Variable, U>* bound) {
  return bound->value;
}
CTGRAD_ALWAYS_INLINE constexpr int bound_leaf(const void*) { return 0; }

/// The value of one node from its operands' values, already computed (ids below its own).
template <class T, class Op, std::size_t Id, std::size_t Payload, std::size_t... Operands, class Values,
          class Payloads, class Leaf>
CTGRAD_ALWAYS_INLINE constexpr void forward_node(forward_step<Op, Id, Payload, Operands...>, Values& v,
                                                 const Payloads& payloads, [[maybe_unused]] Leaf leaf) {
  if constexpr (Payload != no_payload) {
    v[Id] = payloads[Payload];
  } else if constexpr (sizeof...(Operands) > 0) {
    v[Id] = static_cast<T>(Op::eval(v[Operands]...));
  } else if constexpr (is_var<Op>) {
    v[Id] = static_cast<T>(leaf);
  } else {  // a rational
    v[Id] = leaf_value<T>(Op{}, bindings<>{});
  }
}

/// Every node of a graph: what a sweep over the whole graph visits.
struct every_node {
  static constexpr bool includes(std::size_t) { return true; }
};

/// The value of the node, if the selection includes it.
template <class T, bool Included, class Step, class Values, class Payloads, class Leaf>
CTGRAD_ALWAYS_INLINE constexpr void forward_selected(Step step, Values& v, const Payloads& payloads, Leaf leaf) {
  if constexpr (Included) forward_node<T>(step, v, payloads, leaf);
}

/// The value of every node of graph G that Selection includes (every_node, or the nodes a data
/// set's row reaches), in id order. A braced list's elements are evaluated in order, and it has
/// no nesting limit (detail/in_order.hpp).
template <class T, class Selection = every_node, class... Nodes, std::size_t Payloads, class Reversed, class Map, class Pieces,
          class Values, class B>
CTGRAD_ALWAYS_INLINE constexpr void forward_graph(flat_graph<node_list<Nodes...>, Payloads, Reversed, Map, Pieces>, Values& v,
                                                  const std::array<T, Payloads>& payloads, const B& point) {
  in_order{(forward_selected<T, Selection::includes(Nodes::id)>(
                typename forward_step_of<Nodes>::type{}, v, payloads,
                bound_leaf(static_cast<typename leaf_binding<Nodes, B>::type*>(&point))),
            0)...,
           0};
}

// A large graph is swept a piece at a time (graph_pieces in core/graph.hpp), one out-of-line
// function per piece ([[gnu::noinline]]) over the shared value and adjoint arrays: g++'s
// optimiser costs more than linear time in a function's size (a sum of 400 squares swept as one
// function, -O2: SLP vectorisation, dead-store elimination and RTL expansion took 19 s of 31),
// so functions of a bounded size keep the whole compile linear in the graph, for the price of a
// call per piece of up to 128 nodes. A graph of up to sweep_piece_nodes nodes (W1 to W3 and
// every model of the examples) is swept inline, as one fused function. A piece function is named
// by its steps alone (op tags and ids, never an expression), and the variables' values, which
// are read from the point (whose type names every variable), are stored by the caller.

/// The largest graph swept as one inline function.
inline constexpr std::size_t sweep_piece_nodes = 128;

/// A node a piece does not compute: not in the sweep's selection, or a variable.
struct skipped_step {};

template <class T, class Values, class Payloads, class Leaf>
CTGRAD_ALWAYS_INLINE constexpr void forward_node(skipped_step, Values&, const Payloads&, Leaf) {}

/// The steps of a piece, as a piece function's template arguments.
template <class... Steps>
struct step_list {};

/// Node's step in a piece of a sweep over Selection: a variable is stored by forward_variables.
template <class Selection, class Node>
using piece_forward_step = std::conditional_t<Selection::includes(Node::id) &&
                                                  !(Node::arity == 0 && Node::payload == no_payload &&
                                                    is_var<typename Node::expression_type>),
                                              typename forward_step_of<Node>::type, skipped_step>;

/// A graph's forward pieces as step lists, the first piece first (the graph's are newest first).
template <class Selection, class Pieces, class Done = nil>
struct forward_piece_steps {
  using type = Done;
};
template <class Selection, class... Nodes, class Rest, class Done>
struct forward_piece_steps<Selection, cons<node_list<Nodes...>, Rest>, Done>
    : forward_piece_steps<Selection, Rest, cons<step_list<piece_forward_step<Selection, Nodes>...>, Done>> {};

template <class T, class... Steps, class Values, class Payloads>
[[gnu::noinline]] constexpr void forward_piece(step_list<Steps...>, Values& v, const Payloads& payloads) {
  in_order{(forward_node<T>(Steps{}, v, payloads, 0), 0)..., 0};
}

template <class T, class Values, class Payloads>
CTGRAD_ALWAYS_INLINE constexpr void forward_pieces(nil, Values&, const Payloads&) {}
template <class T, class... Steps, class Rest, class Values, class Payloads>
CTGRAD_ALWAYS_INLINE constexpr void forward_pieces(cons<step_list<Steps...>, Rest>, Values& v,
                                                   const Payloads& payloads) {
  if constexpr (!(__is_same(Steps, skipped_step) && ...)) forward_piece<T>(step_list<Steps...>{}, v, payloads);
  forward_pieces<T>(Rest{}, v, payloads);
}

/// The value bound to a variable stored into its node Id, if the graph has the variable and
/// Selection includes its node.
template <class T, class Selection, std::size_t Id, class Values, class Binding>
CTGRAD_ALWAYS_INLINE constexpr void store_variable(Values& v, const Binding& bound) {
  if constexpr (Id != not_found) {
    if constexpr (Selection::includes(Id)) v[Id] = static_cast<T>(bound.value);
  }
}

/// The value of every variable of graph G that Selection includes, read from the point: one step
/// per binding, each finding its node in the graph's map (a step per node, most of them doing
/// nothing, was a function instantiation per node: 1.9 s of g++'s call graph for a chain of 1000).
/// The point's type is a parameter of its own, not spelled bindings<Bindings...> (store_gradient
/// in diff/flat_reverse.hpp says why).
template <class T, class Selection, class G, class Values, class Point, class... Bindings>
CTGRAD_ALWAYS_INLINE constexpr void forward_bindings(G, Values& v, const Point& point, const bindings<Bindings...>*) {
  in_order{(store_variable<T, Selection, id_in<typename Bindings::variable_type, G>>(v, static_cast<const Bindings&>(point)),
            0)...,
           0};
}
template <class T, class Selection, class G, class Values, class Point>
CTGRAD_ALWAYS_INLINE constexpr void forward_variables(G graph, Values& v, const Point& point) {
  forward_bindings<T, Selection>(graph, v, point, &point);
}

/// The value of every node of G that Selection includes: inline for a graph of up to
/// sweep_piece_nodes nodes, a piece per function for a larger one.
template <class T, class Selection = every_node, class G, class Values, class Payloads, class B>
CTGRAD_ALWAYS_INLINE constexpr void forward_sweep(G graph, Values& v, const Payloads& payloads, const B& point) {
  if constexpr (G::size <= sweep_piece_nodes) {
    forward_graph<T, Selection>(graph, v, payloads, point);
  } else {
    forward_variables<T, Selection>(graph, v, point);
    forward_pieces<T>(typename forward_piece_steps<Selection, typename G::pieces::forward>::type{}, v, payloads);
  }
}

/// f's runtime constants in T, numbered as its graph numbers them.
template <class T, class E>
CTGRAD_ALWAYS_INLINE constexpr auto payloads_of(const E& f) {
  std::array<T, graph_t<E>::payloads> payloads{};
  gather_payloads<T, 0>(f, payloads);
  return payloads;
}

/// E's graph without sharing the uses of a subexpression that holds runtime constants (graph_of).
template <class E>
using unshared_graph_t = typename graph_of<std::remove_cvref_t<E>>::unshared;

/// Whether E's graph shares a subexpression holding runtime constants between uses whose types
/// are one (`auto inverse = 1.0 / t;` used twice): then the entry points compare the constants.
template <class E>
concept shares_payloads = !__is_same(typename graph_of<std::remove_cvref_t<E>>::aliases, nil);

/// Whether E's graph computes f with these payloads: every shared use's constants are its first's.
template <class E, class T, std::size_t N>
CTGRAD_ALWAYS_INLINE constexpr bool shared_uses_agree(const std::array<T, N>& payloads) {
  return aliases_hold<typename graph_of<std::remove_cvref_t<E>>::aliases>::at(payloads);
}

/// E's graph (Unshared: the one without sharing the uses of a subexpression holding runtime
/// constants). The entry points' bodies take E and the flag, as they took E before there were
/// two graphs, and name the graph inside.
template <class E, bool Unshared>
struct graph_for {
  using type = graph_t<E>;
};
template <class E>
struct graph_for<E, true> {
  using type = unshared_graph_t<E>;
};

/// The flat forward sweep of E's graph with these payloads at the point: every node's value, the
/// root's last.
template <class T, class E, bool Unshared, class Payloads, class B>
CTGRAD_ALWAYS_INLINE constexpr auto flat_forward_on(const Payloads& payloads, const B& point) {
  using graph = typename graph_for<E, Unshared>::type;
  node_values<T, graph::size> v;
  forward_sweep<T>(graph{}, v, payloads, point);
  return v;
}

/// f's value at the point, from the flat forward sweep of its graph (or, where two uses of one
/// subexpression type hold different constants, of the graph that holds each on its own).
template <class T, class E, class B>
CTGRAD_ALWAYS_INLINE constexpr T flat_eval(const E& f, const B& point) {
  const auto payloads = payloads_of<T>(f);
  if constexpr (shares_payloads<E>) {
    if (!shared_uses_agree<E>(payloads)) return flat_forward_on<T, E, true>(payloads, point)[unshared_graph_t<E>::root];
  }
  return flat_forward_on<T, E, false>(payloads, point)[graph_t<E>::root];
}
}  // namespace
}  // namespace ctgrad::detail
