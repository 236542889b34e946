// ctgrad/ops/sum.hpp: sum(a), the sum of a tensor's elements.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/record.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/fwd.hpp>

#include <cstddef>
#include <string_view>

namespace ctgrad {
/// Σₖ aₖ, a scalar; its adjoint reaches every element unchanged (∂Σ/∂aₖ = 1).
struct sum_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr bool changes_shape = true;
  static constexpr std::string_view name = "sum";
  static constexpr std::string_view latex = "\\sum";

  template <class A>
  using result_shape = shape<>;

  template <class A, class Record, class Out>
  CTGRAD_ALWAYS_INLINE static constexpr void forward(const Record& a, Out& out) {
    auto total = detail::empty_sum<Out>;  // a local: out may alias what the loop reads
    for (std::size_t k = 0; k < A::size; ++k) total += detail::read(a, k);
    out = total;
  }

  /// Over an elementwise chain, sum(square(W)), the forward sweep adds each element in the
  /// chain's loop, where it is computed (core/record.hpp).
  template <class A>
  static constexpr bool sums_terms = true;
  template <class A, class V>
  CTGRAD_ALWAYS_INLINE static constexpr V term_at(V element, std::size_t) {
    return element;
  }
  static constexpr bool adjoint_reads_operands = false;  // the adjoint of a sum is the same everywhere

  /// The operand's adjoint: the scalar delta stands for every element.
  template <class A, class Delta, class Record>
  CTGRAD_ALWAYS_INLINE static constexpr auto adjoint(const Delta& delta, const Record&) {
    return delta;
  }
};

/// The sum of the elements of a (a itself for a scalar).
constexpr expression auto sum(expression auto a) {
  if constexpr (detail::is_scalar<decltype(a)>) {
    return a;
  } else {
    return detail::make_unary<sum_op>(a);
  }
}
}  // namespace ctgrad
