// bench/kernels/w2.hpp: workload W2 of docs/benchmarks.md, the article's §5.2 network done right:
// ŷ = W2·relu(W1·x + b1) + b2 with x ∈ R², 16 hidden units, and loss = mean over N = 256 rows of
// (y − ŷ)²; full-batch loss and gradient w.r.t. W1, b1, W2, b2.
#pragma once

#include <ctgrad/ctgrad.hpp>

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

namespace bench::w2 {
inline constexpr std::size_t rows = 256;
inline constexpr std::size_t inputs = 2;
inline constexpr std::size_t hidden = 16;

/// The data set, one row per sample, in std::vectors as a user's data set is (ctgrad's dataset
/// borrows them): x[n] = (x1, x2), y[n] its target.
struct data {
  std::vector<std::array<double, inputs>> x;
  std::vector<double> y;
};

/// The weights, row-major: W1(i, j) = W1[i·2 + j] (hidden unit i, input j), W2(0, i) = W2[i].
struct parameters {
  std::array<double, hidden * inputs> W1;
  std::array<double, hidden> b1;
  std::array<double, hidden> W2;
  std::array<double, 1> b2;
};

/// The mean loss and its gradient, laid out as the parameters.
struct loss_and_gradient {
  double loss;
  parameters gradient;
};

/// Seeded data: x uniform in [-1, 1]², y = sin(2·x1) + x2² − 0.5, no noise.
data make_data(unsigned seed = 1);

/// Seeded weights, every one uniform in [-1, 1], drawn in the order W1, b1, W2, b2.
parameters make_parameters(unsigned seed = 2);

/// What ctgrad's kernel returns: the gradient in ctgrad's own storage, where the sweep writes it,
/// so that the kernel does not copy it into the hand-written layout; the benchmark converts it
/// only to check it.
struct ctgrad_loss_and_gradient {
  double loss;
  ctgrad::gradient<double, ctgrad::var<"W1", hidden, inputs>, ctgrad::var<"b1", hidden>,
                   ctgrad::var<"W2", 1, hidden>, ctgrad::var<"b2", 1>>
      gradient;
  operator loss_and_gradient() const;
};

/// The network and loss as examples/mlp.cpp writes them, averaged over a dataset by
/// value_and_grad(loss, params, data), the documented call.
inline constexpr ctgrad::var<"W1", hidden, inputs> w1_var{};
inline constexpr ctgrad::var<"b1", hidden> b1_var{};
inline constexpr ctgrad::var<"W2", 1, hidden> w2_var{};
inline constexpr ctgrad::var<"b2", 1> b2_var{};
inline constexpr ctgrad::var<"x", inputs> x_var{};
inline constexpr ctgrad::var<"y"> y_var{};
inline constexpr auto documented_loss = ctgrad::nn::mse(w2_var * ctgrad::relu(w1_var * x_var + b1_var) + b2_var, y_var);
using model_parameters = ctgrad::parameters<double, ctgrad::var<"W1", hidden, inputs>, ctgrad::var<"b1", hidden>,
                                            ctgrad::var<"W2", 1, hidden>, ctgrad::var<"b2", 1>>;
using table = decltype(ctgrad::dataset(x_var = std::declval<const std::vector<std::array<double, inputs>>&>(),
                                       y_var = std::declval<const std::vector<double>&>()));

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
/// documented call (the parameters copied into ctgrad's storage, where a user's model keeps them,
/// and the dataset made over the vectors), and ctgrad tuned by hand: accumulate_grad per row with
/// 1/N as a compile-time factor.
loss_and_gradient loss_and_gradient_hand(const data& set, const parameters& theta);
loss_and_gradient loss_and_gradient_micrograd(const data& set, const parameters& theta);
documented_loss_and_gradient loss_and_gradient_ctgrad(const data& set, const parameters& theta);
ctgrad_loss_and_gradient loss_and_gradient_ctgrad_tuned(const data& set, const parameters& theta);
}  // namespace bench::w2
