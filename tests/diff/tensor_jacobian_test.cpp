// tests/diff/tensor_jacobian_test.cpp: Jacobians with tensors (diff/jacobian.hpp): a tensor-valued
// output (a layer relu(W·x + b)) and tensor variables, against the hand-derived Jacobian, central
// differences in long double and value_and_grad of each element; scalar outputs of tensor graphs
// listed with outputs(...); eval of such a list.
#include <ctgrad/diff/jacobian.hpp>  // first: proves the header stands alone

#include <ctgrad/core/eval.hpp>
#include <ctgrad/diff/hessian.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include "support/near.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <span>

using namespace ctgrad;
using support::near;

namespace {
constexpr var<"W", 3, 2> W;
constexpr var<"b", 3> b;
constexpr var<"x", 2> x;
constexpr var<"a"> a;
constexpr auto layer = relu(W * x + b);  // W * x is W·x for a matrix and a vector
using layer_params = parameters<long double, var<"W", 3, 2>, var<"b", 3>>;

// W's numbers and b's, in copy_to's order, and the input: z = W·x + b = (0.5, -0.225, 0.9), so the
// second unit is off.
constexpr std::array<long double, 9> numbers{1.0L, -0.5L, 0.25L, 0.5L, -1.0L, 2.0L, 0.25L, -0.6L, 0.4L};
constexpr std::array<long double, 2> input{0.5L, 0.5L};

}  // namespace

TEST_CASE("value_and_jacobian of a tensor-valued layer equals the hand-derived Jacobian") {
  layer_params p{};
  p.copy_from(numbers);
  const auto [value, J] = value_and_jacobian(layer, wrt(W, b), at(p, x = input));
  static_assert(decltype(J)::rows() == 3 && decltype(J)::cols() == 9);
  // z_i = Σ_k W_ik x_k + b_i; F_i = max(z_i, 0); ∂F_i/∂W_jk = [i = j]·x_k·[z_i > 0], ∂F_i/∂b_j = [i = j]·[z_i > 0].
  CHECK(value[0] == doctest::Approx(0.5));
  CHECK(value[1] == 0.0L);
  CHECK(value[2] == doctest::Approx(0.9));
  for (std::size_t i = 0; i < 3; ++i) {
    const long double on = (i == 1) ? 0.0L : 1.0L;
    CAPTURE(i);
    for (std::size_t j = 0; j < 3; ++j) {
      for (std::size_t k = 0; k < 2; ++k) CHECK(J(i, 2 * j + k) == (i == j ? on * input[k] : 0.0L));
      CHECK(J(i, 6 + j) == (i == j ? on : 0.0L));
    }
    // J(i, W) is row i's six numbers for W, J(i, b) its three for b.
    const std::span<const long double, 6> for_W = J(i, W);
    CHECK(for_W.data() == J.data() + i * 9);
    CHECK(J(i, b)[i] == on);
  }
  CHECK(value_and_jacobian(layer, wrt(W, b), at(p, x = input), reverse_mode).jacobian == J);
}

TEST_CASE("a tensor-valued output's Jacobian equals central differences and each element's gradient") {
  // A smooth map with a shared matrix product: F = tanh(W·x) ∘ (W·x) + b, of W, b and x.
  const auto F = hadamard(tanh(W * x), W * x) + b;
  parameters<long double, var<"W", 3, 2>, var<"b", 3>, var<"x", 2>> p{};
  std::array<long double, 11> flat{0.3L, -0.7L, 1.1L, 0.2L, -0.4L, 0.9L, 0.1L, -0.3L, 0.5L, 0.8L, -1.2L};
  p.copy_from(flat);
  const auto [value, J] = value_and_jacobian(F, wrt(W, b, x), at(p));
  static_assert(decltype(J)::cols() == 11);
  const long double h = 1e-6L;
  for (std::size_t column = 0; column < 11; ++column) {
    auto plus = flat, minus = flat;
    plus[column] += h;
    minus[column] -= h;
    decltype(p) up{}, down{};
    up.copy_from(plus);
    down.copy_from(minus);
    const auto f_up = eval(F, at(up));
    const auto f_down = eval(F, at(down));
    for (std::size_t i = 0; i < 3; ++i) {
      CAPTURE(i);
      CAPTURE(column);
      CHECK(near(J(i, column), (f_up[i] - f_down[i]) / (2 * h), 1e-9L));
    }
  }
  const auto f = eval(F, at(p));
  for (std::size_t i = 0; i < 3; ++i) CHECK(value[i] == f[i]);
  // Row 1 is the gradient of F's element 1, dot(e1, F), which value_and_grad differentiates alone.
  const std::array<long double, 3> e1{0.0L, 1.0L, 0.0L};
  constexpr var<"e", 3> e;
  const auto g = value_and_grad(dot(e, F), wrt(W, b, x), at(p, e = e1)).grad;
  const auto row = J.row(1);
  std::array<long double, 11> expected{}, actual{};
  g.copy_to(expected);
  row.copy_to(actual);
  for (std::size_t column = 0; column < 11; ++column) CHECK(near(actual[column], expected[column], 1e-15L));
}

