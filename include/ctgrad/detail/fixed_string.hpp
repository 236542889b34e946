// ctgrad/detail/fixed_string.hpp: a string literal usable as a template argument (var<"x">).
#pragma once

#include <cstddef>
#include <string_view>

namespace ctgrad::detail {
template <std::size_t N>
struct fixed_string {
  char chars[N] = {};

  constexpr fixed_string(const char (&text)[N]) {  // NOLINT: implicit on purpose, var<"x">
    for (std::size_t i = 0; i < N; ++i) chars[i] = text[i];
  }
  constexpr std::string_view view() const { return {chars, N - 1}; }
  friend constexpr bool operator==(const fixed_string&, const fixed_string&) = default;
};
}  // namespace ctgrad::detail
