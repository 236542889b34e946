// examples/reprojection.hpp: bundle adjustment's reprojection residual (GradBench's and ADBench's
// `ba`), written twice: as a ctgrad expression, and as a function of any number type, as a Ceres
// user writes it for AutoDiffCostFunction. examples/bundle_adjustment.cpp solves with both, and
// bench/kernels/ba.cpp times both beside a hand-derived Jacobian.
#pragma once

#include <ctgrad/ctgrad.hpp>

#include <cmath>

namespace reprojection {
using namespace ctgrad;
using namespace ctgrad::literals;  // 1_c: a compile-time constant, shared without a check

// A camera: axis-angle rotation r, centre C, focal length f, principal point (cx, cy), radial
// distortion k0, k1 (11 numbers, in that order); a point X (3); the observation's weight w and
// measured feature (m0, m1).
constexpr var<"r0"> r0;
constexpr var<"r1"> r1;
constexpr var<"r2"> r2;
constexpr var<"C0"> C0;
constexpr var<"C1"> C1;
constexpr var<"C2"> C2;
constexpr var<"f"> f;
constexpr var<"cx"> cx;
constexpr var<"cy"> cy;
constexpr var<"k0"> k0;
constexpr var<"k1"> k1;
constexpr var<"X0"> X0;
constexpr var<"X1"> X1;
constexpr var<"X2"> X2;
constexpr var<"w"> w;
constexpr var<"m0"> m0;
constexpr var<"m1"> m1;

// The reprojection error, each named value once: Xo = X − C rotated by Rodrigues' formula (its
// first-order form Xo + r × Xo where θ = 0), projected, distorted, scaled and shifted. Its integer
// constants are 1_c: a plain 1.0 is a runtime constant, and a named value that holds one is
// shared only after each call compares its uses' constants (1.36× the hand-written Jacobian's
// time instead of 1.03×; docs/reference/diff.md).
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
constexpr auto xc0 = where(th2, o0 * c + (v1 * o2 - v2 * o1) * s + v0 * vo_t, o0 + (r1 * o2 - r2 * o1));
constexpr auto xc1 = where(th2, o1 * c + (v2 * o0 - v0 * o2) * s + v1 * vo_t, o1 + (r2 * o0 - r0 * o2));
constexpr auto xc2 = where(th2, o2 * c + (v0 * o1 - v1 * o0) * s + v2 * vo_t, o2 + (r0 * o1 - r1 * o0));
constexpr auto u0 = xc0 / xc2;
constexpr auto u1 = xc1 / xc2;
constexpr auto rho = u0 * u0 + u1 * u1;
constexpr auto L = 1_c + k0 * rho + k1 * rho * rho;
constexpr auto residuals = outputs(w * (u0 * L * f + cx - m0), w * (u1 * L * f + cy - m1));
constexpr auto camera_block = wrt(r0, r1, r2, C0, C1, C2, f, cx, cy, k0, k1);
constexpr auto point_block = wrt(X0, X1, X2);
constexpr auto weight_block = wrt(w);

/// The same residuals in the number type T (double, or Ceres' dual numbers).
template <class T>
void error(const T* camera, const T* X, const T& weight, const double* m, T* e) {
  using std::cos, std::sin, std::sqrt;
  const T* r = camera;
  const T o[3] = {X[0] - camera[3], X[1] - camera[4], X[2] - camera[5]};
  const T t2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
  T xc[3];
  if (t2 > T(0)) {
    const T t = sqrt(t2), ct = cos(t), st = sin(t);
    const T v[3] = {r[0] / t, r[1] / t, r[2] / t};
    const T k = (v[0] * o[0] + v[1] * o[1] + v[2] * o[2]) * (T(1) - ct);
    xc[0] = o[0] * ct + (v[1] * o[2] - v[2] * o[1]) * st + v[0] * k;
    xc[1] = o[1] * ct + (v[2] * o[0] - v[0] * o[2]) * st + v[1] * k;
    xc[2] = o[2] * ct + (v[0] * o[1] - v[1] * o[0]) * st + v[2] * k;
  } else {
    xc[0] = o[0] + (r[1] * o[2] - r[2] * o[1]);
    xc[1] = o[1] + (r[2] * o[0] - r[0] * o[2]);
    xc[2] = o[2] + (r[0] * o[1] - r[1] * o[0]);
  }
  const T u[2] = {xc[0] / xc[2], xc[1] / xc[2]};
  const T p = u[0] * u[0] + u[1] * u[1];
  const T l = T(1) + camera[9] * p + camera[10] * p * p;
  e[0] = weight * (u[0] * l * camera[6] + camera[7] - m[0]);
  e[1] = weight * (u[1] * l * camera[6] + camera[8] - m[1]);
}
}  // namespace reprojection
