// bench/kernels/rotation.cpp: the rotation-residual kernels, ctgrad beside hand-written; CTest
// asm.rotation checks their assembly.
#include "rotation.hpp"

#include <ctgrad/ctgrad.hpp>

#include <cmath>
#include <random>

namespace bench::rotation {
batch make_batch(unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> magnitude(0.2, 1.5);
  std::bernoulli_distribution negative(0.5);
  const auto coordinate = [&] { return negative(generator) ? -magnitude(generator) : magnitude(generator); };
  batch set{};
  for (std::size_t i = 0; i < points; ++i) {
    set.x[i] = coordinate();
    set.y[i] = coordinate();
    set.z[i] = coordinate();
  }
  return set;
}

value_and_gradient value_and_gradient_hand(const batch& set) {
  value_and_gradient sum{};
  for (std::size_t i = 0; i < points; ++i) {
    const auto [value, gradient] = residual_hand(set.x[i], set.y[i], set.z[i]);
    sum.value += value;
    sum.gradient[0] += gradient[0];
    sum.gradient[1] += gradient[1];
    sum.gradient[2] += gradient[2];
  }
  return sum;
}

namespace {
constexpr ctgrad::var<"x"> x;
constexpr ctgrad::var<"y"> y;
constexpr ctgrad::var<"z"> z;
constexpr auto th = ctgrad::sqrt(x * x + y * y + z * z);
constexpr auto ct = ctgrad::cos(th);
constexpr auto st = ctgrad::sin(th);
constexpr auto residual = ct * x + st * (y - z) / th + (1.0 - ct) * x * y / (th * th);
}  // namespace

value_and_gradient value_and_gradient_ctgrad(const batch& set) {
  value_and_gradient sum{};
  for (std::size_t i = 0; i < points; ++i) {
    const auto [value, g] =
        ctgrad::value_and_grad(residual, ctgrad::wrt(x, y, z), ctgrad::at(x = set.x[i], y = set.y[i], z = set.z[i]));
    sum.value += value;
    sum.gradient[0] += g[x];
    sum.gradient[1] += g[y];
    sum.gradient[2] += g[z];
  }
  return sum;
}
}  // namespace bench::rotation
