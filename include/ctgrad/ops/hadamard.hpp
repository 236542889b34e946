// ctgrad/ops/hadamard.hpp: hadamard(a, b), the elementwise product of two tensors.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/ops/mul.hpp>

namespace ctgrad {
/// a ⊙ b, element by element (a * b of two tensors is the matrix product); it is mul_op's node.
template <expression L, expression R>
constexpr expression auto hadamard(L a, R b) {
  using left = detail::shape_of_t<L>;
  using right = detail::shape_of_t<R>;
  if constexpr (!detail::broadcastable<left, right>) {
    static_assert(detail::broadcastable<left, right>,
                  "ctgrad::hadamard: the operands must have the same shape, or one be a scalar.");
    return a;  // the sentence above is the only error
  } else if constexpr (left::rank == 0 || right::rank == 0) {
    return a * b;
  } else {
    return detail::make_binary<mul_op>(a, b);
  }
}
}  // namespace ctgrad
