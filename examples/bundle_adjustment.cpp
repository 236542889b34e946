// examples/bundle_adjustment.cpp: bundle adjustment solved with Ceres Solver twice, from the same
// start: once with the reprojection residual written as a ctgrad expression (examples/
// reprojection.hpp; ctgrad::ceres_cost, its Jacobian from value_and_jacobian) and once with Ceres'
// own AutoDiffCostFunction (dual numbers). It prints each solve's iterations and costs and the time of one Jacobian evaluation per
// observation, and checks that the two final costs agree. Needs Ceres (Debian libceres-dev).
#include <ctgrad/ceres.hpp>
#include <ctgrad/ctgrad.hpp>

#include "options.hpp"
#include "reprojection.hpp"

#include <ceres/ceres.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <iostream>
#include <memory>
#include <random>
#include <vector>

using namespace ctgrad;
namespace rp = reprojection;

/// The residuals for Ceres' AutoDiffCostFunction: reprojection::error with the weight 1.
struct reprojection_functor {
  double m[2];
  template <class T>
  bool operator()(const T* camera, const T* X, T* e) const {
    rp::error(camera, X, T(1), m, e);
    return true;
  }
};

struct observation {
  std::size_t camera, point;
  double feature[2];
};

struct scene {
  std::vector<std::array<double, 11>> cameras;
  std::vector<std::array<double, 3>> points;
  std::vector<observation> observations;
};

/// Cameras around the points, each point seen by every camera, features projected with the true
/// parameters plus noise; the start perturbs every camera but the first and every point.
scene make_scene(std::size_t cameras, std::size_t points, unsigned seed) {
  std::mt19937 generator(seed);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  scene truth;
  for (std::size_t i = 0; i < cameras; ++i) {
    const double angle = 0.15 * static_cast<double>(i);
    // Camera 0 does not rotate: its residuals take where's θ = 0 branch.
    truth.cameras.push_back({0.0, i == 0 ? 0.0 : angle, 0.0, 2.0 * std::sin(angle), 0.1 * uniform(generator), 0.0,
                             1.0 + 0.05 * uniform(generator), 0.01 * uniform(generator), 0.01 * uniform(generator),
                             0.02, -0.005});
  }
  for (std::size_t j = 0; j < points; ++j) {
    truth.points.push_back({uniform(generator), uniform(generator), 6.0 + uniform(generator)});
  }
  for (std::size_t i = 0; i < cameras; ++i) {
    for (std::size_t j = 0; j < points; ++j) {
      observation o{i, j, {}};
      reprojection_functor{{0.0, 0.0}}(truth.cameras[i].data(), truth.points[j].data(), o.feature);
      o.feature[0] += 1e-3 * noise(generator);
      o.feature[1] += 1e-3 * noise(generator);
      truth.observations.push_back(o);
    }
  }
  scene start = truth;
  for (std::size_t i = 1; i < cameras; ++i) {
    for (std::size_t k = 0; k < 6; ++k) start.cameras[i][k] += 0.02 * noise(generator);
  }
  for (auto& point : start.points) {
    for (double& x : point) x += 0.05 * noise(generator);
  }
  return start;
}

struct solve_result {
  ceres::Solver::Summary summary;
  double seconds_per_jacobian;  // one Jacobian evaluation of every residual block
};

/// Solves s in place with the cost functions `make(observation)` makes, camera 0 and point 0
/// held fixed (they fix the scene's position, orientation and scale).
template <class Make>
solve_result solve(scene& s, Make make, bool verbose) {
  ceres::Problem problem;
  std::vector<ceres::CostFunction*> costs;
  for (const observation& o : s.observations) {
    ceres::CostFunction* cost = make(o);
    costs.push_back(cost);
    problem.AddResidualBlock(cost, nullptr, s.cameras[o.camera].data(), s.points[o.point].data());
  }
  problem.SetParameterBlockConstant(s.cameras[0].data());
  problem.SetParameterBlockConstant(s.points[0].data());
  ceres::Solver::Options options;
  options.linear_solver_type = ceres::SPARSE_SCHUR;
  options.num_threads = 1;
  options.max_num_iterations = 50;
  options.function_tolerance = 1e-9;
  options.gradient_tolerance = 1e-12;
  options.parameter_tolerance = 1e-10;
  options.minimizer_progress_to_stdout = verbose;
  solve_result result{};
  ceres::Solve(options, &problem, &result.summary);

  // The time of one Jacobian evaluation of every residual block, at the solution, best of 5.
  double e[2], jc[2 * 11], jp[2 * 3];
  double* jacobians[2] = {jc, jp};
  double best = 1e300;
  for (int repeat = 0; repeat < 5; ++repeat) {
    const auto begin = std::chrono::steady_clock::now();
    for (std::size_t k = 0; k < costs.size(); ++k) {
      const observation& o = s.observations[k];
      const double* parameters[2] = {s.cameras[o.camera].data(), s.points[o.point].data()};
      costs[k]->Evaluate(parameters, e, jacobians);
    }
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count());
  }
  result.seconds_per_jacobian = best;
  return result;
}

int main(int argc, char** argv) {
  command_line options(argc, argv,
                       "[--cameras N] [--points N] [--verbose]\n"
                       "  (solves a synthetic bundle adjustment with Ceres, with ctgrad's and Ceres' own\n"
                       "   automatic derivatives, and checks that both end at the same cost)\n");
  const int cameras = options.count("--cameras", 6);
  const int points = options.count("--points", 150);
  const bool verbose = options.flag("--verbose");
  options.finish();

  const scene start = make_scene(static_cast<std::size_t>(cameras), static_cast<std::size_t>(points), 7);
  scene with_ctgrad = start;
  scene with_jets = start;
  const auto by_ctgrad = solve(
      with_ctgrad,
      [](const observation& o) {
        return ceres_cost(rp::residuals, at(rp::w = 1.0, rp::m0 = o.feature[0], rp::m1 = o.feature[1]),
                          rp::camera_block, rp::point_block);
      },
      verbose);
  const auto by_jets = solve(
      with_jets,
      [](const observation& o) {
        return new ceres::AutoDiffCostFunction<reprojection_functor, 2, 11, 3>(
            new reprojection_functor{{o.feature[0], o.feature[1]}});
      },
      verbose);

  const double observations = static_cast<double>(start.observations.size());
  std::printf("%d cameras, %d points, %zu observations (2 residuals, 11 + 3 parameters each)\n", cameras, points,
              start.observations.size());
  for (const auto& [name, result] : {std::pair{"ctgrad::ceres_cost", &by_ctgrad},
                                     std::pair{"ceres::AutoDiffCostFunction", &by_jets}}) {
    std::printf("%-28s %2d iterations, cost %.6e -> %.12e, Jacobian %.0f ns per observation\n", name,
                static_cast<int>(result->summary.iterations.size()), result->summary.initial_cost,
                result->summary.final_cost, 1e9 * result->seconds_per_jacobian / observations);
  }
  const double a = by_ctgrad.summary.final_cost, b = by_jets.summary.final_cost;
  const double difference = std::abs(a - b) / std::max(std::abs(a), std::abs(b));
  std::printf("final costs differ by %.2e relative: %s\n", difference,
              difference <= 1e-8 ? "they agree" : "MISMATCH (more than 1e-8)");
  std::printf("ctgrad's Jacobian in %.2f× the time of Ceres' dual numbers\n",
              by_ctgrad.seconds_per_jacobian / by_jets.seconds_per_jacobian);
  return difference <= 1e-8 && by_ctgrad.summary.IsSolutionUsable() ? 0 : 1;
}
