// ctgrad/detail/unrolled.hpp: a loop of a few fixed iterations, written out.
#pragma once

#include <ctgrad/config.hpp>

#include <cstddef>
#include <utility>

namespace ctgrad::detail {
/// Up to this many iterations, for_each_index writes the loop out.
inline constexpr std::size_t unroll_limit = 4;

/// body(i) for i = 0, 1, ..., N - 1. A short loop (a layer of 2 inputs) is written out: g++ -O2
/// vectorises the loop around it only if no inner loop is left in its body, and does not always
/// unroll one of 2 iterations before its vectoriser runs.
template <std::size_t N, class Body>
CTGRAD_ALWAYS_INLINE constexpr void for_each_index(Body&& body) {
  if constexpr (N <= unroll_limit) {
    [&]<std::size_t... I>(std::index_sequence<I...>) { (body(I), ...); }(std::make_index_sequence<N>{});
  } else {
    for (std::size_t i = 0; i < N; ++i) body(i);
  }
}
}  // namespace ctgrad::detail
