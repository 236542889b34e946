// ctgrad/ops/square.hpp: square(a), which is pow<2>(a).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/ops/pow.hpp>

namespace ctgrad {
/// a², spelled pow<2>(a) so that it shares pow's rules instead of adding its own.
constexpr expression auto square(expression auto a) { return pow<2>(a); }
}  // namespace ctgrad
