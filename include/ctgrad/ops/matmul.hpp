// ctgrad/ops/matmul.hpp: matmul(a, b), the matrix product; `a * b` of two tensors means it.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/record.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/detail/unrolled.hpp>
#include <ctgrad/fwd.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>

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
  static constexpr bool lane_wise = true;  // its rules hold in lanes: core/lanes.hpp
  static constexpr bool changes_shape = true;
  static constexpr std::string_view name = "*";
  static constexpr std::string_view latex = "\\,";
  static constexpr int precedence = 2;
  static constexpr bool associative = true;

  template <class A, class B>
  using result_shape = typename detail::matmul_extents<A, B>::result;

  // Sums start from detail::empty_sum (−0, which the compiler adds for free) and run over every
  // term, so that a loop keeps a trip count the vectoriser takes.
  template <class A, class B, class LhsRecord, class RhsRecord, class Out>
  CTGRAD_ALWAYS_INLINE static constexpr void forward(const LhsRecord& a, const RhsRecord& b, Out& out) {
    using e = detail::matmul_extents<A, B>;
    for (std::size_t i = 0; i < e::m; ++i) {
      for (std::size_t j = 0; j < e::n; ++j) {
        auto sum = detail::empty_sum<decltype(detail::read(a, 0) * detail::read(b, 0))>;
        for (std::size_t p = 0; p < e::k; ++p) sum += detail::read(a, i * e::k + p) * detail::read(b, p * e::n + j);
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
    auto sum = detail::empty_sum<decltype(detail::read(a, 0) * detail::read(b, 0))>;
    detail::for_each_index<e::k>([&](std::size_t p) { sum += detail::read(a, k * e::k + p) * detail::read(b, p); });
    return sum;
  }

  /// A row times a vector, w·x (an output layer of one unit), is a dot product: the forward sweep
  /// sums it in the loop that computes x's elements, term by term.
  template <class A, class B>
  static constexpr bool sums_terms = A::rank == 2 && B::rank == 1 && detail::matmul_extents<A, B>::m == 1;
  template <class A, class B, class LhsRecord, class V>
  CTGRAD_ALWAYS_INLINE static constexpr auto term_at(const LhsRecord& a, V element, std::size_t p) {
    return detail::read(a, p) * element;
  }
  static constexpr bool adjoint_reads_operands = true;  // dA = δ·Bᵀ, dB = Aᵀ·δ

  // Where the backward sweep runs one loop over a layer's units (diff/backward_loop.hpp), a
  // matrix·vector product y = A·x works one element at a time, as a hand-written layer does.

  /// At element k of y, given its adjoint δₖ: row k of A's partials, dA(k, p) = δₖ·x(p), written
  /// (AddToA: added) into *da, and x's adjoint summed into *db, db(p) += A(k, p)·δₖ. A null
  /// pointer type skips that operand.
  template <class A, class B, bool AddToA, class T, class LhsRecord, class RhsRecord, class OutA,
            class OutB>
  CTGRAD_ALWAYS_INLINE static constexpr void adjoint_at_row(T delta, std::size_t k, const LhsRecord& a,
                                                            const RhsRecord& b, OutA da, OutB db) {
    using e = detail::matmul_extents<A, B>;
    detail::for_each_index<e::k>([&](std::size_t p) {
      if constexpr (!std::is_null_pointer_v<OutA>) {
        if constexpr (AddToA) {
          da->values[k * e::k + p] += delta * detail::read(b, p);
        } else {
          da->values[k * e::k + p] = delta * detail::read(b, p);
        }
      }
      if constexpr (!std::is_null_pointer_v<OutB>) db->values[p] += detail::read(a, k * e::k + p) * delta;
    });
  }

  /// At element p of x, given y's whole adjoint δ: column p of A's partials, dA(i, p) = δᵢ·x(p),
  /// written (AddToA: added) into *da unless da is a null pointer type, and x(p)'s adjoint
  /// Σᵢ A(i, p)·δᵢ returned.
  template <class A, class B, bool AddToA, class T, class Delta, class LhsRecord, class RhsRecord,
            class OutA>
  CTGRAD_ALWAYS_INLINE static constexpr T adjoint_at_column(const Delta& delta, std::size_t p,
                                                            const LhsRecord& a, const RhsRecord& b,
                                                            OutA da) {
    using e = detail::matmul_extents<A, B>;
    if constexpr (!std::is_null_pointer_v<OutA>) {
      detail::for_each_index<e::m>([&](std::size_t i) {
        if constexpr (AddToA) {
          da->values[i * e::k + p] += detail::element(delta, i) * detail::read(b, p);
        } else {
          da->values[i * e::k + p] = detail::element(delta, i) * detail::read(b, p);
        }
      });
    }
    T sum = detail::empty_sum<T>;
    detail::for_each_index<e::m>([&](std::size_t i) { sum += detail::read(a, i * e::k + p) * detail::element(delta, i); });
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
          auto sum = detail::empty_sum<decltype(detail::element(delta, 0) * detail::read(b, 0))>;
          for (std::size_t j = 0; j < e::n; ++j) sum += detail::element(delta, i * e::n + j) * detail::read(b, p * e::n + j);
          put(i * e::k + p, sum);
        }
      }
    } else {  // dB(p, j) = Σ_i A(i, p)·δ(i, j)
      for (std::size_t p = 0; p < e::k; ++p) {
        for (std::size_t j = 0; j < e::n; ++j) {
          auto sum = detail::empty_sum<decltype(detail::read(a, 0) * detail::element(delta, 0))>;
          for (std::size_t i = 0; i < e::m; ++i) sum += detail::read(a, i * e::k + p) * detail::element(delta, i * e::n + j);
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
