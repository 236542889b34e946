// ctgrad/core/lanes.hpp: lanes<T, B>, B numbers computed as one (the rows of a block, one a lane),
// the number type in which value_and_grad(loss, params, data) sweeps B rows at once; and the
// lane-wise choice (select) and zero test (all_zero) that the ops and sweeps use for every number
// type.
#pragma once

#include <ctgrad/config.hpp>

#include <cmath>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

namespace ctgrad {
/// B values of T side by side. Every operation works lane by lane, as plain loops over B that
/// g++ and clang++ turn into vector instructions (SSE2 by default, AVX or AVX-512 with -march);
/// a comparison gives a lane_mask, which select(mask, a, b) reads. So a function of one row,
/// evaluated in lanes, computes B rows at once with the same operations in the same order in
/// each lane: lane k's result is the per-row result bit for bit.
template <class T, std::size_t B>
struct lanes;

namespace detail {
/// f(k) for every lane k, written out (a fold, not a loop): g++ -O2 leaves a loop of 4 as a
/// loop, while straight-line code is what its vectoriser packs into vector instructions.
template <std::size_t B, class F>
CTGRAD_ALWAYS_INLINE constexpr void for_lanes(F f) {
  [&]<std::size_t... K>(std::index_sequence<K...>) { (f(K), ...); }(std::make_index_sequence<B>{});
}

/// N values of T as one vector of 16 or 32 bytes (a GNU extension g++ and clang++ share), where
/// the lanes' own loops leave g++ -O2 with poor code: vector_of<T, N>::type, none for other N.
typedef double two_doubles __attribute__((vector_size(16)));
typedef double four_doubles __attribute__((vector_size(32)));
typedef float four_floats __attribute__((vector_size(16)));
typedef float eight_floats __attribute__((vector_size(32)));
template <class T, std::size_t N>
struct vector_of {};
template <>
struct vector_of<double, 2> {
  using type = two_doubles;
};
template <>
struct vector_of<float, 4> {
  using type = four_floats;
};
#if defined(__AVX__)  // without AVX a 32-byte vector is two registers, passed through memory
template <>
struct vector_of<double, 4> {
  using type = four_doubles;
};
template <>
struct vector_of<float, 8> {
  using type = eight_floats;
};
#endif
}  // namespace detail

/// A comparison's result lane by lane: select(mask, a, b) takes a's lane where it is true.
template <class T, std::size_t B>
struct lane_mask {
  bool lane[B];

  friend constexpr lane_mask operator||(const lane_mask& a, const lane_mask& b) {
    lane_mask m;
    detail::for_lanes<B>([&](std::size_t k) { m.lane[k] = a.lane[k] || b.lane[k]; });
    return m;
  }
  friend constexpr lane_mask operator&&(const lane_mask& a, const lane_mask& b) {
    lane_mask m;
    detail::for_lanes<B>([&](std::size_t k) { m.lane[k] = a.lane[k] && b.lane[k]; });
    return m;
  }
  friend constexpr lane_mask operator!(const lane_mask& a) {
    lane_mask m;
    detail::for_lanes<B>([&](std::size_t k) { m.lane[k] = !a.lane[k]; });
    return m;
  }
};

template <class T, std::size_t B>
struct lanes {
  static_assert(std::is_floating_point_v<T>, "ctgrad::lanes: the lanes hold float, double or long double.");
  static_assert(B > 0, "ctgrad::lanes: a pack has at least one lane.");
  using value_type = T;
  static constexpr std::size_t width = B;
  // No initialiser: lanes{} is zero, but a result about to be written is not zeroed first.
  // Aligned to 16 bytes at most: SSE2 reads aligned operands straight from memory, and a wider
  // alignment changes how g++ passes the type by value (a -Wpsabi note at every such function).
  alignas(sizeof(T) * B < 16 ? sizeof(T) * B : 16) T lane[B];

  constexpr lanes() = default;
  constexpr lanes(T v) {  // NOLINT: a number is the same number in every lane
    detail::for_lanes<B>([&](std::size_t k) { lane[k] = v; });
  }
  template <class Number>
    requires(std::is_arithmetic_v<Number> && !std::is_same_v<Number, T>)
  constexpr explicit lanes(Number v) : lanes(static_cast<T>(v)) {}

