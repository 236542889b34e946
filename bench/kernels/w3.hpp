// bench/kernels/w3.hpp: workload W3 of docs/benchmarks.md, micrograd's moons demo: score =
// W3·relu(W2·relu(W1·x + b1) + b2) + b3 with x ∈ R² and two layers of 16 units, and loss = mean over
// N = 100 rows of max(0, 1 − y·score) + 1e-4·Σ p² over all 337 weights and biases p.
#pragma once

#include <ctgrad/ctgrad.hpp>

#include <array>
#include <cstddef>
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

/// sklearn's make_moons(rows, noise) without the shuffle: rows [0, 50) lie on the outer moon
/// (cos t, sin t) with y = −1 (sklearn's label 0), rows [50, 100) on the inner moon
/// (1 − cos t, 0.5 − sin t) with y = +1 (label 1), t evenly spaced over [0, π] (ends included)
/// within each moon, then Gaussian noise of standard deviation `noise` on x1 and x2 of each row.
data make_moons(double noise, unsigned seed);

/// The benchmark's data: make_moons(0.1, seed).
data make_data(unsigned seed = 1);

/// Seeded weights, every one uniform in [-1, 1], drawn in the order W1, b1, W2, b2, W3, b3.
parameters make_parameters(unsigned seed = 2);

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

/// The model as examples/moons.cpp writes it: nn::mlp, micrograd's hinge plus 1e-4·Σp², averaged
/// over a dataset by value_and_grad(loss, params, data), the documented call.
using model = ctgrad::nn::mlp<"moons", inputs, hidden, hidden, 1>;
inline constexpr model net{};
inline constexpr ctgrad::var<"x", inputs> x_input{};
inline constexpr ctgrad::var<"y"> y_label{};
inline constexpr auto documented_loss = ctgrad::nn::hinge(net(x_input), y_label) + alpha * ctgrad::nn::l2(model::parameters());
using model_parameters = decltype(ctgrad::init_params(model::parameters(), 0));
using table = decltype(ctgrad::dataset(x_input = std::declval<const std::vector<std::array<double, inputs>>&>(),
                                       y_label = std::declval<const std::vector<double>&>()));

/// What the documented call returns, converted to the hand-written layout only to check it.
struct documented_loss_and_gradient {
  decltype(ctgrad::value_and_grad(documented_loss, std::declval<const model_parameters&>(),
                                  std::declval<const table&>())) result;
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
