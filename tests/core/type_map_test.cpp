// tests/core/type_map_test.cpp
#include <ctgrad/core/type_map.hpp>  // first: proves the header stands alone

#include <ctgrad/core.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

using namespace ctgrad;

namespace {
constexpr var<"x"> x;
constexpr var<"y"> y;

template <int K>
struct key {};

// A map of keys 0..N-1 with ids 100 + k, built one entry at a time as the lowering builds it.
template <std::size_t N, class Map = detail::no_entry, std::size_t K = 0>
struct map_of_keys {
  using type = typename map_of_keys<N, detail::map_with<Map, key<static_cast<int>(K)>, 100 + K>, K + 1>::type;
};
template <std::size_t N, class Map>
struct map_of_keys<N, Map, N> {
  using type = Map;
};

template <class Map, std::size_t... K>
constexpr bool finds_every_key(std::index_sequence<K...>) {
  return ((detail::map_find_v<Map, key<static_cast<int>(K)>> == 100 + K) && ...);
}

using map200 = map_of_keys<200>::type;
}  // namespace

// Every entry is found with its own id, and a type never added is not found.
static_assert(detail::map_find_v<detail::no_entry, key<0>> == detail::not_found);
static_assert(finds_every_key<map200>(std::make_index_sequence<200>{}));
static_assert(detail::map_find_v<map200, key<200>> == detail::not_found);
static_assert(detail::map_find_v<map200, key<-1>> == detail::not_found);

// Two types with the same 64-bit hash share a bucket and are still told apart by the type.
using collided = detail::map_insert<detail::map_insert<detail::no_entry, detail::map_entry<key<1>, 7, 42>, 42, 0>::type,
                                    detail::map_entry<key<2>, 8, 42>, 42, 0>::type;
static_assert(detail::map_find<collided, key<1>, 42, 0>::value == 7);
static_assert(detail::map_find<collided, key<2>, 42, 0>::value == 8);
static_assert(detail::map_find<collided, key<3>, 42, 0>::value == detail::not_found);

// The structural hash follows the expression's structure: the same expression written twice has
// one hash, and swapping operands, changing an op or a variable changes it.
static_assert(detail::hash_of<decltype(sin(x) * y)> == detail::hash_of<decltype(sin(x) * y)>);
static_assert(detail::hash_of<decltype(sin(x) - y)> != detail::hash_of<decltype(y - sin(x))>);
static_assert(detail::hash_of<decltype(sin(x) * y)> != detail::hash_of<decltype(cos(x) * y)>);
static_assert(detail::hash_of<decltype(sin(x) * y)> != detail::hash_of<decltype(sin(y) * y)>);

TEST_CASE("core/type_map: a map of many entries finds each with its id, and misses what it lacks") {
  using map = map_of_keys<64>::type;
  std::array<std::size_t, 64> found{};
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    ((found[K] = detail::map_find_v<map, key<static_cast<int>(K)>>), ...);
  }(std::make_index_sequence<64>{});
  for (std::size_t k = 0; k < found.size(); ++k) CHECK(found[k] == 100 + k);
  CHECK(detail::map_find_v<map, key<64>> == detail::not_found);
}
