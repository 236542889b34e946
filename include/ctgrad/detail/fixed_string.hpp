// ctgrad/detail/fixed_string.hpp: a string literal usable as a template argument (var<"x">).
#pragma once

#include <cstddef>
#include <string_view>

namespace ctgrad::detail {
template <std::size_t N>
struct fixed_string {
  char chars[N] = {};

  constexpr fixed_string() = default;
  constexpr fixed_string(const char (&text)[N]) {  // NOLINT: implicit on purpose, var<"x">
    for (std::size_t i = 0; i < N; ++i) chars[i] = text[i];
  }
  constexpr std::string_view view() const { return {chars, N - 1}; }
  friend constexpr bool operator==(const fixed_string&, const fixed_string&) = default;
};

/// a followed by b: how layers name their parameters ("net.0" + ".W").
template <std::size_t N, std::size_t M>
constexpr fixed_string<N + M - 1> join(const fixed_string<N>& a, const fixed_string<M>& b) {
  fixed_string<N + M - 1> result;
  for (std::size_t i = 0; i + 1 < N; ++i) result.chars[i] = a.chars[i];
  for (std::size_t i = 0; i < M; ++i) result.chars[N - 1 + i] = b.chars[i];
  return result;
}

/// The decimal digits of Value as a fixed_string.
template <std::size_t Value>
constexpr auto decimal() {
  constexpr std::size_t length = [] {
    std::size_t digits = 1;
    for (std::size_t rest = Value; rest >= 10; rest /= 10) ++digits;
    return digits;
  }();
  fixed_string<length + 1> result;
  std::size_t rest = Value;
  for (std::size_t i = length; i-- > 0; rest /= 10) result.chars[i] = static_cast<char>('0' + rest % 10);
  return result;
}
}  // namespace ctgrad::detail
