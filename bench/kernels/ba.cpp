// bench/kernels/ba.cpp: the bundle-adjustment kernels, ctgrad beside hand-written.
#include "ba.hpp"

#include <ctgrad/ctgrad.hpp>

#include <random>
#include <span>

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

namespace {
using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"r0"> r0;
constexpr var<"r1"> r1;
constexpr var<"r2"> r2;
constexpr var<"C0"> C0;
constexpr var<"C1"> C1;
constexpr var<"C2"> C2;
constexpr var<"f"> f;
constexpr var<"cx"> cx;  // the principal point x0
constexpr var<"cy"> cy;
constexpr var<"k0"> k0;
constexpr var<"k1"> k1;
constexpr var<"X0"> X0;
constexpr var<"X1"> X1;
constexpr var<"X2"> X2;
constexpr var<"w"> w;
constexpr var<"m0"> m0;
constexpr var<"m1"> m1;

// The residual as the formulas above write it, each named value once. Its integer constants are
// 1_c: a plain 1 is a runtime constant, and a named value that holds one is a node at every use
// (499 nodes instead of 104, 4.8× the hand-written Jacobian's time; docs/reference/diff.md).
constexpr auto o0 = X0 - C0;
constexpr auto o1 = X1 - C1;
constexpr auto o2 = X2 - C2;
constexpr auto th2 = r0 * r0 + r1 * r1 + r2 * r2;
constexpr auto th = sqrt(th2);
constexpr auto c = cos(th);
constexpr auto s = sin(th);
constexpr auto v0 = r0 / th;
constexpr auto v1 = r1 / th;
constexpr auto v2 = r2 / th;
constexpr auto vo_t = (v0 * o0 + v1 * o1 + v2 * o2) * (1_c - c);
// Rodrigues' formula where θ > 0, its first-order form Xo + r × Xo where θ = 0.
constexpr auto xc0 = where(th2, o0 * c + (v1 * o2 - v2 * o1) * s + v0 * vo_t, o0 + (r1 * o2 - r2 * o1));
constexpr auto xc1 = where(th2, o1 * c + (v2 * o0 - v0 * o2) * s + v1 * vo_t, o1 + (r2 * o0 - r0 * o2));
constexpr auto xc2 = where(th2, o2 * c + (v0 * o1 - v1 * o0) * s + v2 * vo_t, o2 + (r0 * o1 - r1 * o0));
constexpr auto u0 = xc0 / xc2;
constexpr auto u1 = xc1 / xc2;
constexpr auto rho = u0 * u0 + u1 * u1;
constexpr auto L = 1_c + k0 * rho + k1 * rho * rho;
constexpr auto reprojection = outputs(w * (u0 * L * f + cx - m0), w * (u1 * L * f + cy - m1));
constexpr auto camera_and_point = wrt(r0, r1, r2, C0, C1, C2, f, cx, cy, k0, k1, X0, X1, X2, w);
}  // namespace

double jacobians_ctgrad(const scene& sc, std::vector<double>& out) {
  double checksum = 0;
  for (std::size_t i = 0; i < sc.observations.size(); ++i) {
    const auto [ci, pi] = sc.observations[i];
    const auto& cam = sc.cameras[ci];
    const auto& X = sc.points[pi];
    double* block = out.data() + i * (2 + 2 * parameters);
    value_and_jacobian(reprojection, camera_and_point,
                       at(r0 = cam[0], r1 = cam[1], r2 = cam[2], C0 = cam[3], C1 = cam[4], C2 = cam[5], f = cam[6],
                          cx = cam[7], cy = cam[8], k0 = cam[9], k1 = cam[10], X0 = X[0], X1 = X[1], X2 = X[2],
                          w = sc.weights[i], m0 = sc.features[i][0], m1 = sc.features[i][1]),
                       std::span<double, 2>(block, 2), std::span<double, 2 * parameters>(block + 2, 2 * parameters));
    checksum += block[0] + block[2 + 2 * parameters - 1];
  }
  return checksum;
}
}  // namespace bench::ba
