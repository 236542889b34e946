// ctgrad/ops/matmul.hpp: matmul(a, b), the matrix product; `a * b` of two tensors means it.
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
// A matrix is m×k; a vector on the right is a k×1 column, a vector on the left a 1×k row.
template <class A, class B>
struct matmul_extents {
  static constexpr bool valid = false;
};
template <std::size_t M, std::size_t K, std::size_t N>
struct matmul_extents<shape<M, K>, shape<K, N>> {
  static constexpr bool valid = true;
  static constexpr std::size_t m = M, k = K, n = N;
  using result = shape<M, N>;
};
template <std::size_t M, std::size_t K>
struct matmul_extents<shape<M, K>, shape<K>> {
  static constexpr bool valid = true;
  static constexpr std::size_t m = M, k = K, n = 1;
  using result = shape<M>;
};
template <std::size_t K, std::size_t N>
struct matmul_extents<shape<K>, shape<K, N>> {
  static constexpr bool valid = true;
  static constexpr std::size_t m = 1, k = K, n = N;
  using result = shape<N>;
};

/// Whether a of shape A and b of shape B multiply: named in matmul's error with both shapes.
template <class A, class B>
inline constexpr bool can_matmul = matmul_extents<A, B>::valid;
}  // namespace detail

/// The matrix product C = A·B (matrix·matrix, matrix·vector, vector·matrix). Its backward is
/// the adjoint loop dA = δ·Bᵀ, dB = Aᵀ·δ over fixed extents, which the compiler unrolls.
struct matmul_op {
  static constexpr bool changes_shape = true;
  static constexpr std::string_view name = "*";
  static constexpr std::string_view latex = "\\,";
  static constexpr int precedence = 2;
  static constexpr bool associative = true;

  template <class A, class B>
  using result_shape = typename detail::matmul_extents<A, B>::result;

  // Sums start from their first term: 0.0 + x is not x in IEEE arithmetic, so a zero start
  // would cost an addition the optimiser must keep.
  template <class A, class B, class LhsRecord, class RhsRecord, class Out>
  CTGRAD_ALWAYS_INLINE static constexpr void forward(const LhsRecord& a, const RhsRecord& b, Out& out) {
    using e = detail::matmul_extents<A, B>;
    for (std::size_t i = 0; i < e::m; ++i) {
      for (std::size_t j = 0; j < e::n; ++j) {
        auto sum = detail::read(a, i * e::k) * detail::read(b, j);
        for (std::size_t p = 1; p < e::k; ++p) sum += detail::read(a, i * e::k + p) * detail::read(b, p * e::n + j);
        out.values[i * e::n + j] = sum;
      }
    }
  }

  /// Element k of a matrix·vector product, (A·x)ₖ = Σₚ A(k, p)·x(p): lets the forward sweep compute
  /// relu(W·x + b) in one loop over the units, as a hand-written layer does.
  template <class A, class B>
  static constexpr bool computes_elements = A::rank == 2 && B::rank == 1;
  template <class A, class B, class LhsRecord, class RhsRecord>
  CTGRAD_ALWAYS_INLINE static constexpr auto element_at(const LhsRecord& a, const RhsRecord& b,
                                                        std::size_t k) {
    using e = detail::matmul_extents<A, B>;
    auto sum = detail::read(a, k * e::k) * detail::read(b, 0);
    for (std::size_t p = 1; p < e::k; ++p) sum += detail::read(a, k * e::k + p) * detail::read(b, p);
    return sum;
  }

  /// Writes (Add: adds) the adjoint of operand I (0: a, 1: b) into out, given the product's
  /// adjoint delta: straight into a gradient when the operand is a variable.
  template <std::size_t I, class A, class B, bool Add, class Delta, class LhsRecord, class RhsRecord,
            class Out>
  CTGRAD_ALWAYS_INLINE static constexpr void adjoint_into(const Delta& delta, const LhsRecord& a,
                                                          const RhsRecord& b, Out& out) {
    using e = detail::matmul_extents<A, B>;
    const auto put = [&](std::size_t index, auto sum) {
      if constexpr (Add) {
        out.values[index] += sum;
      } else {
        out.values[index] = sum;
      }
    };
    if constexpr (I == 0) {  // dA(i, p) = Σ_j δ(i, j)·B(p, j)
      for (std::size_t i = 0; i < e::m; ++i) {
        for (std::size_t p = 0; p < e::k; ++p) {
          auto sum = detail::element(delta, i * e::n) * detail::read(b, p * e::n);
          for (std::size_t j = 1; j < e::n; ++j) sum += detail::element(delta, i * e::n + j) * detail::read(b, p * e::n + j);
          put(i * e::k + p, sum);
        }
      }
    } else {  // dB(p, j) = Σ_i A(i, p)·δ(i, j)
      for (std::size_t p = 0; p < e::k; ++p) {
        for (std::size_t j = 0; j < e::n; ++j) {
          auto sum = detail::read(a, p) * detail::element(delta, j);
          for (std::size_t i = 1; i < e::m; ++i) sum += detail::read(a, i * e::k + p) * detail::element(delta, i * e::n + j);
          put(p * e::n + j, sum);
        }
      }
    }
  }
};

/// The matrix product a·b of two tensor expressions; the inner extents must agree.
template <expression L, expression R>
constexpr expression auto matmul(L a, R b) {
  using left = detail::shape_of_t<L>;
  using right = detail::shape_of_t<R>;
  if constexpr (!detail::can_matmul<left, right>) {
    static_assert(detail::can_matmul<left, right>,
                  "ctgrad::matmul: the columns of a must equal the rows of b (a vector times a "
                  "vector is dot(a, b)).");
    return a;  // the sentence above is the only error
  } else {
    return detail::make_binary<matmul_op>(a, b);
  }
}
}  // namespace ctgrad
