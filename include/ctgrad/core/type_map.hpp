// ctgrad/core/type_map.hpp: a compile-time map from types to ids, persistent, that finds and adds
// an entry in O(log n) instantiations: the lowering's memory of the subexpressions it has seen.
#pragma once

#include <ctgrad/fwd.hpp>

#include <cstddef>
#include <cstdint>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
// A type list that is copied to add one type costs O(n) instantiation work, so a lowering that
// keeps its nodes in one costs O(n²): 45 s for a chain of 1000 operations. This map is a trie of
// 4-way nodes over a 64-bit hash of the type's structure; adding an entry makes the O(log n) nodes
// on its path anew and shares the rest, and finding one follows the same path and compares the
// type itself with __is_same, so two types with one hash are still told apart.

constexpr std::uint64_t hash_mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 29);
}

/// A hash of how the compiler spells T: for a leaf (a variable, a rational) and an op tag.
template <class T>
constexpr std::uint64_t spelling_hash() {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (const char* c = __PRETTY_FUNCTION__; *c != '\0'; ++c) h = (h ^ static_cast<unsigned char>(*c)) * 0x100000001b3ULL;
  return h;
}

/// A hash of an expression's structure, from its operands' hashes: O(1) per node type. The node
/// builders (core/node.hpp) compute it as they build a node, so that it never recurses deeply.
template <class E>
struct structural_hash {
  static constexpr std::uint64_t value = spelling_hash<E>();
};
template <class Op, class Arg>
struct structural_hash<unary<Op, Arg>> {
  static constexpr std::uint64_t value = hash_mix(hash_mix(spelling_hash<Op>(), 1), structural_hash<Arg>::value);
};
template <class Op, class Lhs, class Rhs>
struct structural_hash<binary<Op, Lhs, Rhs>> {
  static constexpr std::uint64_t value =
      hash_mix(hash_mix(hash_mix(spelling_hash<Op>(), 2), structural_hash<Lhs>::value), structural_hash<Rhs>::value);
};
template <class E>
inline constexpr std::uint64_t hash_of = structural_hash<E>::value;

inline constexpr std::size_t not_found = static_cast<std::size_t>(-1);

/// One entry: type K with id Id, and K's hash, which the trie needs when a leaf splits.
template <class K, std::size_t Id, std::uint64_t Hash = hash_of<K>>
struct map_entry {};
/// No entry: the empty map, or an empty slot of a trie node.
struct no_entry {};
/// Entries whose hashes are equal in all 64 bits.
template <class... Entries>
struct map_bucket {};
/// A trie node: its four children by the two bits of the hash at its depth.
template <class C0, class C1, class C2, class C3>
struct map_node {};

inline constexpr unsigned map_levels = 32;  // 2 bits each

template <class Map, class Entry, std::uint64_t Hash, unsigned Depth>
struct map_insert;
template <unsigned Slot, class Node, class Entry, std::uint64_t Hash, unsigned Depth>
struct map_insert_at;

template <class Entry, std::uint64_t Hash, unsigned Depth>
struct map_insert<no_entry, Entry, Hash, Depth> {
  using type = Entry;
};
template <class K, std::size_t Id, std::uint64_t H, class Entry, std::uint64_t Hash, unsigned Depth>
struct map_insert<map_entry<K, Id, H>, Entry, Hash, Depth> {  // a leaf splits into a node
  using with_old = typename map_insert<map_node<no_entry, no_entry, no_entry, no_entry>, map_entry<K, Id, H>, H, Depth>::type;
  using type = typename map_insert<with_old, Entry, Hash, Depth>::type;
};
template <class K, std::size_t Id, std::uint64_t H, class Entry, std::uint64_t Hash>
struct map_insert<map_entry<K, Id, H>, Entry, Hash, map_levels> {
  using type = map_bucket<map_entry<K, Id, H>, Entry>;
};
template <class... Entries, class Entry, std::uint64_t Hash>
struct map_insert<map_bucket<Entries...>, Entry, Hash, map_levels> {
  using type = map_bucket<Entries..., Entry>;
};
template <class C0, class C1, class C2, class C3, class Entry, std::uint64_t Hash, unsigned Depth>
struct map_insert<map_node<C0, C1, C2, C3>, Entry, Hash, Depth>
    : map_insert_at<(Hash >> (2 * Depth)) & 3, map_node<C0, C1, C2, C3>, Entry, Hash, Depth> {};

