// ctgrad/detail/type_traits.hpp: small compile-time helpers shared by the library.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

namespace ctgrad::detail {
/// false, but only once T is known: ends `if constexpr` chains with a static_assert.
template <class...>
inline constexpr bool always_false = false;

// Membership is asked of sets of n variables (wrt(...), at(...), a gradient) once per variable or
// per node, so it must cost O(1) in the compiler, not a fold of n comparisons per question: a set is
// one class with a base per element, built once per set, and membership is the builtin
// __is_base_of, a search in the compiler that instantiates nothing.

/// The base standing for T in a type_set.
template <class T>
struct type_tag {};
/// The I-th element of a type_set; the index lets a type occur twice, which a direct base may not.
template <std::size_t I, class T>
struct indexed_type : type_tag<T> {};
template <class Indices, class... Ts>
struct indexed_types;
template <std::size_t... I, class... Ts>
struct indexed_types<std::index_sequence<I...>, Ts...> : indexed_type<I, Ts>... {};
/// Ts as one class: a base indexed_type<I, T> per element, and through it type_tag<T>.
template <class... Ts>
using type_set = indexed_types<std::index_sequence_for<Ts...>, Ts...>;

template <bool...>
struct bools {};
/// Whether every B is true, without a fold: clang++ counts a fold of n terms as n nested
/// expressions and stops at -fbracket-depth (256), so at(...) of 300 bindings did not compile.
template <bool... B>
concept all_true = __is_same(bools<true, B...>, bools<B..., true>);

/// Whether T is one of Ts.
template <class T, class... Ts>
concept one_of = __is_base_of(type_tag<T>, type_set<Ts...>);

/// A list of types, for type-level bookkeeping that needs no storage.
template <class... Ts>
struct type_list {
  template <class T>
  static constexpr bool contains = one_of<T, Ts...>;
  template <class T>
  using append = type_list<Ts..., T>;
};
}  // namespace ctgrad::detail
