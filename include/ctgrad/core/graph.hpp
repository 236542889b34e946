// ctgrad/core/graph.hpp: an expression lowered to a flat graph: its nodes in topological order,
// each operand referenced by an integer id, and a subexpression of an empty type held once.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/fwd.hpp>

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
// graph_of<E> is computed from its operands' graphs and memoised as a class template
// specialisation: a subexpression that occurs k times is lowered once. Nothing here is a
// function or a variable with a symbol: only class templates, enumerators and constexpr arrays
// of a class that no running code names.

inline constexpr std::size_t no_payload = static_cast<std::size_t>(-1);
inline constexpr std::size_t not_found = static_cast<std::size_t>(-1);

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
/// how many payloads they hold, and the nodes again from the root down (the backward sweep's
/// order, kept as the graph is built: a pack cannot be reversed without recursion or lookups).
template <class Nodes, std::size_t Payloads, class Reversed>
struct flat_graph;
template <class... Nodes, std::size_t Payloads, class Reversed>
struct flat_graph<node_list<Nodes...>, Payloads, Reversed> {
  using nodes = node_list<Nodes...>;
  using reversed = Reversed;
  enum : std::size_t { size = sizeof...(Nodes), root = sizeof...(Nodes) - 1, payloads = Payloads };
  /// Derives from every node, so that overload resolution finds a node by its id or by its
  /// (empty) expression type: node_at and id_in below.
  struct lookup : Nodes... {};
};

template <std::size_t Id, class E, std::size_t P, std::size_t... O>
flat_node<E, Id, P, O...> node_at_impl(const flat_node<E, Id, P, O...>*);  // declared only

/// The node of graph G with id Id.
template <class G, std::size_t Id>
using node_at = decltype(node_at_impl<Id>(static_cast<const typename G::lookup*>(nullptr)));

template <std::size_t Id>
struct found_id {
  enum : std::size_t { value = Id };
};
template <class E, std::size_t Id, std::size_t P, std::size_t... O>
found_id<Id> id_impl(const flat_node<E, Id, P, O...>*);  // declared only
template <class E>
found_id<not_found> id_impl(const void*);  // declared only

/// The id of the node of empty type E in G, or not_found. An empty type is in a graph at most
/// once, so the lookup is never ambiguous.
template <class E, class G>
inline constexpr std::size_t id_in =
    decltype(id_impl<E>(static_cast<const typename G::lookup*>(nullptr)))::value;

/// How graph R joins graph L: each of R's nodes keeps L's id if L holds it (an empty type), or
/// takes the next new id after L's; its payload follows L's payloads.
template <class L, class R>
struct merge;
template <class L, class... RNodes, std::size_t RPayloads, class RReversed>
struct merge<L, flat_graph<node_list<RNodes...>, RPayloads, RReversed>> {
  using right = flat_graph<node_list<RNodes...>, RPayloads, RReversed>;
  static constexpr std::array<std::size_t, sizeof...(RNodes)> shared{
      (__is_empty(typename RNodes::expression_type) ? id_in<typename RNodes::expression_type, L> : not_found)...};
  static constexpr auto ids = [] {
    std::array<std::size_t, sizeof...(RNodes)> result{};
    std::size_t next = L::size;
    for (std::size_t j = 0; j < result.size(); ++j) result[j] = shared[j] != not_found ? shared[j] : next++;
    return result;
  }();
  enum : std::size_t { added = ids.size() == 0 ? 0 : (ids.back() >= L::size ? ids.back() - L::size + 1 : 0) };
  static constexpr auto positions = [] {  // the positions in R of the added nodes
    std::array<std::size_t, added> result{};
    std::size_t n = 0;
    for (std::size_t j = 0; j < ids.size(); ++j) {
      if (shared[j] == not_found) result[n++] = j;
    }
    return result;
  }();

  template <class Node>
  struct renumbered;
  template <class E, std::size_t Id, std::size_t P, std::size_t... O>
  struct renumbered<flat_node<E, Id, P, O...>> {
    using type = flat_node<E, ids[Id], P == no_payload ? no_payload : P + L::payloads, ids[O]...>;
  };
  template <std::size_t K>
  using added_node = typename renumbered<node_at<right, positions[K]>>::type;
  template <class Nodes, class Reversed, class Added>
  struct joined;
  template <class... LNodes, class... LReversed, std::size_t... K>
  struct joined<node_list<LNodes...>, node_list<LReversed...>, std::index_sequence<K...>> {
    using type = flat_graph<node_list<LNodes..., added_node<K>...>, L::payloads + RPayloads,
                            node_list<added_node<added - 1 - K>..., LReversed...>>;
  };
  /// L and R's new nodes, in that order.
  using graph = typename joined<typename L::nodes, typename L::reversed, std::make_index_sequence<added>>::type;
  /// The id R's root has in it.
  enum : std::size_t { root = ids.back() };
};

template <class G, class Node>
struct appended;
template <class... Nodes, std::size_t Payloads, class... Reversed, class Node>
struct appended<flat_graph<node_list<Nodes...>, Payloads, node_list<Reversed...>>, Node> {
  using type = flat_graph<node_list<Nodes..., Node>, Payloads + (Node::payload == no_payload ? 0 : 1),
                          node_list<Node, Reversed...>>;
};

/// The flat graph of E.
template <class E>
struct graph_of {  // a variable or a compile-time constant
  using type = flat_graph<node_list<flat_node<E, 0, no_payload>>, 0, node_list<flat_node<E, 0, no_payload>>>;
};
template <class T>
struct graph_of<constant<T>> {
  using type = flat_graph<node_list<flat_node<constant<T>, 0, 0>>, 1, node_list<flat_node<constant<T>, 0, 0>>>;
};
template <class Op, class Arg>
struct graph_of<unary<Op, Arg>> {
  using below = typename graph_of<Arg>::type;
  using type = typename appended<below, flat_node<unary<Op, Arg>, below::size, no_payload, below::root>>::type;
};
template <class Op, class Lhs, class Rhs>
struct graph_of<binary<Op, Lhs, Rhs>> {
  using left = typename graph_of<Lhs>::type;
  using both = merge<left, typename graph_of<Rhs>::type>;
  using type = typename appended<typename both::graph,
                                 flat_node<binary<Op, Lhs, Rhs>, both::graph::size, no_payload, left::root, both::root>>::type;
};
}  // namespace

/// The flat graph of the expression E: flat_graph<node_list<flat_node<...>...>, payloads, reversed>.
template <class E>
using graph_t = typename graph_of<std::remove_cvref_t<E>>::type;
}  // namespace ctgrad::detail
