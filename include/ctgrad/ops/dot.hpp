// ctgrad/ops/dot.hpp: dot(a, b), the inner product of two vectors.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/ops/hadamard.hpp>
#include <ctgrad/ops/sum.hpp>

namespace ctgrad {
/// Σₖ aₖbₖ, written as sum(hadamard(a, b)): no rule of its own.
template <expression L, expression R>
constexpr expression auto dot(L a, R b) {
  return sum(hadamard(a, b));
}
}  // namespace ctgrad
