// ctgrad/ops/transpose.hpp: transpose(a), a matrix's transpose.
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
namespace detail {
template <class S>
struct transposed;
template <std::size_t M, std::size_t N>
struct transposed<shape<M, N>> {
  using type = shape<N, M>;
};
template <class S>
inline constexpr bool is_matrix_shape = S::rank == 2;
}  // namespace detail

/// Aᵀ for an m×n matrix A; the adjoint is transposed back.
struct transpose_op {
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr bool changes_shape = true;
  static constexpr std::string_view name = "transpose";
  static constexpr std::string_view latex = "\\operatorname{transpose}";

  template <class A>
  using result_shape = typename detail::transposed<A>::type;

  template <class A, class Record, class Out>
  CTGRAD_ALWAYS_INLINE static constexpr void forward(const Record& a, Out& out) {
    constexpr std::size_t rows = A::size / columns<A>();
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t j = 0; j < columns<A>(); ++j) out.values[j * rows + i] = detail::read(a, i * columns<A>() + j);
    }
  }

  /// Writes (Add: adds) the adjoint of the operand, δᵀ, into out.
  template <class A, bool Add, class Delta, class Record, class Out>
  CTGRAD_ALWAYS_INLINE static constexpr void adjoint_into(const Delta& delta, const Record&, Out& out) {
    constexpr std::size_t rows = A::size / columns<A>();
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t j = 0; j < columns<A>(); ++j) {
        if constexpr (Add) {
          out.values[i * columns<A>() + j] += detail::element(delta, j * rows + i);
        } else {
          out.values[i * columns<A>() + j] = detail::element(delta, j * rows + i);
        }
      }
    }
  }

 private:
  template <class A>
  static constexpr std::size_t columns() {
    return []<std::size_t M, std::size_t N>(shape<M, N>) { return N; }(A{});
  }
};

/// The transpose of a matrix expression.
template <expression A>
constexpr expression auto transpose(A a) {
  if constexpr (!detail::is_matrix_shape<detail::shape_of_t<A>>) {
    static_assert(detail::is_matrix_shape<detail::shape_of_t<A>>,
                  "ctgrad::transpose: the operand must be a matrix (two extents).");
    return a;  // the sentence above is the only error
  } else {
    return detail::make_unary<transpose_op>(a);
  }
}
}  // namespace ctgrad
