// bench/peers/peer_bench.hpp: the harness of a peer binary. For each workload it registers
// BM_<workload>_hand and one BM_<workload>_<variant> per way of using the peer, all in one binary
// so that bench/run's ratios compare kernels timed side by side. A variant is timed only after its
// loss and gradient have matched the hand-written kernel's at two points; a mismatch ends the
// binary with a message naming the workload, the variant and the entry.
#pragma once

#include "workloads.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace bench::peers {
/// The data and the point every variant of workload W is timed at, made once.
template <class W>
const typename W::data& benchmark_data() {
  static const typename W::data set = W::make_data();
  return set;
}
template <class W>
const typename W::parameters& benchmark_point() {
  static const typename W::parameters theta = W::benchmark_parameters();
  return theta;
}

/// Ends the binary unless candidate's loss and every gradient entry are within a relative 1e-10
/// of the hand-written kernel's (|a − b| ≤ 1e-10·max(1, |a|)). The tools sum in other orders,
/// which moves the last few bits; a wrong derivative moves far more.
template <class W>
void require_agreement(std::string_view variant, std::string_view where,
                       const typename W::result& reference, const typename W::result& candidate) {
  const auto mismatch = [](double a, double b) {
    return !(std::abs(a - b) <= 1e-10 * std::max(1.0, std::abs(a)));  // NaN is a mismatch too
  };
  const auto fail = [&](const std::string& entry, double a, double b) {
    std::cerr << W::name << ' ' << variant << " at " << where << ": " << entry << " is " << b
              << ", the hand-written kernel's is " << a << "; not timing a wrong gradient\n";
    std::exit(1);
  };
  if (mismatch(W::loss_of(reference), W::loss_of(candidate))) {
    fail("the loss", W::loss_of(reference), W::loss_of(candidate));
  }
  const auto expected = flatten<W>(reference.gradient), computed = flatten<W>(candidate.gradient);
  for (std::size_t k = 0; k < W::size; ++k) {
    if (mismatch(expected[k], computed[k])) fail("∂loss/∂" + entry_name<W>(k), expected[k], computed[k]);
  }
}

/// Registers BM_<W>_<variant>, timing kernel(data, θ) -> W::result (or what converts to it, converted
/// only to be checked), with a GFLOP/s counter where W counts its flops, once it has computed the
/// hand-written kernel's numbers at the benchmark's point, at a second point, and at the first
/// again (a kernel that keeps a tape must stay right after the point moves, and move back).
template <class W, class Kernel>
void add(std::string_view variant, Kernel kernel) {
  auto shared = std::make_shared<Kernel>(std::move(kernel));
  const auto& set = benchmark_data<W>();
  const typename W::parameters other = W::other_parameters();
  require_agreement<W>(variant, "the benchmark's point", W::hand(set, benchmark_point<W>()),
                       (*shared)(set, benchmark_point<W>()));
  require_agreement<W>(variant, "a second point", W::hand(set, other), (*shared)(set, other));
  require_agreement<W>(variant, "the benchmark's point again", W::hand(set, benchmark_point<W>()),
                       (*shared)(set, benchmark_point<W>()));
  const std::string name = "BM_" + std::string(W::name) + "_" + std::string(variant);
  benchmark::RegisterBenchmark(name.c_str(), [shared](benchmark::State& state) {
    const auto& data = benchmark_data<W>();
    const auto& theta = benchmark_point<W>();
    for (auto _ : state) {
      auto computed = (*shared)(data, theta);
      benchmark::DoNotOptimize(computed);
    }
    if constexpr (requires { W::flops; }) {  // W::flops per call: shown as GFLOP=<rate>/s
      state.counters["GFLOP"] = benchmark::Counter(1e-9 * W::flops * static_cast<double>(state.iterations()),
                                                     benchmark::Counter::kIsRate);
    }
  });
}

/// The reference every ratio divides by, in the same binary as the variants.
template <class W>
void add_hand() {
  add<W>("hand", [](const typename W::data& set, const typename W::parameters& theta) { return W::hand(set, theta); });
}

/// Calls f.template operator()<W>() for every workload, in the order of the results table.
template <class F>
void for_each_workload(F&& f) {
  f.template operator()<w1>();
  f.template operator()<w2>();
  f.template operator()<w3>();
  f.template operator()<rosenbrock<2>>();
  f.template operator()<rosenbrock<8>>();
  f.template operator()<rosenbrock<32>>();
}

/// Google Benchmark's main, after the variants are registered (and checked).
inline int run_benchmarks(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
}  // namespace bench::peers