TEST_CASE("scalar outputs of tensor graphs: one row each, from their own sweeps, and eval of them") {
  const auto f = outputs(dot(W * x, b), sum(b) * a, a * a);
  parameters<double, var<"W", 3, 2>, var<"b", 3>> p{};
  p.copy_from(std::array<double, 9>{1, 2, 3, 4, 5, 6, 0.5, -1.5, 2.0});
  const std::array<double, 2> row{1.0, -1.0};
  const auto point = at(p, x = row, a = 3.0);
  const auto [value, J] = value_and_jacobian(f, wrt(b, a), point);
  static_assert(decltype(J)::rows() == 3 && decltype(J)::cols() == 4);
  // W·x = (-1, -1, -1): dot(W·x, b) = -1; ∂/∂b = W·x, ∂/∂a = 0. sum(b)·a: ∂/∂b = a, ∂/∂a = sum(b).
  CHECK(value[0] == -1.0);
  CHECK(value[1] == 3.0);
  CHECK(value[2] == 9.0);
  CHECK(J.values == std::array<double, 12>{-1, -1, -1, 0, 3, 3, 3, 1.0, 0, 0, 0, 6});
  CHECK(J(2, a) == 6.0);
  CHECK(eval(f, point) == value);
  // With respect to a tensor variable only, and through the caller's buffers.
  std::array<double, 3> values{};
  std::array<double, 18> jacobian{};
  value_and_jacobian(f, wrt(W), point, values, jacobian);
  // ∂ dot(W·x, b)/∂W_jk = b_j·x_k; the others do not use W.
  CHECK(jacobian == std::array<double, 18>{0.5, -0.5, -1.5, 1.5, 2.0, -2.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  CHECK(values == value);
}

TEST_CASE("forward mode with tensors: dual numbers give the reverse sweeps' Jacobian, and jvp and hvp") {
  const auto F = hadamard(tanh(W * x), W * x) + b;
  parameters<long double, var<"W", 3, 2>, var<"b", 3>, var<"x", 2>> p{};
  p.copy_from(std::array<long double, 11>{0.3L, -0.7L, 1.1L, 0.2L, -0.4L, 0.9L, 0.1L, -0.3L, 0.5L, 0.8L, -1.2L});
  const auto reverse = value_and_jacobian(F, wrt(W, b, x), at(p), reverse_mode);
  const auto forward = value_and_jacobian(F, wrt(W, b, x), at(p), forward_mode);
  CHECK(forward.value == reverse.value);
  for (std::size_t k = 0; k < reverse.jacobian.size(); ++k) CHECK(near(forward.jacobian.values[k], reverse.jacobian.values[k], 1e-15L));
  // automatic_mode: 3 rows, 11 columns, so reverse.
  CHECK(value_and_jacobian(F, wrt(W, b, x), at(p)).jacobian == reverse.jacobian);
  // jvp along a direction is J·direction.
  std::array<long double, 11> direction{};
  for (std::size_t k = 0; k < 11; ++k) direction[k] = 0.1L * static_cast<long double>(k) - 0.4L;
  const auto [value, along] = jvp(F, wrt(W, b, x), at(p), direction);
  for (std::size_t i = 0; i < 3; ++i) {
    long double expected = 0;
    for (std::size_t k = 0; k < 11; ++k) expected += reverse.jacobian(i, k) * direction[k];
    CHECK(near(along[i], expected, 1e-15L));
    CHECK(value[i] == reverse.value[i]);
  }
  // Scalar outputs of tensor graphs in forward mode, as a list.
  const auto list = outputs(dot(W * x, b), sum(b) * sum(x));
  const auto list_reverse = value_and_jacobian(list, wrt(W, b, x), at(p), reverse_mode);
  const auto list_forward = value_and_jacobian(list, wrt(W, b, x), at(p), forward_mode);
  CHECK(list_forward.value == list_reverse.value);
  for (std::size_t k = 0; k < list_reverse.jacobian.size(); ++k) {
    CHECK(near(list_forward.jacobian.values[k], list_reverse.jacobian.values[k], 1e-15L));
  }
  // hvp with tensors: H·direction and the gradient, as hessian and value_and_grad give them.
  const auto f = dot(F, F);
  const auto H = hessian(f, wrt(W, b, x), at(p));
  const auto [gradient_value, product] = hvp(f, wrt(W, b, x), at(p), direction);
  std::array<long double, 11> g{};
  value_and_grad(f, wrt(W, b, x), at(p)).grad.copy_to(g);
  for (std::size_t i = 0; i < 11; ++i) {
    long double expected = 0;
    for (std::size_t k = 0; k < 11; ++k) expected += H[i][k] * direction[k];
    CHECK(near(product[i], expected, 1e-14L));
    CHECK(near(gradient_value[i], g[i], 1e-15L));
  }
}
