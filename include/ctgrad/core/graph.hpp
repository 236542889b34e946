// ctgrad/core/graph.hpp: an expression lowered to a flat graph: its nodes in topological order,
// each operand referenced by an integer id, and a subexpression of an empty type held once.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/core/type_map.hpp>

#include <array>
#include <bit>
#include <cstdint>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
// Two subexpressions of the same empty type (made of variables and compile-time constants only)
// are the same value, so the graph holds them once: `th = sqrt(x*x + y*y)` used in cos(th) and
// sin(th) is one node. Each runtime constant (the 2.5 of x * 2.5) is a payload, numbered in the
// order the expression is written (as gather_payloads reads them). A subexpression that holds
// payloads is shared by the later uses of its type as well, but its type does not say its
// value, so the walk records where their payloads and the first use's are (payload_alias): an
// entry point compares them at run time and, where they differ, sweeps the graph of a second
// walk (no_sharing) that holds every such use on its own. A constant alone is never shared.
//
// The lowering is one depth-first walk over the expression, operands before their node and the
// left before the right, run as a state machine over types: a stack of work, a stack of the ids
// computed so far, the map (core/type_map.hpp) of the subexpressions already numbered, the nodes
// emitted, newest first, and the aliases. A subexpression found in the map is not walked again,
// so a shared subtree is lowered once and a DAG of k nodes costs O(k) steps whatever its tree
// size. Every step makes O(1) new types and O(log n) for the map, and nothing is copied per
// node, so the walk costs O(n log n) instantiations for a graph of n nodes where the merge of
// operand graphs it replaced cost O(n²); it runs 32 steps per nested instantiation, so its depth
// is the graph's size / 32 and not the expression's depth. Nothing here is a function or a variable with a symbol: only class
// templates, enumerators and constexpr arrays of a class that no running code names.

inline constexpr std::size_t no_payload = static_cast<std::size_t>(-1);

/// A node of a flat graph: the expression E it computes, its id (its position), the index of
/// its payload (the runtime constant it is) or no_payload, and its operands' ids.
template <class E, std::size_t Id, std::size_t Payload, std::size_t... Operands>
struct flat_node {
  using expression_type = E;
  enum : std::size_t { id = Id, payload = Payload, arity = sizeof...(Operands) };
};

template <class... Nodes>
struct node_list {};

/// The nodes of an expression in topological order (operands before their users, the root last),
/// how many payloads they hold, the nodes again from the root down (the backward sweep's order),
/// the map from each empty subexpression to its id (id_in below) and the nodes in pieces
/// (graph_pieces below).
///
/// flat_graph is a primary template, not a specialisation on node_list<Nodes...>: g++ hashes the
/// arguments of the specialisation a member belongs to at every use of the member, and the
/// sweeps use G::size, G::map and the rest once per node or per lookup, which over a pack of n
/// nodes made every use O(n).
template <class Nodes>
struct node_count;
template <class... Nodes>
struct node_count<node_list<Nodes...>> {
  static constexpr std::size_t value = sizeof...(Nodes);
};
template <class Nodes, std::size_t Payloads, class Reversed, class Map, class Pieces>
struct flat_graph {
  using nodes = Nodes;
  using reversed = Reversed;
  using map = Map;
  using pieces = Pieces;
  enum : std::size_t { size = node_count<Nodes>::value, root = node_count<Nodes>::value - 1, payloads = Payloads };
};

/// The id of the node of empty type E in G, or not_found. An empty type is in a graph at most
/// once, so the answer is unique.
template <class E, class G>
inline constexpr std::size_t id_in = map_find_v<typename G::map, E>;

/// How many runtime constants E holds: the payloads of its graph, counted without lowering it.
template <class E>
struct payload_count {
  static constexpr std::size_t value = 0;
};
template <class T>
struct payload_count<constant<T>> {
  static constexpr std::size_t value = 1;
};
template <class Op, class Arg>
  requires(!__is_empty(Arg))
struct payload_count<unary<Op, Arg>> {
  static constexpr std::size_t value = payload_count<Arg>::value;
};
template <class Op, class Lhs, class Rhs>
  requires(!__is_empty(binary<Op, Lhs, Rhs>))
struct payload_count<binary<Op, Lhs, Rhs>> {
  static constexpr std::size_t value = payload_count<Lhs>::value + payload_count<Rhs>::value;
};

