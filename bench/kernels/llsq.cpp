// bench/kernels/llsq.cpp: the llsq kernels, ctgrad beside hand-written.
#include "llsq.hpp"

#include <random>

namespace bench::llsq {
data make_data(std::size_t rows) {
  data set;
  for (std::size_t i = 0; i < rows; ++i) {
    const double t = -1.0 + 2.0 * static_cast<double>(i) / static_cast<double>(rows - 1);
    std::array<double, coefficients> row{};
    double power = 1.0;
    for (double& p : row) {
      p = power;
      power *= t;
    }
    set.powers.push_back(row);
    set.t.push_back(t);
    set.s.push_back(t > 0 ? 1.0 : t < 0 ? -1.0 : 0.0);
  }
  return set;
}

std::array<double, coefficients> make_parameters(unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> coefficient(-0.5, 0.5);
  std::array<double, coefficients> x{};
  for (double& c : x) c = coefficient(generator);
  return x;
}

documented_result loss_and_gradient_documented(const model_parameters& params, const table& rows) {
  return ctgrad::value_and_grad(row_loss, params, rows);
}

loss_and_gradient loss_and_gradient_ctgrad(const data& set, const std::array<double, coefficients>& x) {
  model_parameters params{};
  params.copy_from(x);
  const auto [value, g] = loss_and_gradient_documented(params, ctgrad::dataset(p_var = set.powers, s_var = set.s));
  return {value, g[x_var].values};
}

loss_and_gradient loss_and_gradient_hand(const data& set, const std::array<double, coefficients>& x_in) {
  loss_and_gradient sum{};
  const std::size_t rows = set.s.size();
  for (std::size_t i = 0; i < rows; ++i) {
    const auto& row = set.powers[i];
    double fit = 0.0;
    for (std::size_t j = 0; j < coefficients; ++j) fit += x_in[j] * row[j];
    const double residual = set.s[i] - fit;
    sum.loss += 0.5 * residual * residual;
    for (std::size_t j = 0; j < coefficients; ++j) sum.gradient[j] -= residual * row[j];
  }
  const double scale = 1.0 / static_cast<double>(rows);
  sum.loss *= scale;
  for (double& g : sum.gradient) g *= scale;
  return sum;
}

loss_and_gradient loss_and_gradient_hand_on_the_fly(const data& set, const std::array<double, coefficients>& x_in) {
  loss_and_gradient sum{};
  const std::size_t rows = set.s.size();
  for (std::size_t i = 0; i < rows; ++i) {
    const double t = set.t[i];
    double fit = 0.0, power = 1.0;
    for (std::size_t j = 0; j < coefficients; ++j) {
      fit += x_in[j] * power;
      power *= t;
    }
    const double residual = set.s[i] - fit;
    sum.loss += 0.5 * residual * residual;
    power = 1.0;
    for (std::size_t j = 0; j < coefficients; ++j) {
      sum.gradient[j] -= residual * power;
      power *= t;
    }
  }
  const double scale = 1.0 / static_cast<double>(rows);
  sum.loss *= scale;
  for (double& g : sum.gradient) g *= scale;
  return sum;
}
}  // namespace bench::llsq
