// bench/runtime/llsq.cpp: GradBench's llsq (bench/kernels/llsq.hpp) at n = 1,024 and 16,384 rows,
// ctgrad's documented value_and_grad(loss, params, data) beside the hand-written loop over the
// same powers, and a hand loop that computes the powers itself (labelled: other work); `--check`
// tests the hand-written gradient against central differences, and every run first checks
// ctgrad's against it.
#include "../kernels/llsq.hpp"

#include "checked_main.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iostream>

namespace {
namespace ll = bench::llsq;

template <auto Kernel, std::size_t Rows>
void run(benchmark::State& state) {
  static const ll::data set = ll::make_data(Rows);
  const auto x = ll::make_parameters();
  for (auto _ : state) {
    auto result = Kernel(set, x);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * Rows));
}
// BM_llsq<n>_<variant>: bench/run pairs each with BM_llsq<n>_hand.
BENCHMARK(run<ll::loss_and_gradient_ctgrad, 1024>)->Name("BM_llsq1024_ctgrad");
BENCHMARK(run<ll::loss_and_gradient_hand, 1024>)->Name("BM_llsq1024_hand");
BENCHMARK(run<ll::loss_and_gradient_hand_on_the_fly, 1024>)->Name("BM_llsq1024_hand_on_the_fly");
BENCHMARK(run<ll::loss_and_gradient_ctgrad, 16384>)->Name("BM_llsq16384_ctgrad");
BENCHMARK(run<ll::loss_and_gradient_hand, 16384>)->Name("BM_llsq16384_hand");
BENCHMARK(run<ll::loss_and_gradient_hand_on_the_fly, 16384>)->Name("BM_llsq16384_hand_on_the_fly");

/// |a − b| ≤ tolerance·(1 + |a|).
bool close(double a, double b, double tolerance) { return std::abs(a - b) <= tolerance * (1.0 + std::abs(a)); }

/// ctgrad's loss and gradient, and the on-the-fly loop's, against the hand-written loop's.
bool ctgrad_agrees() {
  const ll::data set = ll::make_data(1024);
  const auto x = ll::make_parameters();
  const auto hand = ll::loss_and_gradient_hand(set, x);
  for (const auto& [name, other] : {std::pair{"ctgrad", ll::loss_and_gradient_ctgrad(set, x)},
                                    std::pair{"the on-the-fly loop", ll::loss_and_gradient_hand_on_the_fly(set, x)}}) {
    bool agree = close(hand.loss, other.loss, 1e-12);
    for (std::size_t j = 0; j < ll::coefficients; ++j) agree = agree && close(hand.gradient[j], other.gradient[j], 1e-12);
    if (!agree) {
      std::cerr << "llsq: " << name << "'s loss or gradient differs from the hand-written loop's\n";
      return false;
    }
  }
  return true;
}

/// The hand-written gradient against central differences of its own loss, every coefficient.
bool hand_matches_finite_differences() {
  const ll::data set = ll::make_data(64);
  const auto x = ll::make_parameters();
  const auto analytic = ll::loss_and_gradient_hand(set, x);
  double largest = 0.0;
  for (std::size_t j = 0; j < ll::coefficients; ++j) {
    constexpr double h = 1e-6;
    auto plus = x, minus = x;
    plus[j] += h;
    minus[j] -= h;
    const double numeric =
        (ll::loss_and_gradient_hand(set, plus).loss - ll::loss_and_gradient_hand(set, minus).loss) / (2 * h);
    largest = std::max(largest, std::abs(numeric - analytic.gradient[j]) / (1.0 + std::abs(analytic.gradient[j])));
  }
  std::cout << "llsq: hand-written gradient vs central differences, largest |a - b| / (1 + |a|) = " << largest << '\n';
  return largest <= 1e-6;
}
}  // namespace

int main(int argc, char** argv) {
  return bench::checked_main(argc, argv, hand_matches_finite_differences, ctgrad_agrees);
}