// The walk's state. Work and the emitted nodes are cons lists; ids are a stack of numbers.
struct nil {};
template <class Head, class Tail>
struct cons {};
template <class E>
struct visit {};  // lower E, leaving its id on the id stack
template <class E>
struct finish {};  // E's operands are lowered: emit E
struct no_ids {};
template <std::size_t Id, class Below>
struct id_stack {};

/// Two places where one subexpression type holds runtime constants: the Count payloads from First
/// are its first occurrence's, those from Second a later one's. The graph shares the two (the
/// later one is not lowered again), which is right only where the constants are equal: the
/// entry points compare them at run time and use the graph without sharing where they differ.
template <std::size_t First, std::size_t Second, std::size_t Count>
struct payload_alias {};
/// The aliases of a walk that shares only empty subexpressions: the graph without sharing.
struct no_sharing {};

template <class Work, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out, class Aliases>
struct lowering {};

/// The nodes emitted so far: full chunks of chunk_size (a cons list, newest first), each in both
/// orders, and the chunk being filled. A node is added to a short pack, and the chunks are joined
/// once at the end (joined below), so that no list of the whole graph is copied per node.
inline constexpr std::size_t chunk_size = 16;
template <class Forward, class Reversed>
struct chunk {
  using forward = Forward;
  using reversed = Reversed;
};
template <class Chunks, class Forward, class Reversed>
struct emitted_nodes {};
template <class Out, class Node, bool Full>
struct chunk_with;
template <class Chunks, class... Forward, class... Reversed, class Node>
struct chunk_with<emitted_nodes<Chunks, node_list<Forward...>, node_list<Reversed...>>, Node, false> {
  using type = emitted_nodes<Chunks, node_list<Forward..., Node>, node_list<Node, Reversed...>>;
};
template <class Chunks, class... Forward, class... Reversed, class Node>
struct chunk_with<emitted_nodes<Chunks, node_list<Forward...>, node_list<Reversed...>>, Node, true> {
  using type = emitted_nodes<cons<chunk<node_list<Forward..., Node>, node_list<Node, Reversed...>>, Chunks>,
                             node_list<>, node_list<>>;
};
template <class Out, class Node>
struct with_node;
template <class Chunks, class... Forward, class Reversed, class Node>
struct with_node<emitted_nodes<Chunks, node_list<Forward...>, Reversed>, Node>
    : chunk_with<emitted_nodes<Chunks, node_list<Forward...>, Reversed>, Node, sizeof...(Forward) + 1 == chunk_size> {};

/// The map with E → Id added: an empty E always; one that holds runtime constants, whose payloads
/// start at Start, unless the walk does not share them, as E → (Id << 32) | Start.
template <class Map, class E, std::size_t Id, std::size_t Start, class Aliases, bool Empty = __is_empty(E)>
struct remembered {
  using type = map_with<Map, E, (Id << 32) | Start>;
};
template <class Map, class E, std::size_t Id, std::size_t Start, class Aliases>
struct remembered<Map, E, Id, Start, Aliases, true> {
  using type = map_with<Map, E, Id>;
};
template <class Map, class E, std::size_t Id, std::size_t Start>
struct remembered<Map, E, Id, Start, no_sharing, false> {
  using type = Map;
};
template <class Map, class T, std::size_t Id, std::size_t Start, class Aliases>
struct remembered<Map, constant<T>, Id, Start, Aliases, false> {  // a constant alone: not worth sharing
  using type = Map;
};
template <class Map, class T, std::size_t Id, std::size_t Start>
struct remembered<Map, constant<T>, Id, Start, no_sharing, false> {
  using type = Map;
};

/// A node emitted: pushed onto the id stack and the output, remembered, numbered.
template <class Work, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out, class Aliases,
          class Node, std::size_t After = Payloads + (Node::payload == no_payload ? 0 : 1)>
using emitted =
    lowering<Work, id_stack<Next, Ids>,
             typename remembered<Map, typename Node::expression_type, Next,
                                 After - payload_count<typename Node::expression_type>::value, Aliases>::type,
             Next + 1, After, typename with_node<Out, Node>::type, Aliases>;

/// Where E was lowered before: its id, or not_found (always, for a type holding runtime constants
/// in a walk that does not share them).
template <class E, class Map, class Aliases>
inline constexpr std::size_t found_in = map_find_v<Map, E>;
template <class E, class Map>
inline constexpr std::size_t found_in<E, Map, no_sharing> = __is_empty(E) ? map_find_v<Map, E> : not_found;
template <class T, class Map, class Aliases>
inline constexpr std::size_t found_in<constant<T>, Map, Aliases> = not_found;
template <class T, class Map>
inline constexpr std::size_t found_in<constant<T>, Map, no_sharing> = not_found;

