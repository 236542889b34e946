// bench/runtime/ba.cpp: bundle adjustment's reprojection Jacobians (bench/kernels/ba.hpp) for the
// p = 31,843 observations of GradBench's ba1 (49 cameras, 7,776 points), ctgrad beside the
// hand-written Jacobian; `--check` tests the hand-written Jacobian itself against central
// differences (θ = 0 included), and every run first checks ctgrad's against it.
#include "../kernels/ba.hpp"

#include "checked_main.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <vector>

namespace {
namespace ba = bench::ba;
constexpr std::size_t block = 2 + 2 * ba::parameters;

const ba::scene& ba1() {
  static const ba::scene s = ba::make_scene(49, 7776, 31843);
  return s;
}

template <auto Kernel>
void run(benchmark::State& state) {
  const ba::scene& s = ba1();
  std::vector<double> out(s.observations.size() * block);
  for (auto _ : state) {
    benchmark::DoNotOptimize(Kernel(s, out));
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.observations.size()));
}
BENCHMARK(run<ba::jacobians_ctgrad>)->Name("BM_ba_ctgrad")->Unit(benchmark::kMicrosecond);
BENCHMARK(run<ba::jacobians_hand>)->Name("BM_ba_hand")->Unit(benchmark::kMicrosecond);
#ifdef CTGRAD_BENCH_CERES
void run_ceres(benchmark::State& state) {
  const ba::scene& s = ba1();
  const auto costs = ba::make_ceres_costs(s);
  std::vector<double> out(s.observations.size() * block);
  for (auto _ : state) {
    benchmark::DoNotOptimize(ba::jacobians_ceres(s, *costs, out));
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.observations.size()));
}
BENCHMARK(run_ceres)->Name("BM_ba_ceres")->Unit(benchmark::kMicrosecond);
#endif

/// |a − b| ≤ tolerance·(1 + |a|).
bool close(double a, double b, double tolerance) { return std::abs(a - b) <= tolerance * (1.0 + std::abs(a)); }

/// Whether every number of a kernel's output equals the hand-written kernel's.
bool same_numbers(const char* kernel, const std::vector<double>& hand, const std::vector<double>& other,
                  double tolerance) {
  for (std::size_t k = 0; k < hand.size(); ++k) {
    if (!close(hand[k], other[k], tolerance)) {
      std::cerr << "ba: " << kernel << " number " << k % block << " of observation " << k / block << " is "
                << other[k] << ", the hand-written Jacobian's " << hand[k] << '\n';
      return false;
    }
  }
  return true;
}

/// ctgrad's residuals and Jacobians against the hand-written ones, number by number, on ba1 and
/// on a scene whose camera 0 does not rotate.
bool ctgrad_agrees() {
  for (const bool zero_rotation : {false, true}) {
    const ba::scene s = zero_rotation ? ba::make_scene(3, 5, 60, 7, true) : ba1();
    std::vector<double> hand(s.observations.size() * block), ctgrad(hand.size());
    ba::jacobians_hand(s, hand);
    ba::jacobians_ctgrad(s, ctgrad);
    if (!same_numbers("ctgrad's", hand, ctgrad, 1e-12)) return false;
#ifdef CTGRAD_BENCH_CERES
    std::vector<double> ceres(hand.size());
    ba::jacobians_ceres(s, *ba::make_ceres_costs(s), ceres);
    if (!same_numbers("Ceres'", hand, ceres, 1e-12)) return false;
#endif
  }
  return true;
}

/// The hand-written Jacobian against central differences of the residual, at observations of a
/// small scene (rotations above 0, and zero for camera 0).
bool hand_matches_finite_differences() {
  const ba::scene s = ba::make_scene(3, 5, 60, 7, true);
  double largest = 0.0;
  for (std::size_t i = 0; i < s.observations.size(); ++i) {
    const auto [c, p] = s.observations[i];
    double params[ba::parameters];
    std::copy(s.cameras[c].begin(), s.cameras[c].end(), params);
    std::copy(s.points[p].begin(), s.points[p].end(), params + 11);
    params[14] = s.weights[i];
    double e[2], J[2 * ba::parameters];
    ba::reprojection_hand(params, params + 11, params[14], s.features[i].data(), e, J);
    for (std::size_t j = 0; j < ba::parameters; ++j) {
      // At r = 0 the difference straddles the branch: the first-order form's derivative is the
      // rotation's there, but only to O(h), so step one-sidedly into θ > 0 and compare loosely.
      const bool at_zero_rotation = c == 0 && j < 3;
      const double h = at_zero_rotation ? 1e-7 : 1e-6;
      double plus[ba::parameters], minus[ba::parameters];
      std::copy(params, params + ba::parameters, plus);
      std::copy(params, params + ba::parameters, minus);
      plus[j] += h;
      minus[j] -= h;
      double ep[2], em[2];
      ba::reprojection_value(plus, plus + 11, plus[14], s.features[i].data(), ep);
      ba::reprojection_value(minus, minus + 11, minus[14], s.features[i].data(), em);
      for (std::size_t k = 0; k < 2; ++k) {
        const double numeric = (ep[k] - em[k]) / (2 * h);
        const double error = std::abs(numeric - J[k * ba::parameters + j]) / (1.0 + std::abs(J[k * ba::parameters + j]));
        largest = std::max(largest, at_zero_rotation ? error / 100 : error);
      }
    }
  }
  std::cout << "ba: hand-written Jacobian vs central differences, largest |a - b| / (1 + |a|) = " << largest << '\n';
  return largest <= 1e-6;
}
}  // namespace

int main(int argc, char** argv) {
  return bench::checked_main(argc, argv, hand_matches_finite_differences, ctgrad_agrees);
}
