// tests/support/near.hpp: near(a, b, tolerance), the relative comparison of the Jacobian and
// Hessian tests: |a − b| ≤ tolerance·max(1, |a|, |b|), in long double.
#pragma once

#include <algorithm>
#include <cmath>

namespace support {
inline bool near(long double a, long double b, long double tolerance) {
  return std::fabs(a - b) <= tolerance * std::max({1.0L, std::fabs(a), std::fabs(b)});
}
}  // namespace support