/// A later occurrence of a type holding runtime constants: the pair of places its payloads and
/// the first occurrence's are at, added to the aliases.
template <class Aliases, std::size_t First, std::size_t Second, std::size_t Count>
struct with_alias {
  using type = cons<payload_alias<First, Second, Count>, Aliases>;
};

template <class E, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out, class Aliases,
          std::size_t Found = found_in<E, Map, Aliases>>
struct visit_step {  // E is a subexpression seen before: its id
  static constexpr bool empty = __is_empty(E);
  static constexpr std::size_t count = payload_count<E>::value;
  using type = lowering<Rest, id_stack<(empty ? Found : Found >> 32), Ids>, Map, Next, Payloads + count, Out,
                        typename std::conditional_t<empty, std::type_identity<Aliases>,
                                                    with_alias<Aliases, (Found & 0xffffffffULL), Payloads, count>>::type>;
};
template <class E, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out, class Aliases>
struct visit_step<E, Rest, Ids, Map, Next, Payloads, Out, Aliases, not_found> {  // a variable or a rational
  using type = emitted<Rest, Ids, Map, Next, Payloads, Out, Aliases, flat_node<E, Next, no_payload>>;
};
template <class T, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out, class Aliases>
struct visit_step<constant<T>, Rest, Ids, Map, Next, Payloads, Out, Aliases, not_found> {
  using type = emitted<Rest, Ids, Map, Next, Payloads, Out, Aliases, flat_node<constant<T>, Next, Payloads>>;
};
template <class Op, class Arg, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out,
          class Aliases>
struct visit_step<unary<Op, Arg>, Rest, Ids, Map, Next, Payloads, Out, Aliases, not_found> {
  using type = lowering<cons<visit<Arg>, cons<finish<unary<Op, Arg>>, Rest>>, Ids, Map, Next, Payloads, Out, Aliases>;
};
template <class Op, class Lhs, class Rhs, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads,
          class Out, class Aliases>
struct visit_step<binary<Op, Lhs, Rhs>, Rest, Ids, Map, Next, Payloads, Out, Aliases, not_found> {
  using type = lowering<cons<visit<Lhs>, cons<visit<Rhs>, cons<finish<binary<Op, Lhs, Rhs>>, Rest>>>, Ids, Map, Next,
                        Payloads, Out, Aliases>;
};

/// One step of the walk; a finished walk (no work left) stays as it is.
template <class State>
struct step {
  using type = State;
};
template <class E, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out, class Aliases>
struct step<lowering<cons<visit<E>, Rest>, Ids, Map, Next, Payloads, Out, Aliases>>
    : visit_step<E, Rest, Ids, Map, Next, Payloads, Out, Aliases> {};
template <class Op, class Arg, class Rest, std::size_t A, class Ids, class Map, std::size_t Next, std::size_t Payloads,
          class Out, class Aliases>
struct step<lowering<cons<finish<unary<Op, Arg>>, Rest>, id_stack<A, Ids>, Map, Next, Payloads, Out, Aliases>> {
  using type = emitted<Rest, Ids, Map, Next, Payloads, Out, Aliases, flat_node<unary<Op, Arg>, Next, no_payload, A>>;
};
template <class Op, class Lhs, class Rhs, class Rest, std::size_t A, std::size_t B, class Ids, class Map,
          std::size_t Next, std::size_t Payloads, class Out, class Aliases>
struct step<lowering<cons<finish<binary<Op, Lhs, Rhs>>, Rest>, id_stack<B, id_stack<A, Ids>>, Map, Next, Payloads, Out,
                     Aliases>> {
  using type =
      emitted<Rest, Ids, Map, Next, Payloads, Out, Aliases, flat_node<binary<Op, Lhs, Rhs>, Next, no_payload, A, B>>;
};

template <class S>
using step1 = typename step<S>::type;
template <class S>
using steps4 = step1<step1<step1<step1<S>>>>;
template <class S>
using steps32 = steps4<steps4<steps4<steps4<steps4<steps4<steps4<steps4<S>>>>>>>>;

/// The walk run to its end, 32 steps per nested instantiation.
template <class State>
struct walked : walked<steps32<State>> {};
template <class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out, class Aliases>
struct walked<lowering<nil, Ids, Map, Next, Payloads, Out, Aliases>> {
  using type = lowering<nil, Ids, Map, Next, Payloads, Out, Aliases>;
};

