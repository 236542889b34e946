// bench/runtime/threads.cpp: the moons model's documented call, value_and_grad(loss, params,
// data), on one thread and through ctgrad/threads.hpp on k threads, against the number of rows:
// where splitting the rows over threads starts to pay, and the speed-up it reaches.
//   BM_threads/N/0 is the plain call; BM_threads/N/k is threads{k}.
// Before timing, threads{k}'s loss and gradient must equal the plain call's to 1e-12 relative.
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/threads.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <random>
#include <vector>

namespace {
using namespace ctgrad;
using model = nn::mlp<"moons", 2, 16, 16, 1>;  // W3's network, as examples/moons.cpp writes it
constexpr model net;
constexpr var<"x", 2> x;
constexpr var<"y"> y;
constexpr auto loss = nn::hinge(net(x), y) + 1e-4 * nn::l2(model::parameters());

struct rows {
  std::vector<std::array<double, 2>> xs;
  std::vector<double> ys;
};
const rows& rows_of(std::size_t n) {  // the first n of one seeded set of 1,000,000 rows
  static const rows all = [] {
    rows r;
    std::mt19937 generator(11);
    std::uniform_real_distribution<double> uniform(-1.5, 1.5);
    for (std::size_t i = 0; i < 1'000'000; ++i) {
      r.xs.push_back({uniform(generator), uniform(generator)});
      r.ys.push_back(std::sin(3 * r.xs.back()[0]) > r.xs.back()[1] ? 1.0 : -1.0);
    }
    return r;
  }();
  static rows prefix;
  prefix.xs.assign(all.xs.begin(), all.xs.begin() + static_cast<std::ptrdiff_t>(n));
  prefix.ys.assign(all.ys.begin(), all.ys.begin() + static_cast<std::ptrdiff_t>(n));
  return prefix;
}

void BM_threads(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto k = static_cast<std::size_t>(state.range(1));
  const rows& r = rows_of(n);
  const auto data = dataset(x = r.xs, y = r.ys);
  const auto params = init_params(model::parameters(), 3);
  for (auto _ : state) {
    if (k == 0) {
      auto result = value_and_grad(loss, params, data);
      benchmark::DoNotOptimize(result);
    } else {
      auto result = value_and_grad(loss, params, data, threads{k});
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}
BENCHMARK(BM_threads)
    ->ArgsProduct({{1'000, 10'000, 100'000, 1'000'000}, {0, 1, 2}})
    ->ArgNames({"rows", "threads"})
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();  // the other threads' time is not the caller's CPU time

bool threads_agree() {
  const rows& r = rows_of(10'001);
  const auto data = dataset(x = r.xs, y = r.ys);
  const auto params = init_params(model::parameters(), 3);
  const auto plain = value_and_grad(loss, params, data);
  const auto split = value_and_grad(loss, params, data, threads{2});
  std::vector<double> a(plain.grad.numbers()), b(plain.grad.numbers());
  plain.grad.copy_to(std::span<double>(a));
  split.grad.copy_to(std::span<double>(b));
  bool agree = std::fabs(plain.value - split.value) <= 1e-12 * std::fabs(plain.value);
  for (std::size_t i = 0; i < a.size(); ++i) agree = agree && std::fabs(a[i] - b[i]) <= 1e-12 * std::max(1.0, std::fabs(a[i]));
  if (!agree) std::fprintf(stderr, "bench/threads: threads{2} differs from the plain call\n");
  return agree;
}
}  // namespace

int main(int argc, char** argv) {
  if (!threads_agree()) return 1;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
