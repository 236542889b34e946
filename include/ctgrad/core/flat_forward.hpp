// ctgrad/core/flat_forward.hpp: the forward sweep over a flat graph: one pass over its nodes in
// order, each node's value computed once from its operands' and kept by id.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>

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
    gather_payloads<T, Offset + graph_t<typename E::lhs_type>::payloads>(e.rhs, out);
  }
}

/// The value of one node from its operands' values, already computed (ids below its own).
template <class T, class E, std::size_t Id, std::size_t Payload, std::size_t... Operands, class Values,
          class Payloads, class B>
CTGRAD_ALWAYS_INLINE constexpr void forward_node(flat_node<E, Id, Payload, Operands...>, Values& v,
                                                 const Payloads& payloads, const B& point) {
  if constexpr (Payload != no_payload) {
    v[Id] = payloads[Payload];
  } else if constexpr (sizeof...(Operands) > 0) {
    v[Id] = static_cast<T>(E::op::eval(v[Operands]...));
  } else if constexpr (is_var<E>) {
    v[Id] = static_cast<T>(bound_value<E>(point));
  } else {  // a rational
    v[Id] = static_cast<T>(E::num) / static_cast<T>(E::den);
  }
}

/// Every node's value of graph G, in id order. A braced list's elements are evaluated in order,
/// and it has no nesting limit (a fold of n terms nests n levels; clang++ stops at 256).
template <class T, class... Nodes, std::size_t Payloads, class Values, class B>
CTGRAD_ALWAYS_INLINE constexpr void forward_graph(flat_graph<node_list<Nodes...>, Payloads>, Values& v,
                                                  const std::array<T, Payloads>& payloads, const B& point) {
  [[maybe_unused]] const int in_order[] = {(forward_node<T>(Nodes{}, v, payloads, point), 0)..., 0};
}

/// The flat forward sweep of f at the point: every node's value, the root's last.
template <class T, class E, class B>
CTGRAD_ALWAYS_INLINE constexpr auto flat_forward(const E& f, const B& point) {
  using graph = graph_t<E>;
  std::array<T, graph::payloads> payloads{};
  gather_payloads<T, 0>(f, payloads);
  node_values<T, graph::size> v;
  forward_graph<T>(graph{}, v, payloads, point);
  return v;
}
}  // namespace
}  // namespace ctgrad::detail