/// A cons list of node_lists joined into one, in the list's order or (Backwards) its reverse:
/// eight at a time, so that every node is copied O(log n) times.
template <bool Backwards, class... Lists>
struct concatenated;
template <class... A, class... B>
struct concatenated<false, node_list<A...>, node_list<B...>> {
  using type = node_list<A..., B...>;
};
template <class... A, class... B>
struct concatenated<true, node_list<A...>, node_list<B...>> {
  using type = node_list<B..., A...>;
};
template <class... A, class... B, class... C, class... D, class... E, class... F, class... G, class... H>
struct concatenated<false, node_list<A...>, node_list<B...>, node_list<C...>, node_list<D...>, node_list<E...>,
                    node_list<F...>, node_list<G...>, node_list<H...>> {
  using type = node_list<A..., B..., C..., D..., E..., F..., G..., H...>;
};
template <class... A, class... B, class... C, class... D, class... E, class... F, class... G, class... H>
struct concatenated<true, node_list<A...>, node_list<B...>, node_list<C...>, node_list<D...>, node_list<E...>,
                    node_list<F...>, node_list<G...>, node_list<H...>> {
  using type = node_list<H..., G..., F..., E..., D..., C..., B..., A...>;
};

template <bool Backwards, class Lists>
struct grouped {  // nil or one list
  using type = Lists;
};
template <bool Backwards, class A, class B, class Rest>
struct grouped<Backwards, cons<A, cons<B, Rest>>> {
  using type = cons<typename concatenated<Backwards, A, B>::type, typename grouped<Backwards, Rest>::type>;
};
template <bool Backwards, class A, class B, class C, class D, class E, class F, class G, class H, class Rest>
struct grouped<Backwards, cons<A, cons<B, cons<C, cons<D, cons<E, cons<F, cons<G, cons<H, Rest>>>>>>>>> {
  using type = cons<typename concatenated<Backwards, A, B, C, D, E, F, G, H>::type,
                    typename grouped<Backwards, Rest>::type>;
};

template <bool Backwards, class Lists>
struct joined : joined<Backwards, typename grouped<Backwards, Lists>::type> {};
template <bool Backwards, class List>
struct joined<Backwards, cons<List, nil>> {
  using type = List;
};
template <bool Backwards>
struct joined<Backwards, nil> {
  using type = node_list<>;
};

/// Each chunk's nodes, in order or (FromNewest) from the newest, as a cons list of node_lists.
template <class Chunks, bool FromNewest>
struct chunk_lists {  // nil
  using type = nil;
};
template <class Chunk, class Rest, bool FromNewest>
struct chunk_lists<cons<Chunk, Rest>, FromNewest> {
  using type = cons<std::conditional_t<FromNewest, typename Chunk::reversed, typename Chunk::forward>,
                    typename chunk_lists<Rest, FromNewest>::type>;
};

/// The nodes in consecutive pieces of up to 8 · chunk_size, for the sweeps of a large graph, which
/// handle a piece per function (sweep_piece_nodes in core/flat_forward.hpp): both are cons lists
/// of node_lists, the newest piece first; a forward piece holds its nodes in order, a backward
/// piece from its newest node down. They are the first step of joining the chunks, so they cost
/// nothing more.
template <class Forward, class Backward>
struct graph_pieces {
  using forward = Forward;
  using backward = Backward;
};

template <class Walk>
struct graph_from;
template <class Ids, class Map, std::size_t Next, std::size_t Payloads, class Chunks, class Forward, class Reversed,
          class Aliases>
struct graph_from<lowering<nil, Ids, Map, Next, Payloads, emitted_nodes<Chunks, Forward, Reversed>, Aliases>> {
  using aliases = Aliases;
  // Chunks are newest first, and the partial chunk is newer than all of them.
  using pieces = graph_pieces<typename grouped<true, cons<Forward, typename chunk_lists<Chunks, false>::type>>::type,
                              typename grouped<false, cons<Reversed, typename chunk_lists<Chunks, true>::type>>::type>;
  using forward = typename joined<true, typename pieces::forward>::type;
  using reversed = typename joined<false, typename pieces::backward>::type;
  using type = flat_graph<forward, Payloads, reversed, Map, pieces>;
};

/// The walk of the expressions Work (a cons list of visits): sharing the subexpressions of one
/// type that hold runtime constants (Aliases = nil) or not (no_sharing).
template <class Work, class Aliases>
using walk_of =
    typename walked<lowering<Work, no_ids, no_entry, 0, 0, emitted_nodes<nil, node_list<>, node_list<>>, Aliases>>::type;

