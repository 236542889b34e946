// bench/kernels/w2.hpp: workload W2 of docs/benchmarks.md, the article's §5.2 network done right:
// ŷ = W2·relu(W1·x + b1) + b2 with x ∈ R², 16 hidden units, and loss = mean over N = 256 rows of
// (y − ŷ)²; full-batch loss and gradient w.r.t. W1, b1, W2, b2.
#pragma once

#include <ctgrad/core/var.hpp>
#include <ctgrad/core/variable_values.hpp>

#include <array>
#include <cstddef>

namespace bench::w2 {
inline constexpr std::size_t rows = 256;
inline constexpr std::size_t inputs = 2;
inline constexpr std::size_t hidden = 16;

/// The data set, one row per sample (no heap): x[n] = (x1, x2), y[n] its target.
struct data {
  std::array<std::array<double, inputs>, rows> x;
  std::array<double, rows> y;
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

/// The kernels compared: gradient code written by hand, a micrograd-style runtime graph, and
/// ctgrad's accumulate_grad of the network written as one expression.
loss_and_gradient loss_and_gradient_hand(const data& set, const parameters& theta);
loss_and_gradient loss_and_gradient_micrograd(const data& set, const parameters& theta);
ctgrad_loss_and_gradient loss_and_gradient_ctgrad(const data& set, const parameters& theta);
}  // namespace bench::w2
