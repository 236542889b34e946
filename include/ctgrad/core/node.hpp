// ctgrad/core/node.hpp: the two operation nodes, unary<Op, Arg> and binary<Op, Lhs, Rhs>.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/core/type_map.hpp>

#include <cstdint>
#include <type_traits>

namespace ctgrad {
// Operands are held by value, so an expression kept in `auto` never dangles. An empty operand
// (a variable, a rational, a node of those) is a static member instead, so an expression made of
// variables is itself an empty type: it costs nothing to pass and can be a template argument.

// The node templates are in an unnamed namespace, so every expression type, and every function
// instantiated for one (the operators, the sweeps), has internal linkage. An instantiation with
// external linkage is a weak, comdat symbol, and g++ names its comdat group, its mangled name,
// as it enters the call graph, even where the function is only inlined or evaluated at compile
// time; that name spells the node's whole type, and g++'s mangler costs O(k²) in a name of k
// parts, so a sum of n terms took O(n³): 23 s for 400 terms. With internal linkage a name is
// made only for a function that is emitted (docs/compile-time.md, "Linkage"). An expression type
// is then one type per translation unit, as a lambda's is: keep one in a template, a function or
// a .cpp file, not in a member of a non-template class in a header (g++ -Wsubobject-linkage).
namespace {
/// Op applied to one operand; Op is a tag such as sin_op that holds the value and derivative rules.
template <class Op, class Arg>
struct unary {
  using op = Op;
  using arg_type = Arg;
  Arg arg;
};

template <class Op, class Arg>
  requires __is_empty(Arg)
struct unary<Op, Arg> {
  using op = Op;
  using arg_type = Arg;
  static constexpr Arg arg{};
  constexpr unary() = default;
  constexpr explicit unary(Arg) {}
};

/// Op applied to two operands, such as add_op for lhs + rhs.
template <class Op, class Lhs, class Rhs>
struct binary {
  using op = Op;
  using lhs_type = Lhs;
  using rhs_type = Rhs;
  Lhs lhs;
  Rhs rhs;
};

template <class Op, class Lhs, class Rhs>
  requires(__is_empty(Lhs) && !__is_empty(Rhs))
struct binary<Op, Lhs, Rhs> {
  using op = Op;
  using lhs_type = Lhs;
  using rhs_type = Rhs;
  static constexpr Lhs lhs{};
  Rhs rhs;
  constexpr binary(Lhs, Rhs right) : rhs(right) {}
};

template <class Op, class Lhs, class Rhs>
  requires(!__is_empty(Lhs) && __is_empty(Rhs))
struct binary<Op, Lhs, Rhs> {
  using op = Op;
  using lhs_type = Lhs;
  using rhs_type = Rhs;
  Lhs lhs;
  static constexpr Rhs rhs{};
  constexpr binary(Lhs left, Rhs) : lhs(left) {}
};

template <class Op, class Lhs, class Rhs>
  requires(__is_empty(Lhs) && __is_empty(Rhs))
struct binary<Op, Lhs, Rhs> {
  using op = Op;
  using lhs_type = Lhs;
  using rhs_type = Rhs;
  static constexpr Lhs lhs{};
  static constexpr Rhs rhs{};
  constexpr binary() = default;
  constexpr binary(Lhs, Rhs) {}
};

}  // namespace

namespace detail {
/// The node Op(arg), built without simplification: op headers call it once their rules are done.
template <class Op>
constexpr auto make_unary(expression auto arg) {
  using node = unary<Op, decltype(arg)>;
  [[maybe_unused]] constexpr std::uint64_t hash = hash_of<node>;  // now, from the operand's: see structural_hash
  return node{arg};
}

/// The node Op(lhs, rhs), built without simplification.
template <class Op>
constexpr auto make_binary(expression auto lhs, expression auto rhs) {
  using node = binary<Op, decltype(lhs), decltype(rhs)>;
  [[maybe_unused]] constexpr std::uint64_t hash = hash_of<node>;  // now, from the operands': see structural_hash
  return node{lhs, rhs};
}

template <class E, class Op>
struct is_unary_of_trait : std::false_type {};
template <class Op, class Arg>
struct is_unary_of_trait<unary<Op, Arg>, Op> : std::true_type {};
/// Whether E is the node Op(a); a concept, not a variable template (concepts.hpp says why).
template <class E, class Op>
concept is_unary_of = is_unary_of_trait<E, Op>::value;

template <class E, class Op>
struct is_binary_of_trait : std::false_type {};
template <class Op, class Lhs, class Rhs>
struct is_binary_of_trait<binary<Op, Lhs, Rhs>, Op> : std::true_type {};
/// Whether E is the node Op(a, b).
template <class E, class Op>
concept is_binary_of = is_binary_of_trait<E, Op>::value;
}  // namespace detail
}  // namespace ctgrad
