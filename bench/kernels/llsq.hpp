// bench/kernels/llsq.hpp: GradBench's llsq objective, linear least squares of a polynomial fit:
//   y(x) = ½ Σᵢ (sᵢ − Σⱼ xⱼ tᵢʲ)²,  m = 128 coefficients x, n rows, tᵢ = −1 + 2i/(n − 1), sᵢ = sign(tᵢ),
// here as the mean over the rows (value_and_grad(loss, params, data) is a mean) and its gradient
// with respect to x. A row's powers tᵢʲ are a data column: ctgrad's expressions have no power
// series, so a user precomputes them once, and the hand-written loop reads the same numbers
// (a loop that computes the powers on the fly is timed beside them, labelled).
#pragma once

#include <ctgrad/ctgrad.hpp>

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

namespace bench::llsq {
inline constexpr std::size_t coefficients = 128;

struct data {
  std::vector<std::array<double, coefficients>> powers;  // row i: tᵢ⁰ … tᵢ¹²⁷
  std::vector<double> t;
  std::vector<double> s;
};

struct loss_and_gradient {
  double loss;
  std::array<double, coefficients> gradient;
};

/// n rows as GradBench makes them.
data make_data(std::size_t rows);

/// Seeded coefficients, small enough that the fit is not trivial.
std::array<double, coefficients> make_parameters(unsigned seed = 1);

/// The loss of one row as a ctgrad user writes it, and the types of the documented call.
inline constexpr ctgrad::var<"x", coefficients> x_var{};  // the coefficients
inline constexpr ctgrad::var<"p", coefficients> p_var{};  // a row's powers of t
inline constexpr ctgrad::var<"s"> s_var{};
inline constexpr auto row_loss = ctgrad::rational<1, 2>{} * ctgrad::square(s_var - ctgrad::dot(x_var, p_var));
using model_parameters = ctgrad::parameters<double, ctgrad::var<"x", coefficients>>;
using table = decltype(ctgrad::dataset(p_var = std::declval<const std::vector<std::array<double, coefficients>>&>(),
                                       s_var = std::declval<const std::vector<double>&>()));
using documented_result = decltype(ctgrad::value_and_grad(row_loss, std::declval<const model_parameters&>(),
                                                          std::declval<const table&>()));

/// value_and_grad(row_loss, params, rows): the documented call alone, whose assembly tests/asm
/// checks.
documented_result loss_and_gradient_documented(const model_parameters& params, const table& rows);

/// The kernels: ctgrad's value_and_grad(loss, params, data) as the reference page writes it (the
/// coefficients copied into a parameters object and the data set made over the vectors, as a
/// user's loop does), the loop written by hand over the same powers, and a hand loop that
/// computes the powers itself.
loss_and_gradient loss_and_gradient_ctgrad(const data& set, const std::array<double, coefficients>& x);
loss_and_gradient loss_and_gradient_hand(const data& set, const std::array<double, coefficients>& x);
loss_and_gradient loss_and_gradient_hand_on_the_fly(const data& set, const std::array<double, coefficients>& x);
}  // namespace bench::llsq
