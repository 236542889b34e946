// bench/runtime/network_bench.hpp: the benchmark binary of a network workload (W2, W3): its
// kernels timed side by side, each first checked against the hand-written one; `--check` instead
// compares the hand-written gradient with central finite differences of the hand-written loss.
#pragma once

#include "checked_main.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <string>

namespace bench {
/// Workload names a workload's namespace members: data, parameters, loss_and_gradient, rows,
/// make_data, make_parameters, hand, and for_each_block(visit), which calls
/// visit(&parameters::block) for every block of weights.
template <class Workload>
struct network_bench {
  using parameters = typename Workload::parameters;
  using result = typename Workload::loss_and_gradient;

  static inline const typename Workload::data data_set = Workload::make_data();
  static inline const parameters theta = Workload::make_parameters();

  template <auto Kernel>
  static void run(benchmark::State& state) {
    for (auto _ : state) {
      auto computed = Kernel(data_set, theta);
      benchmark::DoNotOptimize(computed);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(Workload::rows));
  }

  /// The largest |a − b| / (1 + |a|) over the losses and every gradient element.
  static double difference(const result& a, const result& b) {
    const auto relative = [](double x, double y) { return std::abs(x - y) / (1.0 + std::abs(x)); };
    double largest = relative(a.loss, b.loss);
    Workload::for_each_block([&](auto block) {
      for (std::size_t i = 0; i < (a.gradient.*block).size(); ++i) {
        largest = std::max(largest, relative((a.gradient.*block)[i], (b.gradient.*block)[i]));
      }
    });
    return largest;
  }

  /// A kernel is timed only if it computes the same numbers as the hand-written one.
  template <auto Kernel>
  static bool agrees_with_hand() {
    return difference(Workload::hand(data_set, theta), Kernel(data_set, theta)) <= 1e-9;
  }

  /// The hand-written gradient against (L(θ + h) − L(θ − h)) / 2h, one weight at a time.
  static bool hand_matches_finite_differences() {
    const auto loss = [](const parameters& at) { return Workload::hand(data_set, at).loss; };
    result numeric{loss(theta), {}};
    Workload::for_each_block([&](auto block) {
      for (std::size_t i = 0; i < (theta.*block).size(); ++i) {
        const double h = 1e-6 * (1.0 + std::abs((theta.*block)[i]));
        parameters plus = theta, minus = theta;
        (plus.*block)[i] += h;
        (minus.*block)[i] -= h;
        (numeric.gradient.*block)[i] = (loss(plus) - loss(minus)) / (2.0 * h);
      }
    });
    const double largest = difference(Workload::hand(data_set, theta), numeric);
    std::cout << Workload::name << ": hand-written gradient vs central differences, largest "
              << "|a - b| / (1 + |a|) = " << largest << '\n';
    return largest <= 1e-6;
  }

  /// Registers BM_<name>_<variant> for each kernel, checks every kernel, then runs them.
  /// Tuned, if given, is ctgrad hand-tuned (BM_<name>_ctgrad_tuned), shown beside the documented
  /// call, never instead of it.
  template <auto Ctgrad, auto Hand, auto Micrograd, auto... Tuned>
  static int main(int argc, char** argv) {
    const std::string prefix = "BM_" + std::string(Workload::name) + "_";
    benchmark::RegisterBenchmark((prefix + "ctgrad").c_str(), run<Ctgrad>);
    (benchmark::RegisterBenchmark((prefix + "ctgrad_tuned").c_str(), run<Tuned>), ...);
    if (!(agrees_with_hand<Tuned>() && ...)) {
      std::cerr << Workload::name << ": the tuned ctgrad kernel differs from the hand-written kernel\n";
      return 1;
    }
    benchmark::RegisterBenchmark((prefix + "hand").c_str(), run<Hand>);
    benchmark::RegisterBenchmark((prefix + "micrograd").c_str(), run<Micrograd>);
    if (!agrees_with_hand<Ctgrad>()) {
      std::cerr << Workload::name << ": ctgrad's loss or gradient differs from the hand-written kernel\n";
      return 1;
    }
    if (!agrees_with_hand<Micrograd>()) {
      std::cerr << Workload::name
                << ": the micrograd-style loss or gradient differs from the hand-written kernel\n";
      return 1;
    }
    // Every kernel agrees (checked above, so that --check tests them too).
    return checked_main(argc, argv, hand_matches_finite_differences, [] { return true; });
  }
};
}  // namespace bench
