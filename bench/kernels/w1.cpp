// bench/kernels/w1.cpp: the W1 kernels, ctgrad beside hand-written; tests/asm checks their assembly.
#include "w1.hpp"

#include <ctgrad/ctgrad.hpp>

#include <random>

namespace bench::w1 {
namespace {
constexpr ctgrad::var<"θ1"> theta1;
constexpr ctgrad::var<"θ2"> theta2;
constexpr ctgrad::var<"b"> bias;
constexpr ctgrad::var<"x1"> x1;
constexpr ctgrad::var<"x2"> x2;
constexpr ctgrad::var<"y"> y;
constexpr auto row_loss = ctgrad::square(y - (theta1 * x1 + theta2 * x2 + bias));
}  // namespace

data make_data(unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> feature(-1.0, 1.0);
  std::normal_distribution<double> noise(0.0, 0.1);
  data set{};
  for (std::size_t i = 0; i < rows; ++i) {
    set.x1[i] = feature(generator);
    set.x2[i] = feature(generator);
    set.y[i] = 2.0 * set.x1[i] - 3.0 * set.x2[i] + 0.5 + noise(generator);
  }
  return set;
}

loss_and_gradient loss_and_gradient_ctgrad(const data& set, const parameters& theta) {
  using ctgrad::at;
  loss_and_gradient sum{};
  for (std::size_t i = 0; i < rows; ++i) {
    const auto [value, g] = ctgrad::value_and_grad(
        row_loss, ctgrad::wrt(theta1, theta2, bias),
        at(theta1 = theta[0], theta2 = theta[1], bias = theta[2], x1 = set.x1[i],
           x2 = set.x2[i], y = set.y[i]));
    sum.loss += value;
    sum.gradient[0] += g[theta1];
    sum.gradient[1] += g[theta2];
    sum.gradient[2] += g[bias];
  }
  constexpr double scale = 1.0 / rows;
  return {sum.loss * scale, {sum.gradient[0] * scale, sum.gradient[1] * scale, sum.gradient[2] * scale}};
}

loss_and_gradient loss_and_gradient_hand(const data& set, const parameters& theta) {
  loss_and_gradient sum{};
  for (std::size_t i = 0; i < rows; ++i) {
    const double residual = set.y[i] - (theta[0] * set.x1[i] + theta[1] * set.x2[i] + theta[2]);
    const double adjoint = -2.0 * residual;  // ∂(residual²)/∂ŷ
    sum.loss += residual * residual;
    sum.gradient[0] += adjoint * set.x1[i];
    sum.gradient[1] += adjoint * set.x2[i];
    sum.gradient[2] += adjoint;
  }
  constexpr double scale = 1.0 / rows;
  return {sum.loss * scale, {sum.gradient[0] * scale, sum.gradient[1] * scale, sum.gradient[2] * scale}};
}
}  // namespace bench::w1
