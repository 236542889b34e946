// ctgrad/ops/squared_norm.hpp: squared_norm(a), the sum of the squares of a tensor's elements.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/ops/pow.hpp>
#include <ctgrad/ops/sum.hpp>

namespace ctgrad {
/// ‖a‖² = Σₖ aₖ², written as sum(pow<2>(a)): no rule of its own.
constexpr expression auto squared_norm(expression auto a) { return sum(pow<2>(a)); }
}  // namespace ctgrad
