// tests/diff/tensor_hessian_test.cpp: hessian with tensor variables (diff/hessian.hpp), forward
// over reverse in dual numbers: against the hand-derived Hessian of a tanh layer and of a mixed
// scalar-tensor expression, central differences of the gradient of a small network's loss in long
// double, symmetry, and the symbolic Hessian where both apply. And dual<T>'s own rules.
#include <ctgrad/diff/hessian.hpp>  // first: proves the header stands alone

#include <ctgrad/core/dual.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include "support/near.hpp"

#include <array>
#include <cmath>
#include <cstddef>

using namespace ctgrad;
using support::near;

namespace {
constexpr var<"W", 2, 3> W;
constexpr var<"x", 3> x;
constexpr var<"w", 3> w;
constexpr var<"a"> a;
}  // namespace

TEST_CASE("dual numbers carry the derivative of each operation along their tangent") {
  const dual<double> u{0.7, 1.0};  // d/du at u = 0.7
  CHECK((u * u).tangent == doctest::Approx(1.4));
  CHECK((1.0 / u).tangent == doctest::Approx(-1.0 / (0.7 * 0.7)));
  CHECK(sin(u).tangent == doctest::Approx(std::cos(0.7)));
  CHECK(exp(u).tangent == doctest::Approx(std::exp(0.7)));
  CHECK(log(u).tangent == doctest::Approx(1.0 / 0.7));
  CHECK(sqrt(u).tangent == doctest::Approx(0.5 / std::sqrt(0.7)));
  CHECK(tanh(u).tangent == doctest::Approx(1.0 - std::tanh(0.7) * std::tanh(0.7)));
  CHECK(pow(u, dual<double>{3.0}).tangent == doctest::Approx(3.0 * 0.49));
  CHECK(pow(dual<double>{2.0}, u).tangent == doctest::Approx(std::pow(2.0, 0.7) * std::log(2.0)));
  // == compares both parts, so a sweep treats an adjoint as zero only with a zero tangent.
  CHECK_FALSE(dual<double>{0.0, 1.0} == 0.0);
  CHECK(dual<double>{0.0, 1.0} < 0.5);
}

TEST_CASE("hessian of a tanh layer with respect to its matrix equals the hand-derived one") {
  parameters<double, var<"W", 2, 3>> p{};
  p.copy_from(std::array<double, 6>{0.3, -0.2, 0.5, -0.4, 0.1, 0.6});
  const std::array<double, 3> input{1.0, -2.0, 0.5};
  const auto H = hessian(sum(tanh(W * x)), wrt(W), at(p, x = input));
  static_assert(H.size() == 6 && H[0].size() == 6);
  // f = Σᵢ tanh(zᵢ), z = W·x: ∂²f/∂Wᵢₖ∂Wⱼₗ = [i = j]·(−2 tᵢ (1 − tᵢ²))·xₖ·xₗ.
  for (std::size_t i = 0; i < 2; ++i) {
    double z = 0;
    for (std::size_t k = 0; k < 3; ++k) z += p[W](i, k) * input[k];
    const double t = std::tanh(z);
    for (std::size_t j = 0; j < 2; ++j) {
      for (std::size_t k = 0; k < 3; ++k) {
        for (std::size_t l = 0; l < 3; ++l) {
          const double expected = i == j ? -2.0 * t * (1.0 - t * t) * input[k] * input[l] : 0.0;
          CHECK(H[3 * i + k][3 * j + l] == doctest::Approx(expected).epsilon(1e-13));
        }
      }
    }
  }
}

TEST_CASE("hessian of scalar and tensor variables together equals the hand-derived one") {
  // f = a·(w·w) + a²·Σw: ∂²f/∂wₖ∂wₗ = 2a·[k = l], ∂²f/∂wₖ∂a = 2wₖ + 2a, ∂²f/∂a² = 2Σw.
  const std::array<double, 3> wv{0.5, -1.5, 2.0};
  const double av = 1.25;
  const auto H = hessian(a * dot(w, w) + a * a * sum(w), wrt(w, a), at(w = wv, a = av));
  for (std::size_t k = 0; k < 3; ++k) {
    for (std::size_t l = 0; l < 3; ++l) CHECK(H[k][l] == (k == l ? 2.0 * av : 0.0));
    CHECK(H[k][3] == doctest::Approx(2.0 * wv[k] + 2.0 * av));
    CHECK(H[3][k] == doctest::Approx(2.0 * wv[k] + 2.0 * av));
  }
  CHECK(H[3][3] == doctest::Approx(2.0 * (0.5 - 1.5 + 2.0)));
}

TEST_CASE("hessian of a small network's loss equals central differences of its gradient") {
  constexpr var<"V", 2, 2> V;
  constexpr var<"b", 2> b;
  constexpr var<"u", 2> u;
  constexpr var<"y"> y;
  constexpr var<"in", 2> in;
  const auto loss = square(dot(u, tanh(V * in + b)) - y);
  using model = parameters<long double, var<"V", 2, 2>, var<"b", 2>, var<"u", 2>>;
  const std::array<long double, 8> numbers{0.4L, -0.3L, 0.2L, 0.7L, 0.1L, -0.2L, 0.9L, -0.6L};
  const std::array<long double, 2> row{0.8L, -1.1L};
  model p{};
  p.copy_from(numbers);
  const auto H = hessian(loss, wrt(V, b, u), at(p, in = row, y = 0.3L));
  const long double h = 1e-6L;
  for (std::size_t j = 0; j < 8; ++j) {
    auto plus = numbers, minus = numbers;
    plus[j] += h;
    minus[j] -= h;
    model up{}, down{};
    up.copy_from(plus);
    down.copy_from(minus);
    std::array<long double, 8> g_up{}, g_down{};
    value_and_grad(loss, wrt(V, b, u), at(up, in = row, y = 0.3L)).grad.copy_to(g_up);
    value_and_grad(loss, wrt(V, b, u), at(down, in = row, y = 0.3L)).grad.copy_to(g_down);
    for (std::size_t i = 0; i < 8; ++i) {
      CAPTURE(i);
      CAPTURE(j);
      CHECK(near(H[i][j], (g_up[i] - g_down[i]) / (2 * h), 1e-8L));
      CHECK(near(H[i][j], H[j][i], 1e-15L));
    }
  }
}

TEST_CASE("hessian with tensors agrees with the symbolic one on the same function written with scalars") {
  constexpr var<"p"> p0;
  constexpr var<"q"> p1;
  constexpr var<"v", 2> v;
  const std::array<double, 2> at_v{0.6, -0.9};
  const auto with_tensor = hessian(exp(sum(v)) * squared_norm(v), wrt(v), at(v = at_v));
  const auto with_scalars = hessian(exp(p0 + p1) * (p0 * p0 + p1 * p1), wrt(p0, p1), at(p0 = 0.6, p1 = -0.9));
  for (std::size_t i = 0; i < 2; ++i) {
    for (std::size_t j = 0; j < 2; ++j) CHECK(with_tensor[i][j] == doctest::Approx(with_scalars[i][j]).epsilon(1e-14));
  }
}
