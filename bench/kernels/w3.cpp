// bench/kernels/w3.cpp: the W3 kernels, hand-written beside the micrograd-style runtime graph.
#include "w3.hpp"

#include "../baseline/micrograd.hpp"

#include <ctgrad/ctgrad.hpp>

#include <algorithm>
#include <random>

namespace bench::w3 {
data make_moons(double noise, unsigned seed) { return make_moons(rows, noise, seed); }

data make_data(unsigned seed) { return make_moons(0.1, seed); }

parameters make_parameters(unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> weight(-1.0, 1.0);
  parameters theta{};
  for (double& w : theta.W1) w = weight(generator);
  for (double& w : theta.b1) w = weight(generator);
  for (double& w : theta.W2) w = weight(generator);
  for (double& w : theta.b2) w = weight(generator);
  for (double& w : theta.W3) w = weight(generator);
  for (double& w : theta.b3) w = weight(generator);
  return theta;
}

loss_and_gradient loss_and_gradient_hand(const data& set, const parameters& theta) {
  return hand_kernel<hidden, rows, loss_and_gradient>(set, theta);
}

loss_and_gradient loss_and_gradient_micrograd(const data& set, const parameters& theta) {
  namespace mg = bench::micrograd;
  const auto W1 = mg::leaves(theta.W1), b1 = mg::leaves(theta.b1);
  const auto W2 = mg::leaves(theta.W2), b2 = mg::leaves(theta.b2);
  const auto W3 = mg::leaves(theta.W3), b3 = mg::leaves(theta.b3);
  mg::value hinge = 0.0;
  for (std::size_t n = 0; n < rows; ++n) {
    const std::vector<mg::value> x = {set.x[n][0], set.x[n][1]};
    const auto h1 = mg::layer(W1, b1, x, true);
    const auto score = mg::layer(W3, b3, mg::layer(W2, b2, h1, true), false);
    hinge = hinge + relu(1.0 - set.y[n] * score[0]);
  }
  mg::value penalty = 0.0;
  for (const auto* block : {&W1, &b1, &W2, &b2, &W3, &b3}) {
    for (const mg::value& p : *block) penalty = penalty + p * p;
  }
  mg::value loss = hinge * (1.0 / rows) + alpha * penalty;
  loss.backward();
  return {loss.data(),
          {mg::gradients<hidden * inputs>(W1), mg::gradients<hidden>(b1),
           mg::gradients<hidden * hidden>(W2), mg::gradients<hidden>(b2),
           mg::gradients<hidden>(W3), mg::gradients<1>(b3)}};
}
// ctgrad: the hinge written once for one row, its share 1/N of the mean included (a compile-time
// factor of the adjoint), and accumulated over the rows; then the L2 penalty once, as the
// hand-written kernel does.
namespace {
constexpr ctgrad::var<"W1", hidden, inputs> w1_var;
constexpr ctgrad::var<"b1", hidden> b1_var;
constexpr ctgrad::var<"W2", hidden, hidden> w2_var;
constexpr ctgrad::var<"b2", hidden> b2_var;
constexpr ctgrad::var<"W3", 1, hidden> w3_var;
constexpr ctgrad::var<"b3", 1> b3_var;
constexpr ctgrad::var<"x", inputs> x_var;
constexpr ctgrad::var<"y"> y_var;
constexpr auto parameters_wrt = ctgrad::wrt(w1_var, b1_var, w2_var, b2_var, w3_var, b3_var);
constexpr auto score =
    w3_var * ctgrad::relu(w2_var * ctgrad::relu(w1_var * x_var + b1_var) + b2_var) + b3_var;
constexpr auto row_hinge = ctgrad::rational<1, rows>{} * ctgrad::nn::hinge(score, y_var);
constexpr auto penalty = ctgrad::rational<1, 10000>{} * ctgrad::nn::l2(parameters_wrt);
}  // namespace

ctgrad_loss_and_gradient loss_and_gradient_ctgrad_tuned(const data& set, const parameters& theta) {
  using ctgrad::at;
  const auto bind_parameters = [&](auto... row) {
    return at(w1_var = theta.W1, b1_var = theta.b1, w2_var = theta.W2, b2_var = theta.b2,
              w3_var = theta.W3, b3_var = theta.b3, row...);
  };
  ctgrad_loss_and_gradient result{};
  for (std::size_t n = 0; n < rows; ++n) {
    result.loss += ctgrad::accumulate_grad(row_hinge, parameters_wrt,
                                           bind_parameters(x_var = set.x[n], y_var = set.y[n]), result.gradient);
  }
  result.loss += ctgrad::accumulate_grad(penalty, parameters_wrt, bind_parameters(), result.gradient);
  return result;
}

documented_loss_and_gradient loss_and_gradient_documented(const model_parameters& params, const table& rows) {
  return {ctgrad::value_and_grad(documented_loss, params, rows)};
}

documented_loss_and_gradient loss_and_gradient_ctgrad(const data& set, const parameters& theta) {
  model_parameters params;
  const auto copy = [](const auto& from, auto& to) { std::copy(from.begin(), from.end(), to.begin()); };
  copy(theta.W1, params[model::layer<0>::weight]);
  copy(theta.b1, params[model::layer<0>::bias]);
  copy(theta.W2, params[model::layer<1>::weight]);
  copy(theta.b2, params[model::layer<1>::bias]);
  copy(theta.W3, params[model::layer<2>::weight]);
  copy(theta.b3, params[model::layer<2>::bias]);
  return loss_and_gradient_documented(params, ctgrad::dataset(x_input = set.x, y_label = set.y));
}

documented_loss_and_gradient::operator loss_and_gradient() const {
  loss_and_gradient converted{result.value, {}};
  const auto copy = [](const auto& from, auto& to) { std::copy(from.begin(), from.end(), to.begin()); };
  copy(result.grad[model::layer<0>::weight], converted.gradient.W1);
  copy(result.grad[model::layer<0>::bias], converted.gradient.b1);
  copy(result.grad[model::layer<1>::weight], converted.gradient.W2);
  copy(result.grad[model::layer<1>::bias], converted.gradient.b2);
  copy(result.grad[model::layer<2>::weight], converted.gradient.W3);
  copy(result.grad[model::layer<2>::bias], converted.gradient.b3);
  return converted;
}

ctgrad_loss_and_gradient::operator loss_and_gradient() const {
  loss_and_gradient converted{loss, {}};
  std::copy(gradient[w1_var].begin(), gradient[w1_var].end(), converted.gradient.W1.begin());
  std::copy(gradient[b1_var].begin(), gradient[b1_var].end(), converted.gradient.b1.begin());
  std::copy(gradient[w2_var].begin(), gradient[w2_var].end(), converted.gradient.W2.begin());
  std::copy(gradient[b2_var].begin(), gradient[b2_var].end(), converted.gradient.b2.begin());
  std::copy(gradient[w3_var].begin(), gradient[w3_var].end(), converted.gradient.W3.begin());
  std::copy(gradient[b3_var].begin(), gradient[b3_var].end(), converted.gradient.b3.begin());
  return converted;
}
}  // namespace bench::w3
