// bench/kernels/rosenbrock.hpp: the extended Rosenbrock function of n variables,
// f(x) = Σ_{i=0}^{n/2−1} [100·(x_{2i+1} − x_{2i}²)² + (1 − x_{2i})²], a scalar function of many
// scalar variables (where W1–W3 are sums over data rows), for n = 2, 8 and 32.
#pragma once

#include <array>
#include <cstddef>

namespace bench::rosenbrock {
/// The sizes measured; each has its own benchmarks, BM_rosenbrock<n>_<variant>.
inline constexpr std::array<std::size_t, 3> sizes{2, 8, 32};

template <std::size_t N>
using point = std::array<double, N>;

/// f(x) and ∇f(x).
template <std::size_t N>
struct value_and_gradient {
  double value;
  point<N> gradient;
};

/// Seeded point: every coordinate uniform in [−2, 2], where the valley's curvature varies most.
template <std::size_t N>
point<N> make_point(unsigned seed = 1);

/// The kernels compared: gradient code written by hand, and ctgrad's value_and_grad of f written
/// over N named scalar variables x0 … x(N−1).
template <std::size_t N>
value_and_gradient<N> value_and_gradient_hand(const point<N>& x);
template <std::size_t N>
value_and_gradient<N> value_and_gradient_ctgrad(const point<N>& x);

// Defined in rosenbrock.cpp for the measured sizes only.
#define BENCH_ROSENBROCK_EXTERN(N)                                                        \
  extern template point<N> make_point<N>(unsigned);                                       \
  extern template value_and_gradient<N> value_and_gradient_hand<N>(const point<N>&);      \
  extern template value_and_gradient<N> value_and_gradient_ctgrad<N>(const point<N>&);
BENCH_ROSENBROCK_EXTERN(2)
BENCH_ROSENBROCK_EXTERN(8)
BENCH_ROSENBROCK_EXTERN(32)
#undef BENCH_ROSENBROCK_EXTERN
}  // namespace bench::rosenbrock
