// ctgrad/detail/in_order.hpp: a pack expansion evaluated in order, with no fold.
#pragma once

#include <initializer_list>

namespace ctgrad::detail {
/// `in_order{(f(x), 0)...}` evaluates f(x) for each x of the pack, left to right. A braced list's
/// elements are evaluated in order and it has no nesting limit, where clang++ stops a fold
/// expression of more than 256 terms (a gradient of 400 variables, a graph of 1000 nodes).
struct in_order {
  constexpr in_order(std::initializer_list<int>) {}
};
}  // namespace ctgrad::detail
