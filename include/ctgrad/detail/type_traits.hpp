// ctgrad/detail/type_traits.hpp: small compile-time helpers shared by the library.
#pragma once

#include <cstddef>
#include <type_traits>

namespace ctgrad::detail {
/// false, but only once T is known: ends `if constexpr` chains with a static_assert.
template <class...>
inline constexpr bool always_false = false;

/// Whether T is one of Ts.
template <class T, class... Ts>
inline constexpr bool one_of = (std::is_same_v<T, Ts> || ...);

/// Position of T in Ts (sizeof...(Ts) when absent); one fold, no recursion.
template <class T, class... Ts>
constexpr std::size_t index_of() {
  std::size_t index = 0;
  bool found = false;
  ((found = found || std::is_same_v<T, Ts>, index += found ? 0 : 1), ...);
  return index;
}

/// A list of types, for type-level bookkeeping that needs no storage.
template <class... Ts>
struct type_list {
  template <class T>
  static constexpr bool contains = one_of<T, Ts...>;
  template <class T>
  using append = type_list<Ts..., T>;
};

/// How many times T occurs in Ts.
template <class T, class... Ts>
inline constexpr std::size_t count_of = (std::size_t{std::is_same_v<T, Ts>} + ... + 0);

/// Whether no type occurs twice in Ts.
template <class... Ts>
inline constexpr bool all_distinct = ((count_of<Ts, Ts...> == 1) && ...);
}  // namespace ctgrad::detail