  /// The sum of the lanes, lane 0 first: how a block's accumulators become one number.
  constexpr T sum() const {
    T total = lane[0];
    for (std::size_t k = 1; k < B; ++k) total += lane[k];
    return total;
  }

#define CTGRAD_LANEWISE_BINARY(op)                                                              \
  friend constexpr lanes operator op(const lanes& a, const lanes& b) {                           \
    lanes r;                                                                                     \
    detail::for_lanes<B>([&](std::size_t k) { r.lane[k] = a.lane[k] op b.lane[k]; });            \
    return r;                                                                                    \
  }                                                                                              \
  constexpr lanes& operator op##=(const lanes& b) {                                              \
    detail::for_lanes<B>([&](std::size_t k) { lane[k] = lane[k] op b.lane[k]; });                \
    return *this;                                                                                \
  }
  CTGRAD_LANEWISE_BINARY(+)
  CTGRAD_LANEWISE_BINARY(-)
  CTGRAD_LANEWISE_BINARY(*)
  CTGRAD_LANEWISE_BINARY(/)
#undef CTGRAD_LANEWISE_BINARY

#define CTGRAD_LANEWISE_COMPARISON(op)                                                          \
  friend constexpr lane_mask<T, B> operator op(const lanes& a, const lanes& b) {                \
    lane_mask<T, B> m;                                                                           \
    detail::for_lanes<B>([&](std::size_t k) { m.lane[k] = a.lane[k] op b.lane[k]; });            \
    return m;                                                                                    \
  }
  CTGRAD_LANEWISE_COMPARISON(<)
  CTGRAD_LANEWISE_COMPARISON(>)
  CTGRAD_LANEWISE_COMPARISON(<=)
  CTGRAD_LANEWISE_COMPARISON(>=)
  CTGRAD_LANEWISE_COMPARISON(==)
  CTGRAD_LANEWISE_COMPARISON(!=)
#undef CTGRAD_LANEWISE_COMPARISON

  /// s·a for a number s: lanes(s)·a, the same operations, on vectors of a whole or half a pack.
  /// Written lane by lane, a sum Σₚ w(p)·a(p) of numbers times lanes (a weight kept once times a
  /// layer's input, diff/reverse.hpp) is what g++ -O2 vectorises along p, with a transpose per
  /// term: 17 instructions per term in a 256-wide layer's loop instead of 11.
  friend constexpr lanes operator*(T s, const lanes& a) { return scaled(a, s); }
  friend constexpr lanes operator*(const lanes& a, T s) { return scaled(a, s); }

  friend constexpr lanes operator+(const lanes& a) { return a; }
  friend constexpr lanes operator-(const lanes& a) {
    lanes r;
    detail::for_lanes<B>([&](std::size_t k) { r.lane[k] = -a.lane[k]; });
    return r;
  }

  /// a·s lane by lane, in vectors of N lanes where vector_of<T, N> has a type (N = B or B/2).
  CTGRAD_ALWAYS_INLINE static constexpr lanes scaled(const lanes& a, T s) {
    constexpr std::size_t N = requires { typename detail::vector_of<T, B>::type; } ? B : B / 2;
    if constexpr (N > 0 && B % N == 0 && requires { typename detail::vector_of<T, N>::type; }) {
      if (!std::is_constant_evaluated()) {
        using vector = typename detail::vector_of<T, N>::type;
        lanes r;
        for (std::size_t first = 0; first < B; first += N) {
          vector v;
          std::memcpy(&v, a.lane + first, sizeof(vector));
          v *= s;
          std::memcpy(r.lane + first, &v, sizeof(vector));
        }
        return r;
      }
    }
    lanes r;
    detail::for_lanes<B>([&](std::size_t k) { r.lane[k] = s * a.lane[k]; });
    return r;
  }

  /// select(mask, a, b): a's lane where mask is true, b's elsewhere.
  friend constexpr lanes select(const lane_mask<T, B>& mask, const lanes& a, const lanes& b) {
    lanes r;
    detail::for_lanes<B>([&](std::size_t k) { r.lane[k] = mask.lane[k] ? a.lane[k] : b.lane[k]; });
    return r;
  }
  /// Whether every lane is zero: the sweeps skip a term only when it is zero in every row.
  friend constexpr bool all_zero(const lanes& a) {
    bool zero = true;
    detail::for_lanes<B>([&](std::size_t k) { zero = zero && a.lane[k] == T{0}; });
    return zero;
  }

  // The functions the ops call, found by argument-dependent lookup (an op writes
  // `using std::sin; sin(a)`), lane by lane.
#define CTGRAD_LANEWISE_FUNCTION(f)                                                 \
  friend lanes f(const lanes& a) {                                                   \
    lanes r;                                                                         \
    detail::for_lanes<B>([&](std::size_t k) { r.lane[k] = std::f(a.lane[k]); });     \
    return r;                                                                        \
  }
  CTGRAD_LANEWISE_FUNCTION(sin)
  CTGRAD_LANEWISE_FUNCTION(cos)
  CTGRAD_LANEWISE_FUNCTION(exp)
  CTGRAD_LANEWISE_FUNCTION(log)
  CTGRAD_LANEWISE_FUNCTION(log1p)
  CTGRAD_LANEWISE_FUNCTION(sqrt)
  CTGRAD_LANEWISE_FUNCTION(tanh)
  CTGRAD_LANEWISE_FUNCTION(abs)
#undef CTGRAD_LANEWISE_FUNCTION
  friend lanes pow(const lanes& a, const lanes& b) {
    lanes r;
    detail::for_lanes<B>([&](std::size_t k) { r.lane[k] = std::pow(a.lane[k], b.lane[k]); });
    return r;
  }
};

