// bench/kernels/ba.hpp: bundle adjustment's reprojection residual (the GradBench / ADBench `ba`
// objective) and its 2×15 Jacobian, derived and written by hand, beside ctgrad's
// value_and_jacobian of the residual as a user writes it. One observation: a camera of 11
// parameters [r (axis-angle, 3), C (centre, 3), f, x0 (2), κ (2)], a point X (3) and a weight w:
//   Xo = X − C; θ = ‖r‖, v = r/θ; Xc = Xo cos θ + (v × Xo) sin θ + v (v·Xo)(1 − cos θ)
//   (θ = 0: Xc = Xo + r × Xo); u = (Xc0/Xc2, Xc1/Xc2); L = 1 + κ0‖u‖² + κ1‖u‖⁴;
//   e = w (u L f + x0 − m), m the measured feature.
// Columns in the order r, C, f, x0, κ, X, w; the Jacobian is row-major (2 rows of 15), as Ceres
// holds a residual block's.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <memory>
#include <vector>

namespace bench::ba {
inline constexpr std::size_t parameters = 15;

/// A scene as GradBench's ba1 sizes it: n cameras, m points, p observations, each of one camera
/// and one point with its weight and measured feature.
struct scene {
  std::vector<std::array<double, 11>> cameras;
  std::vector<std::array<double, 3>> points;
  std::vector<double> weights;
  std::vector<std::array<double, 2>> features;
  std::vector<std::array<std::size_t, 2>> observations;  // camera, point
};

/// A seeded scene: rotations of up to 0.4 rad, points about 8 in front of the cameras, features
/// near the projections. With `with_zero_rotation`, camera 0 has r = 0 (the θ = 0 branch).
scene make_scene(std::size_t cameras, std::size_t points, std::size_t observations, unsigned seed = 1,
                 bool with_zero_rotation = false);

/// The residual e (2) and its Jacobian (2×15, row-major) of one observation, by hand.
[[gnu::always_inline]] inline void reprojection_hand(const double* camera, const double* X, double w,
                                                     const double* m, double* e, double* J) {
  const double r[3] = {camera[0], camera[1], camera[2]};
  const double o[3] = {X[0] - camera[3], X[1] - camera[4], X[2] - camera[5]};
  const double f = camera[6], k0 = camera[9], k1 = camera[10];
  double xc[3];
  double R[3][3];       // ∂Xc/∂Xo
  double dxc_dr[3][3];  // ∂Xc/∂r
  const double th2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
  if (th2 > 0) {
    const double th = std::sqrt(th2), inv = 1.0 / th;
    const double c = std::cos(th), s = std::sin(th), t = 1.0 - c;
    const double v[3] = {r[0] * inv, r[1] * inv, r[2] * inv};
    const double vo = v[0] * o[0] + v[1] * o[1] + v[2] * o[2];
    const double vxo[3] = {v[1] * o[2] - v[2] * o[1], v[2] * o[0] - v[0] * o[2], v[0] * o[1] - v[1] * o[0]};
    for (int i = 0; i < 3; ++i) xc[i] = o[i] * c + vxo[i] * s + v[i] * vo * t;
    // R = c I + s [v]× + (1 − c) v vᵀ.
    const double vx[3][3] = {{0, -v[2], v[1]}, {v[2], 0, -v[0]}, {-v[1], v[0], 0}};
    const double ox[3][3] = {{0, -o[2], o[1]}, {o[2], 0, -o[0]}, {-o[1], o[0], 0}};
    double dxc_dth[3];  // ∂Xc/∂θ = −s Xo + c (v × Xo) + s (v·Xo) v
    double dxc_dv[3][3];  // ∂Xc/∂v = −s [Xo]× + (1 − c)((v·Xo) I + v Xoᵀ)
    for (int i = 0; i < 3; ++i) {
      dxc_dth[i] = -s * o[i] + c * vxo[i] + s * vo * v[i];
      for (int j = 0; j < 3; ++j) {
        R[i][j] = (i == j ? c : 0.0) + s * vx[i][j] + t * v[i] * v[j];
        dxc_dv[i][j] = -s * ox[i][j] + t * ((i == j ? vo : 0.0) + v[i] * o[j]);
      }
    }
    // ∂Xc/∂r = ∂Xc/∂θ vᵀ + ∂Xc/∂v (I − v vᵀ)/θ.
    for (int i = 0; i < 3; ++i) {
      const double dv_v = dxc_dv[i][0] * v[0] + dxc_dv[i][1] * v[1] + dxc_dv[i][2] * v[2];
      for (int j = 0; j < 3; ++j) dxc_dr[i][j] = dxc_dth[i] * v[j] + (dxc_dv[i][j] - dv_v * v[j]) * inv;
    }
  } else {  // Xc = Xo + r × Xo: ∂/∂Xo = I + [r]×, ∂/∂r = −[Xo]×
    xc[0] = o[0] + r[1] * o[2] - r[2] * o[1];
    xc[1] = o[1] + r[2] * o[0] - r[0] * o[2];
    xc[2] = o[2] + r[0] * o[1] - r[1] * o[0];
    const double rx[3][3] = {{0, -r[2], r[1]}, {r[2], 0, -r[0]}, {-r[1], r[0], 0}};
    const double ox[3][3] = {{0, -o[2], o[1]}, {o[2], 0, -o[0]}, {-o[1], o[0], 0}};
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 3; ++j) {
        R[i][j] = (i == j ? 1.0 : 0.0) + rx[i][j];
        dxc_dr[i][j] = -ox[i][j];
      }
    }
  }
  const double iz = 1.0 / xc[2];
  const double u[2] = {xc[0] * iz, xc[1] * iz};
  const double rho = u[0] * u[0] + u[1] * u[1];
  const double L = 1.0 + k0 * rho + k1 * rho * rho;
  const double dL = 2.0 * (k0 + 2.0 * k1 * rho);  // ∂L/∂u = dL · u
  double A[2][3];  // ∂e/∂Xc = ∂e/∂u · ∂u/∂Xc, ∂e/∂u = w f (L I + dL u uᵀ)
  for (int i = 0; i < 2; ++i) {
    const double p = w * f * (u[i] * L) + w * camera[7 + i];
    e[i] = p - w * m[i];
    const double de_du0 = w * f * ((i == 0 ? L : 0.0) + dL * u[i] * u[0]);
    const double de_du1 = w * f * ((i == 1 ? L : 0.0) + dL * u[i] * u[1]);
    A[i][0] = de_du0 * iz;
    A[i][1] = de_du1 * iz;
    A[i][2] = -(de_du0 * u[0] + de_du1 * u[1]) * iz;
  }
  for (int i = 0; i < 2; ++i) {
    double* row = J + i * parameters;
    for (int j = 0; j < 3; ++j) {
      const double through_rotation = A[i][0] * R[0][j] + A[i][1] * R[1][j] + A[i][2] * R[2][j];
      row[j] = A[i][0] * dxc_dr[0][j] + A[i][1] * dxc_dr[1][j] + A[i][2] * dxc_dr[2][j];
      row[3 + j] = -through_rotation;
      row[11 + j] = through_rotation;
    }
    row[6] = w * u[i] * L;
    row[7] = i == 0 ? w : 0.0;
    row[8] = i == 1 ? w : 0.0;
    row[9] = w * f * u[i] * rho;
    row[10] = w * f * u[i] * rho * rho;
    row[14] = f * u[i] * L + camera[7 + i] - m[i];
  }
}

/// The residual alone, by hand (for central differences of the hand-written Jacobian).
void reprojection_value(const double* camera, const double* X, double w, const double* m, double* e);

/// Every observation's residual and Jacobian into out (2 + 30 numbers per observation); returns
/// a checksum. Hand-written, and ctgrad's value_and_jacobian of the residual as written in
/// examples/reprojection.hpp, into the same buffer layout.
double jacobians_hand(const scene& s, std::vector<double>& out);
double jacobians_ctgrad(const scene& s, std::vector<double>& out);
#ifdef CTGRAD_BENCH_CERES
/// Ceres' AutoDiffCostFunction (dual numbers) of the same residual, blocks camera (11), point (3)
/// and weight (1): one cost function per observation, made once (as a solver makes its residual
/// blocks), then its Jacobian blocks written into out in the same 2×15 layout.
struct ceres_costs;
std::shared_ptr<const ceres_costs> make_ceres_costs(const scene& s);
double jacobians_ceres(const scene& s, const ceres_costs& costs, std::vector<double>& out);
#endif
}  // namespace bench::ba
