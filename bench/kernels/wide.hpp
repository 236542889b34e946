// bench/kernels/wide.hpp: W3's network with hidden width H, the grid of docs/benchmarks.md's
// "Wide layers" section: score = W3·relu(W2·relu(W1·x + b1) + b2) + b3 with x ∈ R² and two layers
// of H units, loss = mean over the N rows of max(0, 1 − y·score) + 1e-4·Σ p² over all
// H² + 5H + 1 weights and biases, on W3's moons data made for N rows. H is a template argument
// (the kernels' shapes), N a run-time size (the data set's).
//
// The hand-written kernel is a template here, so that every benchmark binary (bench/runtime/wide.cpp,
// bench/peers/torch.cpp) compiles its own; ctgrad's documented call is compiled once, in wide.cpp,
// for the widths of the grid. bench/peers/workloads.hpp makes each point (H, N) a workload.
#pragma once

#include "w3.hpp"

#include <ctgrad/ctgrad.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <random>

namespace bench::wide {
inline constexpr std::size_t inputs = bench::w3::inputs;
inline constexpr double alpha = bench::w3::alpha;  // the weight of the L2 penalty, 1e-4

/// The grid: every width with every row count.
inline constexpr std::array<std::size_t, 3> widths{16, 64, 256};
inline constexpr std::array<std::size_t, 2> row_counts{100, 1000};

/// Rows of W3's moons: make_moons(rows, 0.1, 1), W3's own 100 rows for rows = 100.
using data = bench::w3::data;
inline data make_data(std::size_t rows) { return bench::w3::make_moons(rows, 0.1, 1); }

/// The weights, row-major as W3's: W1(i, j) = W1[i·2 + j], W2(i, j) = W2[i·H + j], W3(0, i) = W3[i].
template <std::size_t H>
struct parameters {
  std::array<double, H * inputs> W1;
  std::array<double, H> b1;
  std::array<double, H * H> W2;
  std::array<double, H> b2;
  std::array<double, H> W3;
  std::array<double, 1> b3;
};

template <std::size_t H>
struct loss_and_gradient {
  double loss;
  parameters<H> gradient;
};

/// torch.nn.Linear's default initialisation: every weight and bias of a layer with k inputs
/// uniform in [−1/√k, 1/√k], drawn in the order W1, b1, W2, b2, W3, b3. Not W3's U(−1, 1): at
/// H = 256 that gives scores of ±100, most rows then have a zero hinge, and the hand-written kernel
/// skips their backward pass, so the grid would time the skipping rather than the layers. With
/// this scale every row's margin is positive at the timed point (bench/runtime/wide.cpp checks it).
template <std::size_t H>
parameters<H> make_parameters(unsigned seed = 2) {
  std::mt19937 generator(seed);
  const auto fill = [&generator](auto& block, std::size_t fan_in) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
    std::uniform_real_distribution<double> weight(-bound, bound);
    for (double& w : block) w = weight(generator);
  };
  parameters<H> theta{};
  fill(theta.W1, inputs);
  fill(theta.b1, inputs);
  fill(theta.W2, H);
  fill(theta.b2, H);
  fill(theta.W3, H);
  fill(theta.b3, H);
  return theta;
}

/// The floating-point operations of one loss and gradient over `rows` rows, a multiply-add
/// counted as 2. Each linear layer of Out×In weights costs Out·In multiply-adds per row forward
/// (W·x), as many for its weight gradient (dW += dz·xᵀ) and as many for its input's gradient
/// (dx = Wᵀ·dz), which the first layer does not need (x is data). With layers H×2, H×H and 1×H:
///   forward  2H + H² + H            = H² + 3H    multiply-adds per row,
///   backward 2H + 2H² + 2H          = 2H² + 4H   multiply-adds per row (weight and input gradients),
/// so 2·(3H² + 7H) = 6H² + 14H flops per row; then the penalty, α·p² into the loss and 2α·p into
/// the gradient, 2 multiply-adds for each of the H² + 5H + 1 parameters, once per call. Bias
/// additions, ReLU and its mask, and the hinge are not counted (O(H) per row, not multiply-adds).
constexpr double flops(std::size_t H, std::size_t rows) {
  const double h = static_cast<double>(H);
  return static_cast<double>(rows) * (6.0 * h * h + 14.0 * h) + 4.0 * (h * h + 5.0 * h + 1.0);
}

/// W3's hand-written kernel (bench/kernels/w3.hpp's hand_kernel) with width H and the data set's
/// N rows: forward then backward per row, plain loops, a row whose hinge is flat skipped.
template <std::size_t H>
loss_and_gradient<H> hand(const data& set, const parameters<H>& theta) {
  return bench::w3::hand_kernel<H, 0, loss_and_gradient<H>>(set, theta);
}

/// The rows whose hinge is not flat at θ (margin > 0), whose backward pass the hand-written kernel
/// runs: a row alone gives b3 the gradient −y + 2α·b3 if so, 2α·b3 if it is skipped.
template <std::size_t H>
std::size_t active_rows(const data& set, const parameters<H>& theta) {
  std::size_t active = 0;
  for (std::size_t n = 0; n < set.y.size(); ++n) {
    active += hand<H>(data{{set.x[n]}, {set.y[n]}}, theta).gradient.b3[0] != 2.0 * alpha * theta.b3[0];
  }
  return active;
}

/// The model as examples/moons.cpp writes it, with width H (bench/kernels/w3.hpp's network), and
/// what its documented call returns, converted to the hand-written layout only to check it.
template <std::size_t H>
using network = bench::w3::network<H>;
template <std::size_t H>
struct documented_loss_and_gradient {
  typename network<H>::result result;
  operator loss_and_gradient<H>() const;
};

/// ctgrad's documented call: θ copied into ctgrad's storage (where a user's model keeps its
/// parameters), the dataset made over the vectors, value_and_grad(loss, params, rows). Defined in
/// wide.cpp for the widths of the grid.
template <std::size_t H>
documented_loss_and_gradient<H> documented(const data& set, const parameters<H>& theta);

extern template struct documented_loss_and_gradient<16>;
extern template struct documented_loss_and_gradient<64>;
extern template struct documented_loss_and_gradient<256>;
extern template documented_loss_and_gradient<16> documented<16>(const data&, const parameters<16>&);
extern template documented_loss_and_gradient<64> documented<64>(const data&, const parameters<64>&);
extern template documented_loss_and_gradient<256> documented<256>(const data&, const parameters<256>&);
}  // namespace bench::wide
