// bench/runtime/rotation.cpp: a residual with shared subexpressions (bench/kernels/rotation.hpp),
// ctgrad beside the hand-written gradient; `--check` tests the hand-written gradient itself
// against central differences, and every run first checks ctgrad's against it.
#include "../kernels/rotation.hpp"

#include "checked_main.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iostream>

namespace {
namespace rt = bench::rotation;

template <auto Kernel>
void run(benchmark::State& state) {
  static const rt::batch points = rt::make_batch();
  for (auto _ : state) {
    auto result = Kernel(points);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rt::points));
}
BENCHMARK(run<rt::value_and_gradient_ctgrad>)->Name("BM_rotation_ctgrad");
BENCHMARK(run<rt::value_and_gradient_hand>)->Name("BM_rotation_hand");

/// |a − b| ≤ tolerance·(1 + |a|).
bool close(double a, double b, double tolerance) { return std::abs(a - b) <= tolerance * (1.0 + std::abs(a)); }

/// ctgrad's sums against the hand-written kernel's.
bool ctgrad_agrees() {
  const rt::batch points = rt::make_batch();
  const auto hand = rt::value_and_gradient_hand(points);
  const auto ctgrad = rt::value_and_gradient_ctgrad(points);
  bool agree = close(hand.value, ctgrad.value, 1e-12);
  for (std::size_t k = 0; k < 3; ++k) agree = agree && close(hand.gradient[k], ctgrad.gradient[k], 1e-12);
  if (!agree) std::cerr << "rotation: ctgrad's value or gradient differs from the hand-written kernel's\n";
  return agree;
}

/// The hand-written gradient at each point against central differences of its own value.
bool hand_matches_finite_differences() {
  const rt::batch points = rt::make_batch();
  double largest = 0.0;
  for (std::size_t i = 0; i < rt::points; ++i) {
    const double p[3] = {points.x[i], points.y[i], points.z[i]};
    const auto analytic = rt::residual_hand(p[0], p[1], p[2]);
    for (std::size_t k = 0; k < 3; ++k) {
      constexpr double h = 1e-6;
      double plus[3] = {p[0], p[1], p[2]}, minus[3] = {p[0], p[1], p[2]};
      plus[k] += h;
      minus[k] -= h;
      const double numeric =
          (rt::residual_hand(plus[0], plus[1], plus[2]).value - rt::residual_hand(minus[0], minus[1], minus[2]).value) /
          (2 * h);
      largest = std::max(largest, std::abs(numeric - analytic.gradient[k]) / (1.0 + std::abs(analytic.gradient[k])));
    }
  }
  std::cout << "rotation: hand-written gradient vs central differences, largest |a - b| / (1 + |a|) = "
            << largest << '\n';
  return largest <= 1e-6;
}
}  // namespace

int main(int argc, char** argv) {
  return bench::checked_main(argc, argv, hand_matches_finite_differences, ctgrad_agrees);
}
