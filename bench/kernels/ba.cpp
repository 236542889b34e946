// bench/kernels/ba.cpp: the bundle-adjustment kernels, ctgrad beside hand-written.
#include "ba.hpp"

#include <ctgrad/ctgrad.hpp>

#include "../../examples/reprojection.hpp"

#include <random>
#include <span>

#ifdef CTGRAD_BENCH_CERES
#include <ceres/autodiff_cost_function.h>

#include <memory>
#endif

namespace bench::ba {
scene make_scene(std::size_t cameras, std::size_t points, std::size_t observations, unsigned seed,
                 bool with_zero_rotation) {
  std::mt19937 generator(seed);
  const auto uniform = [&](double low, double high) { return std::uniform_real_distribution<double>(low, high)(generator); };
  scene s;
  for (std::size_t i = 0; i < cameras; ++i) {
    std::array<double, 11> c{};
    for (std::size_t k = 0; k < 3; ++k) c[k] = (with_zero_rotation && i == 0) ? 0.0 : uniform(-0.23, 0.23);
    for (std::size_t k = 3; k < 6; ++k) c[k] = uniform(-1.0, 1.0);
    c[6] = uniform(0.8, 1.6);
    c[7] = uniform(-0.1, 0.1);
    c[8] = uniform(-0.1, 0.1);
    c[9] = uniform(-0.1, 0.1);
    c[10] = uniform(-0.05, 0.05);
    s.cameras.push_back(c);
  }
  for (std::size_t i = 0; i < points; ++i) s.points.push_back({uniform(-2.0, 2.0), uniform(-2.0, 2.0), uniform(6.0, 10.0)});
  for (std::size_t i = 0; i < observations; ++i) {
    s.observations.push_back({i % cameras, i % points});
    s.weights.push_back(uniform(0.5, 1.5));
    s.features.push_back({uniform(-0.4, 0.4), uniform(-0.4, 0.4)});
  }
  return s;
}

void reprojection_value(const double* camera, const double* X, double w, const double* m, double* e) {
  double J[2 * parameters];
  reprojection_hand(camera, X, w, m, e, J);
}

double jacobians_hand(const scene& s, std::vector<double>& out) {
  double checksum = 0;
  for (std::size_t i = 0; i < s.observations.size(); ++i) {
    const auto [c, p] = s.observations[i];
    double* block = out.data() + i * (2 + 2 * parameters);
    reprojection_hand(s.cameras[c].data(), s.points[p].data(), s.weights[i], s.features[i].data(), block, block + 2);
    checksum += block[0] + block[2 + 2 * parameters - 1];
  }
  return checksum;
}

namespace rp = reprojection;  // the residual as examples/reprojection.hpp writes it

double jacobians_ctgrad(const scene& sc, std::vector<double>& out) {
  double checksum = 0;
  for (std::size_t i = 0; i < sc.observations.size(); ++i) {
    const auto [ci, pi] = sc.observations[i];
    const auto& cam = sc.cameras[ci];
    const auto& X = sc.points[pi];
    double* block = out.data() + i * (2 + 2 * parameters);
    value_and_jacobian(rp::residuals, rp::camera_block + rp::point_block + rp::weight_block,
                       at(rp::r0 = cam[0], rp::r1 = cam[1], rp::r2 = cam[2], rp::C0 = cam[3], rp::C1 = cam[4],
                          rp::C2 = cam[5], rp::f = cam[6], rp::cx = cam[7], rp::cy = cam[8], rp::k0 = cam[9],
                          rp::k1 = cam[10], rp::X0 = X[0], rp::X1 = X[1], rp::X2 = X[2], rp::w = sc.weights[i],
                          rp::m0 = sc.features[i][0], rp::m1 = sc.features[i][1]),
                       std::span<double, 2>(block, 2), std::span<double, 2 * parameters>(block + 2, 2 * parameters));
    checksum += block[0] + block[2 + 2 * parameters - 1];
  }
  return checksum;
}

#ifdef CTGRAD_BENCH_CERES
namespace {
/// The residual as a Ceres user writes it for AutoDiffCostFunction.
struct reprojection_functor {
  double m[2];
  template <class T>
  bool operator()(const T* camera, const T* X, const T* w, T* e) const {
    rp::error(camera, X, w[0], m, e);
    return true;
  }
};
using ceres_cost = ceres::AutoDiffCostFunction<reprojection_functor, 2, 11, 3, 1>;

}  // namespace

struct ceres_costs {
  std::vector<std::unique_ptr<ceres_cost>> each;
};

std::shared_ptr<const ceres_costs> make_ceres_costs(const scene& sc) {
  auto costs = std::make_shared<ceres_costs>();
  for (const auto& m : sc.features) costs->each.push_back(std::make_unique<ceres_cost>(new reprojection_functor{{m[0], m[1]}}));
  return costs;
}

double jacobians_ceres(const scene& sc, const ceres_costs& costs, std::vector<double>& out) {
  double checksum = 0;
  for (std::size_t i = 0; i < sc.observations.size(); ++i) {
    const auto [ci, pi] = sc.observations[i];
    const double* blocks[3] = {sc.cameras[ci].data(), sc.points[pi].data(), &sc.weights[i]};
    double camera[2 * 11]{}, point[2 * 3]{}, weight[2]{};
    double* jacobians[3] = {camera, point, weight};
    double* block = out.data() + i * (2 + 2 * parameters);
    costs.each[i]->Evaluate(blocks, block, jacobians);
    for (std::size_t r = 0; r < 2; ++r) {  // into the 2×15 layout of the other kernels
      double* row = block + 2 + r * parameters;
      for (std::size_t k = 0; k < 11; ++k) row[k] = camera[r * 11 + k];
      for (std::size_t k = 0; k < 3; ++k) row[11 + k] = point[r * 3 + k];
      row[14] = weight[r];
    }
    checksum += block[0] + block[2 + 2 * parameters - 1];
  }
  return checksum;
}
#endif
}  // namespace bench::ba
