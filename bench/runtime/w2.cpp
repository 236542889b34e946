// bench/runtime/w2.cpp: W2 full-batch loss and gradient, the hand-written kernel beside the
// micrograd-style runtime graph; `--check` instead compares the hand-written gradient with central
// finite differences of the hand-written loss.
#include "../kernels/w2.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <string_view>

namespace {
using bench::w2::parameters;
const bench::w2::data data_set = bench::w2::make_data();
const parameters theta = bench::w2::make_parameters();

template <auto Kernel>
void run(benchmark::State& state) {
  for (auto _ : state) {
    auto result = Kernel(data_set, theta);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(bench::w2::rows));
}

void BM_w2_ctgrad(benchmark::State& state) { run<bench::w2::loss_and_gradient_ctgrad>(state); }
void BM_w2_hand(benchmark::State& state) { run<bench::w2::loss_and_gradient_hand>(state); }
void BM_w2_micrograd(benchmark::State& state) {
  run<bench::w2::loss_and_gradient_micrograd>(state);
}
BENCHMARK(BM_w2_ctgrad);
BENCHMARK(BM_w2_hand);
BENCHMARK(BM_w2_micrograd);

/// Calls visit(&parameters::block) for every block of weights.
void for_each_block(auto visit) {
  visit(&parameters::W1);
  visit(&parameters::b1);
  visit(&parameters::W2);
  visit(&parameters::b2);
}

/// The largest |a − b| / (1 + |a|) over the losses and every gradient element.
double difference(const bench::w2::loss_and_gradient& a, const bench::w2::loss_and_gradient& b) {
  const auto relative = [](double x, double y) { return std::abs(x - y) / (1.0 + std::abs(x)); };
  double largest = relative(a.loss, b.loss);
  for_each_block([&](auto block) {
    for (std::size_t i = 0; i < (a.gradient.*block).size(); ++i) {
      largest = std::max(largest, relative((a.gradient.*block)[i], (b.gradient.*block)[i]));
    }
  });
  return largest;
}

// A kernel is timed only if it computes the same numbers as the hand-written one.
template <auto Kernel>
bool agrees_with_hand() {
  const auto reference = bench::w2::loss_and_gradient_hand(data_set, theta);
  return difference(reference, Kernel(data_set, theta)) <= 1e-9;
}

// The hand-written gradient against (L(θ + h) − L(θ − h)) / 2h, one weight at a time.
bool hand_matches_finite_differences() {
  const auto loss = [](const parameters& at) {
    return bench::w2::loss_and_gradient_hand(data_set, at).loss;
  };
  bench::w2::loss_and_gradient numeric{loss(theta), {}};
  for_each_block([&](auto block) {
    for (std::size_t i = 0; i < (theta.*block).size(); ++i) {
      const double h = 1e-6 * (1.0 + std::abs((theta.*block)[i]));
      parameters plus = theta, minus = theta;
      (plus.*block)[i] += h;
      (minus.*block)[i] -= h;
      (numeric.gradient.*block)[i] = (loss(plus) - loss(minus)) / (2.0 * h);
    }
  });
  const double largest = difference(bench::w2::loss_and_gradient_hand(data_set, theta), numeric);
  std::cout << "w2: hand-written gradient vs central differences, largest |a - b| / (1 + |a|) = "
            << largest << '\n';
  return largest <= 1e-6;
}
}  // namespace

int main(int argc, char** argv) {
  if (!agrees_with_hand<bench::w2::loss_and_gradient_ctgrad>()) {
    std::cerr << "w2: ctgrad's loss or gradient differs from the hand-written kernel\n";
    return 1;
  }
  if (!agrees_with_hand<bench::w2::loss_and_gradient_micrograd>()) {
    std::cerr << "w2: the micrograd-style loss or gradient differs from the hand-written kernel\n";
    return 1;
  }
  if (argc == 2 && std::string_view(argv[1]) == "--check") {
    return hand_matches_finite_differences() ? 0 : 1;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
