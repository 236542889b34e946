// tests/ceres/ceres_cost.cpp: ctgrad::ceres_cost (ctgrad/ceres.hpp) as Ceres calls it: residuals
// alone, every Jacobian block, some blocks skipped; the blocks against value_and_jacobian's
// columns and against Ceres' own AutoDiffCostFunction of the same residual. A binary of its own,
// built only where CMake finds Ceres (tests/CMakeLists.txt).
#include <ctgrad/ceres.hpp>  // first: proves the header stands alone

#include <ctgrad/ctgrad.hpp>

#include <doctest/doctest.h>

#include <ceres/autodiff_cost_function.h>

#include <array>
#include <cmath>
#include <memory>

using namespace ctgrad;

namespace {
constexpr var<"a"> a;
constexpr var<"b"> b;
constexpr var<"c"> c;
constexpr var<"p"> p;
constexpr var<"t"> t;
constexpr var<"y"> y;

// A model a·exp(b·t) + c·sin(p·t) observed at t with value y: two residuals (the error and a
// damped copy) of two blocks, (a, b, c) and (p).
constexpr auto model = a * exp(b * t) + c * sin(p * t);
constexpr auto residuals = outputs(model - y, (model - y) * a);

struct by_dual_numbers {
  double t, y;
  template <class T>
  bool operator()(const T* abc, const T* frequency, T* e) const {
    using std::exp, std::sin;
    const T m = abc[0] * exp(abc[1] * t) + abc[2] * sin(frequency[0] * t);
    e[0] = m - y;
    e[1] = (m - y) * abc[0];
    return true;
  }
};
}  // namespace

TEST_CASE("ceres_cost: sizes, residuals alone, and every block equal to value_and_jacobian's columns") {
  const std::unique_ptr<ceres::CostFunction> cost(ceres_cost(residuals, at(t = 0.7, y = 1.25), wrt(a, b, c), wrt(p)));
  CHECK(cost->num_residuals() == 2);
  REQUIRE(cost->parameter_block_sizes().size() == 2);
  CHECK(cost->parameter_block_sizes()[0] == 3);
  CHECK(cost->parameter_block_sizes()[1] == 1);

  const double abc[3] = {0.5, -1.5, 2.0};
  const double frequency[1] = {3.0};
  const double* parameters[2] = {abc, frequency};
  const auto [value, J] =
      value_and_jacobian(residuals, wrt(a, b, c, p), at(a = abc[0], b = abc[1], c = abc[2], p = frequency[0], t = 0.7, y = 1.25));

  double e[2] = {0, 0};
  REQUIRE(cost->Evaluate(parameters, e, nullptr));  // a trial step: residuals only
  CHECK(e[0] == value[0]);
  CHECK(e[1] == value[1]);

  double block0[6], block1[2];
  double* jacobians[2] = {block0, block1};
  REQUIRE(cost->Evaluate(parameters, e, jacobians));
  for (std::size_t i = 0; i < 2; ++i) {
    for (std::size_t k = 0; k < 3; ++k) CHECK(block0[i * 3 + k] == J(i, k));  // row-major, residuals × 3
    CHECK(block1[i] == J(i, 3));
  }

  // A constant block: Ceres passes nullptr for it, and the other is still filled.
  block0[0] = -7.0;
  double* only_frequency[2] = {nullptr, block1};
  block1[0] = block1[1] = 0.0;
  REQUIRE(cost->Evaluate(parameters, e, only_frequency));
  CHECK(block1[0] == J(0, p));
  CHECK(block1[1] == J(1, p));
  CHECK(block0[0] == -7.0);
}

TEST_CASE("ceres_cost: the same residuals and Jacobian blocks as Ceres' AutoDiffCostFunction") {
  const std::unique_ptr<ceres::CostFunction> ours(ceres_cost(residuals, at(t = -0.4, y = 0.1), wrt(a, b, c), wrt(p)));
  const ceres::AutoDiffCostFunction<by_dual_numbers, 2, 3, 1> theirs(new by_dual_numbers{-0.4, 0.1});
  const double abc[3] = {1.25, 0.3, -0.8};
  const double frequency[1] = {1.7};
  const double* parameters[2] = {abc, frequency};
  double e_ours[2], e_theirs[2], j0_ours[6], j0_theirs[6], j1_ours[2], j1_theirs[2];
  double* jacobians_ours[2] = {j0_ours, j1_ours};
  double* jacobians_theirs[2] = {j0_theirs, j1_theirs};
  REQUIRE(ours->Evaluate(parameters, e_ours, jacobians_ours));
  REQUIRE(theirs.Evaluate(parameters, e_theirs, jacobians_theirs));
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(e_ours[i] == doctest::Approx(e_theirs[i]).epsilon(1e-15));
    CHECK(j1_ours[i] == doctest::Approx(j1_theirs[i]).epsilon(1e-14));
  }
  for (std::size_t k = 0; k < 6; ++k) CHECK(j0_ours[k] == doctest::Approx(j0_theirs[k]).epsilon(1e-14));
}
