// ctgrad/core/graph.hpp: an expression lowered to a flat graph: its nodes in topological order,
// each operand referenced by an integer id, and a subexpression of an empty type held once.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/core/type_map.hpp>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
// Two subexpressions of the same empty type (made of variables and compile-time constants only)
// are the same value, so the graph holds them once: `th = sqrt(x*x + y*y)` used in cos(th) and
// sin(th) is one node. A subexpression that holds a runtime constant (x * 2.5) is a node of its
// own at every place it occurs, since its type does not say its value; each such constant is a
// payload, numbered in the order the expression is written (as gather_payloads reads them).
//
// The lowering is one depth-first walk over the expression, operands before their node and the
// left before the right, run as a state machine over types: a stack of work, a stack of the ids
// computed so far, the map (core/type_map.hpp) of the empty subexpressions already numbered, and
// the nodes emitted, newest first. An empty subexpression found in the map is not walked again,
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

template <class Work, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out>
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

/// The map with E → Id added if E is empty (only an empty type is shared).
template <class Map, class E, std::size_t Id, bool Empty = __is_empty(E)>
struct remembered {
  using type = Map;
};
template <class Map, class E, std::size_t Id>
struct remembered<Map, E, Id, true> {
  using type = map_with<Map, E, Id>;
};

/// A node emitted: pushed onto the id stack and the output, remembered, numbered.
template <class Work, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out, class Node>
using emitted = lowering<Work, id_stack<Next, Ids>, typename remembered<Map, typename Node::expression_type, Next>::type,
                         Next + 1, Payloads + (Node::payload == no_payload ? 0 : 1), typename with_node<Out, Node>::type>;

template <class E, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out,
          std::size_t Found = __is_empty(E) ? map_find_v<Map, E> : not_found>
struct visit_step {  // E is a subexpression seen before: its id
  using type = lowering<Rest, id_stack<Found, Ids>, Map, Next, Payloads, Out>;
};
template <class E, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out>
struct visit_step<E, Rest, Ids, Map, Next, Payloads, Out, not_found> {  // a variable or a rational
  using type = emitted<Rest, Ids, Map, Next, Payloads, Out, flat_node<E, Next, no_payload>>;
};
template <class T, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out>
struct visit_step<constant<T>, Rest, Ids, Map, Next, Payloads, Out, not_found> {
  using type = emitted<Rest, Ids, Map, Next, Payloads, Out, flat_node<constant<T>, Next, Payloads>>;
};
template <class Op, class Arg, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out>
struct visit_step<unary<Op, Arg>, Rest, Ids, Map, Next, Payloads, Out, not_found> {
  using type = lowering<cons<visit<Arg>, cons<finish<unary<Op, Arg>>, Rest>>, Ids, Map, Next, Payloads, Out>;
};
template <class Op, class Lhs, class Rhs, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads,
          class Out>
struct visit_step<binary<Op, Lhs, Rhs>, Rest, Ids, Map, Next, Payloads, Out, not_found> {
  using type = lowering<cons<visit<Lhs>, cons<visit<Rhs>, cons<finish<binary<Op, Lhs, Rhs>>, Rest>>>, Ids, Map, Next,
                        Payloads, Out>;
};

/// One step of the walk; a finished walk (no work left) stays as it is.
template <class State>
struct step {
  using type = State;
};
template <class E, class Rest, class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out>
struct step<lowering<cons<visit<E>, Rest>, Ids, Map, Next, Payloads, Out>>
    : visit_step<E, Rest, Ids, Map, Next, Payloads, Out> {};
template <class Op, class Arg, class Rest, std::size_t A, class Ids, class Map, std::size_t Next, std::size_t Payloads,
          class Out>
struct step<lowering<cons<finish<unary<Op, Arg>>, Rest>, id_stack<A, Ids>, Map, Next, Payloads, Out>> {
  using type = emitted<Rest, Ids, Map, Next, Payloads, Out, flat_node<unary<Op, Arg>, Next, no_payload, A>>;
};
template <class Op, class Lhs, class Rhs, class Rest, std::size_t A, std::size_t B, class Ids, class Map,
          std::size_t Next, std::size_t Payloads, class Out>
struct step<lowering<cons<finish<binary<Op, Lhs, Rhs>>, Rest>, id_stack<B, id_stack<A, Ids>>, Map, Next, Payloads, Out>> {
  using type = emitted<Rest, Ids, Map, Next, Payloads, Out, flat_node<binary<Op, Lhs, Rhs>, Next, no_payload, A, B>>;
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
template <class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out>
struct walked<lowering<nil, Ids, Map, Next, Payloads, Out>> {
  using type = lowering<nil, Ids, Map, Next, Payloads, Out>;
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
template <class Ids, class Map, std::size_t Next, std::size_t Payloads, class Chunks, class Forward, class Reversed>
struct graph_from<lowering<nil, Ids, Map, Next, Payloads, emitted_nodes<Chunks, Forward, Reversed>>> {
  // Chunks are newest first, and the partial chunk is newer than all of them.
  using pieces = graph_pieces<typename grouped<true, cons<Forward, typename chunk_lists<Chunks, false>::type>>::type,
                              typename grouped<false, cons<Reversed, typename chunk_lists<Chunks, true>::type>>::type>;
  using forward = typename joined<true, typename pieces::forward>::type;
  using reversed = typename joined<false, typename pieces::backward>::type;
  using type = flat_graph<forward, Payloads, reversed, Map, pieces>;
};

/// The flat graph of E, memoised per expression type.
template <class E>
struct graph_of {
  using type = typename graph_from<typename walked<lowering<cons<visit<E>, nil>, no_ids, no_entry, 0, 0, emitted_nodes<nil, node_list<>, node_list<>>>>::type>::type;
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
template <class Ids, class Map, std::size_t Next, std::size_t Payloads, class Out>
struct output_ids_of<lowering<nil, Ids, Map, Next, Payloads, Out>> : stacked_ids<Ids> {};

/// The one flat graph of several expressions (`type`), in which a subexpression of an empty type
/// that two of them share is one node, and the id of each expression's node (`ids`, in their
/// order; two equal expressions have one). The graph's root is the last node lowered, which need
/// not be an output's: the sweeps of one output start at its id (a Jacobian's rows).
template <class... Outputs>
struct graph_of_outputs {
  using walk = typename walked<lowering<typename output_work<Outputs...>::type, no_ids, no_entry, 0, 0,
                                        emitted_nodes<nil, node_list<>, node_list<>>>>::type;
  using type = typename graph_from<walk>::type;
  static constexpr std::array<std::size_t, sizeof...(Outputs)> ids = output_ids_of<walk>::value;
};

/// The flat graph of the expression E: flat_graph<node_list<flat_node<...>...>, payloads, reversed, map, pieces>.
template <class E>
using graph_t = typename graph_of<std::remove_cvref_t<E>>::type;
}  // namespace ctgrad::detail
