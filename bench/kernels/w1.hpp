// bench/kernels/w1.hpp: workload W1 of docs/benchmarks.md, linear regression ŷ = θ1·x1 + θ2·x2 + b with
// loss = mean over N = 1024 rows of (y − ŷ)², full-batch loss and gradient w.r.t. θ1, θ2, b.
#pragma once

#include <array>
#include <cstddef>

namespace bench::w1 {
inline constexpr std::size_t rows = 1024;

/// The data set, as columns in fixed-size arrays (no heap).
struct data {
  std::array<double, rows> x1;
  std::array<double, rows> x2;
  std::array<double, rows> y;
};

/// Parameters θ1, θ2, b and the result: the mean loss and its gradient.
using parameters = std::array<double, 3>;
struct loss_and_gradient {
  double loss;
  parameters gradient;
};

/// Seeded data: y = 2·x1 − 3·x2 + 0.5 + noise, x uniform in [-1, 1].
data make_data(unsigned seed = 1);

/// The parameters every W1 benchmark starts from: θ1, θ2, b, away from the optimum.
inline parameters make_parameters() { return {0.3, -0.7, 0.1}; }

/// The kernels compared: ctgrad's value_and_grad per row, and gradient code written by hand.
loss_and_gradient loss_and_gradient_ctgrad(const data& set, const parameters& theta);
loss_and_gradient loss_and_gradient_hand(const data& set, const parameters& theta);
}  // namespace bench::w1
