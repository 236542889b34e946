// ctgrad/core/shape_of.hpp: shape_of_t<E>, the shape of an expression's value, computed from its type.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <cstddef>
#include <type_traits>

namespace ctgrad::detail {
/// The shape two elementwise operands combine to: equal shapes, or a scalar with anything
/// (the scalar is broadcast); void when they do not combine.
template <class Left, class Right>
struct broadcast {
  using type = void;
};
template <class Same>
struct broadcast<Same, Same> {
  using type = Same;
};
template <std::size_t... Extents>
  requires(sizeof...(Extents) > 0)
struct broadcast<shape<>, shape<Extents...>> {
  using type = shape<Extents...>;
};
template <std::size_t... Extents>
  requires(sizeof...(Extents) > 0)
struct broadcast<shape<Extents...>, shape<>> {
  using type = shape<Extents...>;
};

/// Whether an elementwise operation accepts operands of these shapes; named in shape errors.
template <class Left, class Right>
concept broadcastable = !__is_same(typename broadcast<Left, Right>::type, void);

/// An op that is not elementwise: it declares `changes_shape`, a result_shape and its own
/// forward and backward loops (matmul, sum, transpose).
template <class Op>
concept structural_op = requires { Op::changes_shape; };

/// The shape of E's value: an op that changes shapes (matmul, sum, transpose) says how in
/// result_shape; every other op is elementwise.
template <class E>
struct shape_of {
  using type = shape<>;  // constants
};
template <fixed_string Name, std::size_t... Extents>
struct shape_of<var<Name, Extents...>> {
  using type = shape<Extents...>;
};
template <class Op, class Arg>
struct shape_of<unary<Op, Arg>> {
  using type = typename shape_of<Arg>::type;
};
template <structural_op Op, class Arg>
struct shape_of<unary<Op, Arg>> {
  using type = typename Op::template result_shape<typename shape_of<Arg>::type>;
};
template <class Op, class Lhs, class Rhs>
struct shape_of<binary<Op, Lhs, Rhs>> {
  using type = typename broadcast<typename shape_of<Lhs>::type, typename shape_of<Rhs>::type>::type;
};
template <structural_op Op, class Lhs, class Rhs>
struct shape_of<binary<Op, Lhs, Rhs>> {
  using type = typename Op::template result_shape<typename shape_of<Lhs>::type,
                                                  typename shape_of<Rhs>::type>;
};

template <class E>
using shape_of_t = typename shape_of<std::remove_cvref_t<E>>::type;

/// Whether E's value is a single number.
template <class E>
concept is_scalar = shape_of_t<E>::rank == 0;

template <class G>
struct graph_has_tensor;
template <class... Nodes, std::size_t Payloads, class Reversed, class Map, class Pieces>
struct graph_has_tensor<flat_graph<node_list<Nodes...>, Payloads, Reversed, Map, Pieces>>
    : std::bool_constant<!all_true<is_scalar<typename Nodes::expression_type>...>> {};

/// Whether E or any part of it is a tensor: symbolic d stays with scalar expressions. Read off
/// E's flat graph, whose nodes come operands first, so that no shape is found by deep recursion.
template <class E>
inline constexpr bool has_tensor = graph_has_tensor<graph_t<E>>::value;
}  // namespace ctgrad::detail
