// ctgrad/core/depends.hpp: whether an expression contains a variable, decided from its type.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/detail/type_traits.hpp>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// Whether E contains any of Variables; d and the reverse sweep skip subtrees where it is false.
template <class E, class... Variables>
inline constexpr bool depends_on = false;
template <fixed_string Name, std::size_t... Extents, class... Variables>
inline constexpr bool depends_on<var<Name, Extents...>, Variables...> =
    one_of<var<Name, Extents...>, Variables...>;
template <class Op, class Arg, class... Variables>
inline constexpr bool depends_on<unary<Op, Arg>, Variables...> = depends_on<Arg, Variables...>;
template <class Op, class Lhs, class Rhs, class... Variables>
inline constexpr bool depends_on<binary<Op, Lhs, Rhs>, Variables...> =
    depends_on<Lhs, Variables...> || depends_on<Rhs, Variables...>;
}  // namespace
}  // namespace ctgrad::detail
