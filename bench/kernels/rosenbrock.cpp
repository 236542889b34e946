// bench/kernels/rosenbrock.cpp: the Rosenbrock kernels, ctgrad beside hand-written.
#include "rosenbrock.hpp"

#include <ctgrad/ctgrad.hpp>

#include <random>
#include <utility>

namespace bench::rosenbrock {
template <std::size_t N>
point<N> make_point(unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> coordinate(-2.0, 2.0);
  point<N> x{};
  for (double& xi : x) xi = coordinate(generator);
  return x;
}

template <std::size_t N>
value_and_gradient<N> value_and_gradient_hand(const point<N>& x) {
  static_assert(N % 2 == 0, "the extended Rosenbrock function pairs its variables");
  value_and_gradient<N> result{};
  for (std::size_t i = 0; i < N; i += 2) {
    const double valley = x[i + 1] - x[i] * x[i];  // 0 along the curved valley floor
    const double offset = 1.0 - x[i];
    result.value += 100.0 * valley * valley + offset * offset;
    result.gradient[i] = -400.0 * valley * x[i] - 2.0 * offset;
    result.gradient[i + 1] = 200.0 * valley;
  }
  return result;
}

namespace {
using namespace ctgrad::literals;

// x<I> is the scalar variable named "x<I>" ("x0", "x1", ...): a distinct type per coordinate,
// so the whole function is one expression type and its gradient one fused sweep.
template <std::size_t I>
inline constexpr ctgrad::var<ctgrad::detail::join(ctgrad::detail::fixed_string("x"),
                                                  ctgrad::detail::decimal<I>())>
    x{};

template <std::size_t... Pair>
constexpr auto rosenbrock_expression(std::index_sequence<Pair...>) {
  return ((100_c * ctgrad::square(x<2 * Pair + 1> - ctgrad::square(x<2 * Pair>)) +
           ctgrad::square(1_c - x<2 * Pair>)) +
          ...);
}

template <std::size_t... I>
value_and_gradient<sizeof...(I)> ctgrad_kernel(const point<sizeof...(I)>& values,
                                               std::index_sequence<I...>) {
  constexpr auto f = rosenbrock_expression(std::make_index_sequence<sizeof...(I) / 2>{});
  const auto [value, g] =
      ctgrad::value_and_grad(f, ctgrad::wrt(x<I>...), ctgrad::at((x<I> = values[I])...));
  return {value, {g[x<I>]...}};
}
}  // namespace

template <std::size_t N>
value_and_gradient<N> value_and_gradient_ctgrad(const point<N>& values) {
  return ctgrad_kernel(values, std::make_index_sequence<N>{});
}

#define BENCH_ROSENBROCK_INSTANTIATE(N)                                          \
  template point<N> make_point<N>(unsigned);                                     \
  template value_and_gradient<N> value_and_gradient_hand<N>(const point<N>&);    \
  template value_and_gradient<N> value_and_gradient_ctgrad<N>(const point<N>&);
BENCH_ROSENBROCK_INSTANTIATE(2)
BENCH_ROSENBROCK_INSTANTIATE(8)
BENCH_ROSENBROCK_INSTANTIATE(32)
#undef BENCH_ROSENBROCK_INSTANTIATE
}  // namespace bench::rosenbrock
