// bench/kernels/w3.hpp: workload W3 of docs/benchmarks.md, micrograd's moons demo: score =
// W3·relu(W2·relu(W1·x + b1) + b2) + b3 with x ∈ R² and two layers of 16 units, and loss = mean over
// N = 100 rows of max(0, 1 − y·score) + 1e-4·Σ p² over all 337 weights and biases p.
#pragma once

#include <ctgrad/ctgrad.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <random>
#include <utility>
#include <vector>

namespace bench::w3 {
inline constexpr std::size_t rows = 100;
inline constexpr std::size_t inputs = 2;
inline constexpr std::size_t hidden = 16;
inline constexpr double alpha = 1e-4;  // the weight of the L2 penalty

/// The data set, one row per sample, in std::vectors as a user's data set is (ctgrad's dataset
/// borrows them): x[n] = (x1, x2), y[n] ∈ {−1, +1} its class.
struct data {
  std::vector<std::array<double, inputs>> x;
  std::vector<double> y;
};

/// The weights, row-major: W1(i, j) = W1[i·2 + j] (unit i of layer 1, input j),
/// W2(i, j) = W2[i·16 + j] (unit i of layer 2, unit j of layer 1), W3(0, i) = W3[i].
struct parameters {
  std::array<double, hidden * inputs> W1;
  std::array<double, hidden> b1;
  std::array<double, hidden * hidden> W2;
  std::array<double, hidden> b2;
  std::array<double, hidden> W3;
  std::array<double, 1> b3;
};

/// The mean loss and its gradient, laid out as the parameters.
struct loss_and_gradient {
  double loss;
  parameters gradient;
};

/// sklearn's make_moons(count, noise) without the shuffle: rows [0, count/2) lie on the outer moon
/// (cos t, sin t) with y = −1 (sklearn's label 0), the rest on the inner moon
/// (1 − cos t, 0.5 − sin t) with y = +1 (label 1), t evenly spaced over [0, π] (ends included)
/// within each moon, then Gaussian noise of standard deviation `noise` on x1 and x2 of each row.
/// Inline, for bench/kernels/wide.cpp's data sets of other sizes.
inline data make_moons(std::size_t count, double noise, unsigned seed) {
  const std::size_t outer = count / 2, inner = count - outer;
  std::mt19937 generator(seed);
  std::normal_distribution<double> jitter(0.0, noise);
  data set{std::vector<std::array<double, inputs>>(count), std::vector<double>(count)};
  for (std::size_t n = 0; n < count; ++n) {
    const bool on_outer = n < outer;
    const double k = static_cast<double>(on_outer ? n : n - outer);
    const double t = std::numbers::pi * k / static_cast<double>((on_outer ? outer : inner) - 1);
    set.x[n][0] = (on_outer ? std::cos(t) : 1.0 - std::cos(t)) + jitter(generator);
    set.x[n][1] = (on_outer ? std::sin(t) : 0.5 - std::sin(t)) + jitter(generator);
    set.y[n] = on_outer ? -1.0 : 1.0;
  }
  return set;
}

/// make_moons(rows, noise, seed): W3's 100 rows.
data make_moons(double noise, unsigned seed);

/// The benchmark's data: make_moons(0.1, seed).
data make_data(unsigned seed = 1);

/// Seeded weights, every one uniform in [-1, 1], drawn in the order W1, b1, W2, b2, W3, b3.
parameters make_parameters(unsigned seed = 2);

/// The hand-written loss and gradient of the 2-Hidden-Hidden-1 network, W3's and the wide grid's
/// (bench/kernels/wide.hpp): forward then backward per row, plain loops; Result is {loss,
/// gradient} with the gradient laid out as Parameters. Rows is the data set's size as a constant
/// (W3's 100), or 0 to read it from the data at run time. Always inlined, so that
/// loss_and_gradient_hand is compiled as it was written before the grid shared it.
template <std::size_t Hidden, std::size_t Rows, class Result, class Parameters>
[[gnu::always_inline]] inline Result hand_kernel(const data& set, const Parameters& theta) {
  const std::size_t count = Rows != 0 ? Rows : set.y.size();
  const double scale = 1.0 / static_cast<double>(count);
  Result result{};
  Parameters& g = result.gradient;
  for (std::size_t n = 0; n < count; ++n) {
    const auto& x = set.x[n];
    // step = relu'(z) with relu'(0) = 0, kept as numbers so that the backward loops have no branch.
    std::array<double, Hidden> h1, step1, h2, step2;
    for (std::size_t i = 0; i < Hidden; ++i) {
      const double z = theta.W1[i * inputs] * x[0] + theta.W1[i * inputs + 1] * x[1] + theta.b1[i];
      h1[i] = std::max(z, 0.0);
      step1[i] = z > 0.0 ? 1.0 : 0.0;
    }
    double score = theta.b3[0];
    for (std::size_t i = 0; i < Hidden; ++i) {
      double z = theta.b2[i];
      for (std::size_t j = 0; j < Hidden; ++j) z += theta.W2[i * Hidden + j] * h1[j];
      h2[i] = std::max(z, 0.0);
      step2[i] = z > 0.0 ? 1.0 : 0.0;
      score += theta.W3[i] * h2[i];
    }
    const double margin = 1.0 - set.y[n] * score;
    if (margin <= 0.0) continue;  // max(0, u) is flat here, with max'(0) = 0: no loss, no gradient
    result.loss += margin;
    const double delta = -set.y[n] * scale;  // ∂loss/∂score of this row
    g.b3[0] += delta;
    std::array<double, Hidden> dh1{};
    for (std::size_t i = 0; i < Hidden; ++i) {
      g.W3[i] += delta * h2[i];
      const double dz2 = delta * theta.W3[i] * step2[i];
      g.b2[i] += dz2;
      for (std::size_t j = 0; j < Hidden; ++j) {
        g.W2[i * Hidden + j] += dz2 * h1[j];
        dh1[j] += dz2 * theta.W2[i * Hidden + j];
      }
    }
    for (std::size_t i = 0; i < Hidden; ++i) {
      const double dz1 = dh1[i] * step1[i];
      g.W1[i * inputs] += dz1 * x[0];
      g.W1[i * inputs + 1] += dz1 * x[1];
      g.b1[i] += dz1;
    }
  }
  result.loss *= scale;
  // The penalty α·p² adds α·p² to the loss and 2α·p to the gradient, for every weight and bias.
  const auto penalize = [&result](const auto& p, auto& dp) {
    for (std::size_t i = 0; i < p.size(); ++i) {
      result.loss += alpha * p[i] * p[i];
      dp[i] += 2.0 * alpha * p[i];
    }
  };
  penalize(theta.W1, g.W1);
  penalize(theta.b1, g.b1);
  penalize(theta.W2, g.W2);
  penalize(theta.b2, g.b2);
  penalize(theta.W3, g.W3);
  penalize(theta.b3, g.b3);
  return result;
}

/// What ctgrad's kernel returns: the gradient in ctgrad's own storage, where the sweep writes it,
/// so that the kernel does not copy it into the hand-written layout; the benchmark converts it
/// only to check it.
struct ctgrad_loss_and_gradient {
  double loss;
  ctgrad::gradient<double, ctgrad::var<"W1", hidden, inputs>, ctgrad::var<"b1", hidden>,
                   ctgrad::var<"W2", hidden, hidden>, ctgrad::var<"b2", hidden>,
                   ctgrad::var<"W3", 1, hidden>, ctgrad::var<"b3", 1>>
      gradient;
  operator loss_and_gradient() const;
};

/// The model as examples/moons.cpp writes it, with Hidden units per layer: nn::mlp, micrograd's
/// hinge plus 1e-4·Σp², averaged over a dataset by value_and_grad(loss, params, data), the
/// documented call. W3's is network<16>; bench/kernels/wide.hpp's grid uses the others.
template <std::size_t Hidden>
struct network {
  using model = ctgrad::nn::mlp<"moons", inputs, Hidden, Hidden, 1>;
  static constexpr model net{};
  static constexpr ctgrad::var<"x", inputs> x_input{};
  static constexpr ctgrad::var<"y"> y_label{};
  static constexpr auto loss = ctgrad::nn::hinge(net(x_input), y_label) + alpha * ctgrad::nn::l2(model::parameters());
  using parameters = decltype(ctgrad::init_params(model::parameters(), 0));
  using table = decltype(ctgrad::dataset(x_input = std::declval<const std::vector<std::array<double, inputs>>&>(),
                                         y_label = std::declval<const std::vector<double>&>()));
  using result = decltype(ctgrad::value_and_grad(loss, std::declval<const parameters&>(), std::declval<const table&>()));
};
using model = network<hidden>::model;
inline constexpr auto x_input = network<hidden>::x_input;
inline constexpr auto y_label = network<hidden>::y_label;
inline constexpr auto documented_loss = network<hidden>::loss;
using model_parameters = network<hidden>::parameters;
using table = network<hidden>::table;

/// What the documented call returns, converted to the hand-written layout only to check it.
struct documented_loss_and_gradient {
  network<hidden>::result result;
  operator loss_and_gradient() const;
};

/// value_and_grad(documented_loss, params, rows): the documented call alone, whose assembly
/// tests/asm checks.
documented_loss_and_gradient loss_and_gradient_documented(const model_parameters& params, const table& rows);

/// The kernels compared: gradient code written by hand, a micrograd-style runtime graph, ctgrad's
/// documented call (the parameters copied into ctgrad's storage, where a user's model keeps
/// them, and the dataset made over the vectors), and ctgrad tuned by hand: accumulate_grad per row
/// with 1/N as a compile-time factor, then the penalty once.
loss_and_gradient loss_and_gradient_hand(const data& set, const parameters& theta);
loss_and_gradient loss_and_gradient_micrograd(const data& set, const parameters& theta);
documented_loss_and_gradient loss_and_gradient_ctgrad(const data& set, const parameters& theta);
ctgrad_loss_and_gradient loss_and_gradient_ctgrad_tuned(const data& set, const parameters& theta);
}  // namespace bench::w3
