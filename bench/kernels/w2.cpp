// bench/kernels/w2.cpp: the W2 kernels, hand-written beside the micrograd-style runtime graph.
#include "w2.hpp"

#include "../baseline/micrograd.hpp"

#include <ctgrad/ctgrad.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace bench::w2 {
data make_data(unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> feature(-1.0, 1.0);
  data set{std::vector<std::array<double, inputs>>(rows), std::vector<double>(rows)};
  for (std::size_t n = 0; n < rows; ++n) {
    set.x[n][0] = feature(generator);
    set.x[n][1] = feature(generator);
    set.y[n] = std::sin(2.0 * set.x[n][0]) + set.x[n][1] * set.x[n][1] - 0.5;
  }
  return set;
}

parameters make_parameters(unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> weight(-1.0, 1.0);
  parameters theta{};
  for (double& w : theta.W1) w = weight(generator);
  for (double& w : theta.b1) w = weight(generator);
  for (double& w : theta.W2) w = weight(generator);
  for (double& w : theta.b2) w = weight(generator);
  return theta;
}

loss_and_gradient loss_and_gradient_hand(const data& set, const parameters& theta) {
  constexpr double scale = 1.0 / rows;
  loss_and_gradient result{};
  parameters& g = result.gradient;
  for (std::size_t n = 0; n < rows; ++n) {
    const auto& x = set.x[n];
    // step = relu'(z) with relu'(0) = 0, kept as numbers so that the backward loop has no branch.
    std::array<double, hidden> h, step;
    double prediction = theta.b2[0];
    for (std::size_t i = 0; i < hidden; ++i) {
      const double z = theta.W1[i * inputs] * x[0] + theta.W1[i * inputs + 1] * x[1] + theta.b1[i];
      h[i] = std::max(z, 0.0);
      step[i] = z > 0.0 ? 1.0 : 0.0;
      prediction += theta.W2[i] * h[i];
    }
    const double residual = prediction - set.y[n];
    result.loss += residual * residual;
    const double delta = 2.0 * scale * residual;  // ∂loss/∂ŷ of this row
    g.b2[0] += delta;
    for (std::size_t i = 0; i < hidden; ++i) {
      g.W2[i] += delta * h[i];
      const double dz = delta * theta.W2[i] * step[i];
      g.W1[i * inputs] += dz * x[0];
      g.W1[i * inputs + 1] += dz * x[1];
      g.b1[i] += dz;
    }
  }
  result.loss *= scale;
  return result;
}

loss_and_gradient loss_and_gradient_micrograd(const data& set, const parameters& theta) {
  namespace mg = bench::micrograd;
  const auto W1 = mg::leaves(theta.W1), b1 = mg::leaves(theta.b1);
  const auto W2 = mg::leaves(theta.W2), b2 = mg::leaves(theta.b2);
  mg::value total = 0.0;
  for (std::size_t n = 0; n < rows; ++n) {
    const std::vector<mg::value> x = {set.x[n][0], set.x[n][1]};
    const auto prediction = mg::layer(W2, b2, mg::layer(W1, b1, x, true), false);
    total = total + pow(prediction[0] - set.y[n], 2.0);
  }
  mg::value loss = total * (1.0 / rows);
  loss.backward();
  return {loss.data(),
          {mg::gradients<hidden * inputs>(W1), mg::gradients<hidden>(b1),
           mg::gradients<hidden>(W2), mg::gradients<1>(b2)}};
}
// ctgrad: the network written once as an expression for one row, its share 1/N of the mean
// included (a compile-time factor: it multiplies the adjoint's type, not each partial);
// accumulate_grad adds each row's gradient into one sum, as the hand-written kernel does.
namespace {
constexpr auto row_loss = ctgrad::rational<1, rows>{} *
    ctgrad::square(ctgrad::sum(w2_var * ctgrad::relu(w1_var * x_var + b1_var) + b2_var) - y_var);
}  // namespace

ctgrad_loss_and_gradient loss_and_gradient_ctgrad_tuned(const data& set, const parameters& theta) {
  using ctgrad::at;
  constexpr auto parameters_wrt = ctgrad::wrt(w1_var, b1_var, w2_var, b2_var);
  ctgrad_loss_and_gradient result{};
  for (std::size_t n = 0; n < rows; ++n) {
    result.loss += ctgrad::accumulate_grad(
        row_loss, parameters_wrt,
        at(w1_var = theta.W1, b1_var = theta.b1, w2_var = theta.W2, b2_var = theta.b2,
           x_var = set.x[n], y_var = set.y[n]),
        result.gradient);
  }
  return result;
}

documented_loss_and_gradient loss_and_gradient_documented(const model_parameters& params, const table& rows) {
  return {ctgrad::value_and_grad(documented_loss, params, rows)};
}

documented_loss_and_gradient loss_and_gradient_ctgrad(const data& set, const parameters& theta) {
  model_parameters params;
  const auto copy = [](const auto& from, auto& to) { std::copy(from.begin(), from.end(), to.begin()); };
  copy(theta.W1, params[w1_var]);
  copy(theta.b1, params[b1_var]);
  copy(theta.W2, params[w2_var]);
  copy(theta.b2, params[b2_var]);
  return loss_and_gradient_documented(params, ctgrad::dataset(x_var = set.x, y_var = set.y));
}

documented_loss_and_gradient::operator loss_and_gradient() const {
  return ctgrad_loss_and_gradient{result.value, result.grad};
}

ctgrad_loss_and_gradient::operator loss_and_gradient() const {
  loss_and_gradient converted{loss, {}};
  std::copy(gradient[w1_var].begin(), gradient[w1_var].end(), converted.gradient.W1.begin());
  std::copy(gradient[b1_var].begin(), gradient[b1_var].end(), converted.gradient.b1.begin());
  std::copy(gradient[w2_var].begin(), gradient[w2_var].end(), converted.gradient.W2.begin());
  std::copy(gradient[b2_var].begin(), gradient[b2_var].end(), converted.gradient.b2.begin());
  return converted;
}
}  // namespace bench::w2
