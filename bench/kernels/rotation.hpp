// bench/kernels/rotation.hpp: a scalar residual with shared subexpressions, as a bundle-adjustment
// residual writes them: the angle th = |(x, y, z)|, its cosine and sine, each named once and used
// several times,
//   r(x, y, z) = cos(th)·x + sin(th)·(y − z)/th + (1 − cos(th))·x·y/th²,
// and its gradient with respect to x, y, z, over a batch of points.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>

namespace bench::rotation {
inline constexpr std::size_t points = 256;

/// The points (x, y, z), away from th = 0.
struct batch {
  std::array<double, points> x;
  std::array<double, points> y;
  std::array<double, points> z;
};

/// The sum over the batch of r and of its gradient, ∂r/∂x, ∂r/∂y, ∂r/∂z at each point summed.
struct value_and_gradient {
  double value;
  std::array<double, 3> gradient;
};

/// Seeded points: every coordinate uniform in [0.2, 1.5] or [−1.5, −0.2].
batch make_batch(unsigned seed = 1);

/// r and its gradient at one point, derived and written by hand: what value_and_gradient_hand sums,
/// inlined into its loop as a hand-written kernel would be.
[[gnu::always_inline]] inline value_and_gradient residual_hand(double x, double y, double z) {
  const double th = std::sqrt(x * x + y * y + z * z);
  const double ct = std::cos(th), st = std::sin(th);
  const double inverse = 1.0 / th;
  const double g = st * inverse;                              // sin(th)/th
  const double h = (1.0 - ct) * inverse * inverse;            // (1 − cos th)/th²
  const double dg = (ct - g) * inverse;                       // dg/dth
  const double dh = (st - 2.0 * h * th) * inverse * inverse;  // dh/dth
  const double radial = (-st * x + (y - z) * dg + x * y * dh) * inverse;  // ∂r/∂th · ∂th/∂q ÷ q
  return {ct * x + (y - z) * g + x * y * h, {ct + y * h + radial * x, g + x * h + radial * y, -g + radial * z}};
}

/// The kernels compared: the gradient written by hand, and ctgrad's value_and_grad of r as the
/// expression above writes it, th, cos(th) and sin(th) named once.
value_and_gradient value_and_gradient_hand(const batch& points);
value_and_gradient value_and_gradient_ctgrad(const batch& points);
}  // namespace bench::rotation