namespace detail {
/// The lanes of a added up pairwise, half onto half: for 4 lanes (l0 + l2) + (l1 + l3), which
/// is one vector addition and one of the two halves of a register.
template <std::size_t Width, class T, std::size_t B>
CTGRAD_ALWAYS_INLINE constexpr T pairwise_sum(const lanes<T, B>& a) {
  if constexpr (Width == 1) {
    return a.lane[0];
  } else {
    static_assert(Width % 2 == 0, "ctgrad::lanes: a pairwise sum halves an even number of lanes.");
    lanes<T, B> halves = a;
    for_lanes<Width / 2>([&](std::size_t k) { halves.lane[k] = a.lane[k] + a.lane[k + Width / 2]; });
    return pairwise_sum<Width / 2>(halves);
  }
}

/// Whether lane_total halves a pack as two vectors: for SSE2 only. With AVX, g++ -O2 vectorises
/// the lane-by-lane form itself, and measured faster so.
#if defined(__AVX__)
inline constexpr bool vector_halving = false;
#else
inline constexpr bool vector_halving = true;
#endif

/// A number that collects lanes as their sum: `total += pack` adds the pack's lanes up first,
/// pairwise, half onto half. The sweep in lanes keeps a wide tensor variable's partials in these
/// (diff/reverse.hpp), one number per partial instead of one per lane. Nothing else converts
/// lanes to one number, so a sweep that would assign or read lanes here fails to compile instead
/// of dropping lanes.
template <class T, std::size_t B>
struct lane_total {
  T value{};
  CTGRAD_ALWAYS_INLINE constexpr lane_total& operator+=(const lanes<T, B>& pack) {
    if constexpr ((B & (B - 1)) != 0) {
      value += pack.sum();
    } else if constexpr (vector_halving && requires { typename vector_of<T, B / 2>::type; }) {
      if (std::is_constant_evaluated()) {
        value += pairwise_sum<B>(pack);
      } else {
        // The first halving as one vector addition: g++ -O2 leaves the lane-by-lane form, and
        // the products before it, in scalar instructions (14 per partial of a layer, not 10).
        using half = typename vector_of<T, B / 2>::type;
        half low, high;
        std::memcpy(&low, pack.lane, sizeof(half));
        std::memcpy(&high, pack.lane + B / 2, sizeof(half));
        const half sum = low + high;
        lanes<T, B / 2> rest;
        for_lanes<B / 2>([&](std::size_t k) { rest.lane[k] = sum[k]; });
        value += pairwise_sum<B / 2>(rest);
      }
    } else {
      value += pairwise_sum<B>(pack);
    }
    return *this;
  }
};

template <class T>
inline constexpr bool is_lanes = false;
template <class T, std::size_t B>
inline constexpr bool is_lanes<lanes<T, B>> = true;
}  // namespace detail

/// select(condition, a, b) of a number that is not lanes (a double, a dual): condition ? a : b.
/// The ops write their branches as select, so that in lanes each lane takes its own branch.
template <class T>
  requires(!detail::is_lanes<T>)
CTGRAD_ALWAYS_INLINE constexpr T select(bool condition, T a, T b) {
  return condition ? a : b;
}
/// all_zero(x) of a number that is not lanes: x == 0 (for a dual, both its parts).
template <class T>
  requires(!detail::is_lanes<T>)
CTGRAD_ALWAYS_INLINE constexpr bool all_zero(const T& x) {
  return x == T{0};
}

namespace detail {
/// How many rows value_and_grad(loss, params, data) sweeps at once in T: 32 bytes' worth, 4
/// doubles or 8 floats, two SSE2 registers (two independent chains for the vector units). Chosen
/// by measurement, not from the target: with -march=native on an AVX-512 machine, 8 and 16
/// doubles were no faster on W2 and W3 than 4, and 16 made the kernel too large for g++ to
/// inline its op rules (docs/guide/scaling.md, "Rows in lanes").
template <class T>
inline constexpr std::size_t rows_per_block = 32 / sizeof(T) > 0 ? 32 / sizeof(T) : 1;
}  // namespace detail
}  // namespace ctgrad
