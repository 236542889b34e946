// ctgrad/ops/square.hpp: square(a), which is pow<2>(a).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/ops/pow.hpp>

namespace ctgrad {
/// a², spelled pow<2>(a) so that it shares pow's rules instead of adding its own.
constexpr expression auto square(expression auto a) { return pow<2>(a); }

/// square(v) of a plain number: a compile error saying that square builds an expression.
constexpr auto square(number auto value) {
  static_assert(detail::always_false<decltype(value)>,
                "ctgrad::square: the argument is a plain number, not an expression; apply square to a "
                "variable and evaluate it, as in eval(square(x), at(x = 0.5)).");
  return value;  // the sentence above is the only error
}
}  // namespace ctgrad