/// The flat graph of E (`type`), memoised per expression type, in which the later uses of a
/// subexpression that holds runtime constants are its first's (`aliases`: where their payloads
/// are); and the graph that holds each such use on its own (`unshared`), the same graph if
/// there are no aliases.
template <class E, class Graph, bool Aliased>
struct unshared_of {  // no aliases: the graph itself
  using type = Graph;
};
template <class E, class Graph>
struct unshared_of<E, Graph, true> {  // walked only here, where it is named: a second walk
  using type = typename graph_from<walk_of<cons<visit<E>, nil>, no_sharing>>::type;
};
template <class E>
struct graph_of {
  using lowered = graph_from<walk_of<cons<visit<E>, nil>, nil>>;
  using type = typename lowered::type;
  using aliases = typename lowered::aliases;
  using unshared = typename unshared_of<E, type, !__is_same(aliases, nil)>::type;
};
}  // namespace

/// The work of lowering several expressions into one graph: each in turn, the first first.
template <class... Outputs>
struct output_work {
  using type = nil;
};
template <class E, class... Rest>
struct output_work<E, Rest...> {
  using type = cons<visit<E>, typename output_work<Rest...>::type>;
};

/// The ids an id stack holds, the bottom first: the outputs' ids, in the order they were lowered.
template <class Ids, std::size_t... Below>
struct stacked_ids {
  static constexpr std::array<std::size_t, sizeof...(Below)> value{Below...};
};
template <std::size_t Id, class Rest, std::size_t... Below>
struct stacked_ids<id_stack<Id, Rest>, Below...> : stacked_ids<Rest, Id, Below...> {};

template <class Walk>
struct output_ids_of;
template <class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out, class Aliases>
struct output_ids_of<lowering<nil, Ids, Map, Next, Payloads, Out, Aliases>> : stacked_ids<Ids> {};

/// The one flat graph of several expressions (`type`), in which a subexpression of an empty type
/// that two of them share is one node, and the id of each expression's node (`ids`, in their
/// order; two equal expressions have one). The graph's root is the last node lowered, which need
/// not be an output's: the sweeps of one output start at its id (a Jacobian's rows).
template <class... Outputs>
struct graph_of_outputs {
  using walk = walk_of<typename output_work<Outputs...>::type, nil>;
  using type = typename graph_from<walk>::type;
  using aliases = typename graph_from<walk>::aliases;
  static constexpr std::array<std::size_t, sizeof...(Outputs)> ids = output_ids_of<walk>::value;
};
/// The same graph with each use of a subexpression holding runtime constants on its own.
template <class... Outputs>
struct unshared_graph_of_outputs {
  using walk = walk_of<typename output_work<Outputs...>::type, no_sharing>;
  using type = typename graph_from<walk>::type;
  static constexpr std::array<std::size_t, sizeof...(Outputs)> ids = output_ids_of<walk>::value;
};

/// The flat graph of the expression E: flat_graph<node_list<flat_node<...>...>, payloads, reversed, map, pieces>.
template <class E>
using graph_t = typename graph_of<std::remove_cvref_t<E>>::type;

/// Whether the payloads where the aliases place them are equal, number for number (a -0 and a +0
/// differ, two NaNs of the same bits agree): then the graph that shares them computes the expression.
template <class T>
constexpr bool same_payload(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, double>) {  // one integer compare
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
  } else if constexpr (std::is_same_v<T, float>) {
    return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
  } else if constexpr (std::is_floating_point_v<T>) {
    return a == b && std::signbit(a) == std::signbit(b);
  } else {
    return false;  // a dual or lanes payload: the graph without sharing
  }
}
template <class Aliases>
struct aliases_hold {
  template <class T, std::size_t N>
  static constexpr bool at(const std::array<T, N>&) {
    return true;
  }
};
template <std::size_t First, std::size_t Second, std::size_t Count, class Rest>
struct aliases_hold<cons<payload_alias<First, Second, Count>, Rest>> {
  template <class T, std::size_t N>
  static constexpr bool at(const std::array<T, N>& payloads) {
    for (std::size_t k = 0; k < Count; ++k) {
      if (!same_payload(payloads[First + k], payloads[Second + k])) return false;
    }
    return aliases_hold<Rest>::at(payloads);
  }
};
}  // namespace ctgrad::detail
