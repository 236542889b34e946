// bench/runtime/rosenbrock.cpp: the extended Rosenbrock function's value and gradient for n = 2, 8,
// 32, ctgrad beside the hand-written kernel; `--check` tests the hand-written gradient itself.
#include "../kernels/rosenbrock.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>

namespace {
namespace rb = bench::rosenbrock;

template <std::size_t N, auto Kernel>
void run(benchmark::State& state) {
  static const rb::point<N> x = rb::make_point<N>();
  for (auto _ : state) {
    auto result = Kernel(x);
    benchmark::DoNotOptimize(result);
  }
}

/// |a − b| ≤ 1e-10·max(1, |a|) for the value and every partial, else a message naming the entry.
template <std::size_t N>
bool agrees(const char* variant, const rb::value_and_gradient<N>& reference,
            const rb::value_and_gradient<N>& candidate) {
  const auto close = [](double a, double b) { return std::abs(a - b) <= 1e-10 * std::max(1.0, std::abs(a)); };
  const auto report = [&](const std::string& entry, double a, double b) {
    std::cerr << "rosenbrock" << N << ": " << variant << "'s " << entry << " is " << b
              << ", the hand-written kernel's " << a << '\n';
    return false;
  };
  if (!close(reference.value, candidate.value)) return report("value", reference.value, candidate.value);
  for (std::size_t i = 0; i < N; ++i) {
    if (!close(reference.gradient[i], candidate.gradient[i])) {
      return report("∂f/∂x" + std::to_string(i), reference.gradient[i], candidate.gradient[i]);
    }
  }
  return true;
}

/// The hand-written gradient against (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, one coordinate at a time.
template <std::size_t N>
bool hand_matches_finite_differences() {
  const rb::point<N> x = rb::make_point<N>();
  const auto analytic = rb::value_and_gradient_hand<N>(x);
  double largest = 0.0;
  for (std::size_t i = 0; i < N; ++i) {
    const double h = 1e-6 * (1.0 + std::abs(x[i]));
    rb::point<N> plus = x, minus = x;
    plus[i] += h;
    minus[i] -= h;
    const double numeric = (rb::value_and_gradient_hand<N>(plus).value -
                            rb::value_and_gradient_hand<N>(minus).value) / (2.0 * h);
    largest = std::max(largest, std::abs(numeric - analytic.gradient[i]) / (1.0 + std::abs(analytic.gradient[i])));
  }
  std::cout << "rosenbrock" << N << ": hand-written gradient vs central differences, largest "
            << "|a - b| / (1 + |a|) = " << largest << '\n';
  return largest <= 1e-6;
}

template <std::size_t N>
bool register_size() {
  const std::string prefix = "BM_rosenbrock" + std::to_string(N) + "_";
  benchmark::RegisterBenchmark((prefix + "ctgrad").c_str(), run<N, rb::value_and_gradient_ctgrad<N>>);
  benchmark::RegisterBenchmark((prefix + "hand").c_str(), run<N, rb::value_and_gradient_hand<N>>);
  const rb::point<N> x = rb::make_point<N>();
  return agrees<N>("ctgrad", rb::value_and_gradient_hand<N>(x), rb::value_and_gradient_ctgrad<N>(x));
}

template <std::size_t... I>
bool for_each_size(auto each, std::index_sequence<I...>) {
  bool all_agree = true;  // every size is tried, so that one run reports every failure
  ((all_agree = each.template operator()<rb::sizes[I]>() && all_agree), ...);
  return all_agree;
}
}  // namespace

int main(int argc, char** argv) {
  constexpr auto all = std::make_index_sequence<rb::sizes.size()>{};
  if (argc == 2 && std::string_view(argv[1]) == "--check") {
    return for_each_size([]<std::size_t N>() { return hand_matches_finite_differences<N>(); }, all) ? 0 : 1;
  }
  if (!for_each_size([]<std::size_t N>() { return register_size<N>(); }, all)) return 1;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