template <class C0, class C1, class C2, class C3, class Entry, std::uint64_t Hash, unsigned Depth>
struct map_insert_at<0, map_node<C0, C1, C2, C3>, Entry, Hash, Depth> {
  using type = map_node<typename map_insert<C0, Entry, Hash, Depth + 1>::type, C1, C2, C3>;
};
template <class C0, class C1, class C2, class C3, class Entry, std::uint64_t Hash, unsigned Depth>
struct map_insert_at<1, map_node<C0, C1, C2, C3>, Entry, Hash, Depth> {
  using type = map_node<C0, typename map_insert<C1, Entry, Hash, Depth + 1>::type, C2, C3>;
};
template <class C0, class C1, class C2, class C3, class Entry, std::uint64_t Hash, unsigned Depth>
struct map_insert_at<2, map_node<C0, C1, C2, C3>, Entry, Hash, Depth> {
  using type = map_node<C0, C1, typename map_insert<C2, Entry, Hash, Depth + 1>::type, C3>;
};
template <class C0, class C1, class C2, class C3, class Entry, std::uint64_t Hash, unsigned Depth>
struct map_insert_at<3, map_node<C0, C1, C2, C3>, Entry, Hash, Depth> {
  using type = map_node<C0, C1, C2, typename map_insert<C3, Entry, Hash, Depth + 1>::type>;
};

/// Map with the entry K → Id added; K must not be in it yet.
template <class Map, class K, std::size_t Id>
using map_with = typename map_insert<Map, map_entry<K, Id>, hash_of<K>, 0>::type;

template <class Map, class K, std::uint64_t Hash, unsigned Depth>
struct map_find {  // no_entry
  static constexpr std::size_t value = not_found;
};
template <class K2, std::size_t Id, std::uint64_t H, class K, std::uint64_t Hash, unsigned Depth>
struct map_find<map_entry<K2, Id, H>, K, Hash, Depth> {
  static constexpr std::size_t value = __is_same(K, K2) ? Id : not_found;
};
template <class... K2, std::size_t... Id, std::uint64_t... H, class K, std::uint64_t Hash, unsigned Depth>
struct map_find<map_bucket<map_entry<K2, Id, H>...>, K, Hash, Depth> {
  static constexpr std::size_t value = [] {
    constexpr bool same[] = {__is_same(K, K2)...};
    constexpr std::size_t ids[] = {Id...};
    for (std::size_t i = 0; i < sizeof...(Id); ++i) {
      if (same[i]) return ids[i];
    }
    return not_found;
  }();
};
template <unsigned Slot, class C0, class C1, class C2, class C3>
struct map_child {
  using type = C0;
};
template <class C0, class C1, class C2, class C3>
struct map_child<1, C0, C1, C2, C3> {
  using type = C1;
};
template <class C0, class C1, class C2, class C3>
struct map_child<2, C0, C1, C2, C3> {
  using type = C2;
};
template <class C0, class C1, class C2, class C3>
struct map_child<3, C0, C1, C2, C3> {
  using type = C3;
};
template <class C0, class C1, class C2, class C3, class K, std::uint64_t Hash, unsigned Depth>
struct map_find<map_node<C0, C1, C2, C3>, K, Hash, Depth>
    : map_find<typename map_child<(Hash >> (2 * Depth)) & 3, C0, C1, C2, C3>::type, K, Hash, Depth + 1> {};

/// The id of K in Map, or not_found.
template <class Map, class K>
inline constexpr std::size_t map_find_v = map_find<Map, K, hash_of<K>, 0>::value;
}  // namespace
}  // namespace ctgrad::detail
