// tests/support/quadratic_gradient.hpp: the gradient of Σ (p − target)², written out by hand, that
// the optimizer tests minimise.
#pragma once

#include <cstddef>
#include <type_traits>

/// ∂/∂p of Σ (p − target)², written out: 2·(p − target), number by number.
template <class Params>
Params quadratic_gradient(const Params& p, const Params& target) {
  Params g{};
  g.for_each([&](auto variable, auto& value) {
    if constexpr (std::is_floating_point_v<std::remove_cvref_t<decltype(value)>>) {
      value = 2 * (p[variable] - target[variable]);
    } else {
      for (std::size_t k = 0; k < value.size; ++k) {
        value[k] = 2 * (p[variable][k] - target[variable][k]);
      }
    }
  });
  return g;
}
