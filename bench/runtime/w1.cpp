// bench/runtime/w1.cpp: W1 full-batch loss and gradient, ctgrad beside the hand-written kernel.
#include "../kernels/w1.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <iostream>

namespace {
const bench::w1::data data_set = bench::w1::make_data();
const bench::w1::parameters theta = bench::w1::make_parameters();

template <auto Kernel>
void run(benchmark::State& state) {
  for (auto _ : state) {
    auto result = Kernel(data_set, theta);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(bench::w1::rows));
}

void BM_w1_ctgrad(benchmark::State& state) { run<bench::w1::loss_and_gradient_ctgrad>(state); }
void BM_w1_hand(benchmark::State& state) { run<bench::w1::loss_and_gradient_hand>(state); }
BENCHMARK(BM_w1_ctgrad);
BENCHMARK(BM_w1_hand);

// A kernel is timed only if it computes the same numbers as the hand-written one.
bool kernels_agree() {
  const auto reference = bench::w1::loss_and_gradient_hand(data_set, theta);
  const auto candidate = bench::w1::loss_and_gradient_ctgrad(data_set, theta);
  bool agree = std::abs(reference.loss - candidate.loss) <= 1e-12 * std::abs(reference.loss);
  for (std::size_t i = 0; i < reference.gradient.size(); ++i) {
    agree = agree && std::abs(reference.gradient[i] - candidate.gradient[i]) <=
                         1e-12 * (1.0 + std::abs(reference.gradient[i]));
  }
  return agree;
}
}  // namespace

int main(int argc, char** argv) {
  if (!kernels_agree()) {
    std::cerr << "w1: ctgrad's loss or gradient differs from the hand-written kernel\n";
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
