// tests/diff/tensor_reverse_test.cpp: the reverse sweep through tensor expressions.
#include <ctgrad/diff/reverse.hpp>  // first: proves the header stands alone

#include <ctgrad/nn/loss.hpp>
#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <random>
#include <type_traits>
#include <vector>

using namespace ctgrad;
constexpr var<"s"> s;
constexpr var<"v", 4> v;
constexpr var<"w", 4> w;

// A tiny 2×2 network differentiated at compile time: L = ‖W·x − y‖² + Σ relu(W·x).
namespace tiny {
constexpr var<"W", 2, 2> W;
constexpr var<"x", 2> x;
constexpr var<"y", 2> y;
constexpr auto loss = squared_norm(W * x - y) + sum(relu(W * x));
constexpr tensor<double, 2, 2> w0{{1, -2, 0.5, 1}};
constexpr tensor<double, 2> x0{{1, 1}};
constexpr tensor<double, 2> y0{{0, 1}};
constexpr auto result = value_and_grad(loss, wrt(W, x), at(W = w0, x = x0, y = y0));
// W·x = (−1, 1.5), r = W·x − y = (−1, 0.5): L = 1.25 + 1.5; ∂L/∂W = (2r + step(W·x))·xᵀ and
// ∂L/∂x = Wᵀ·(2r + step(W·x)) = Wᵀ·(−2, 2).
static_assert(result.value == 2.75);
static_assert(result.grad[W] == tensor<double, 2, 2>{{-2, -2, 2, 2}});
static_assert(result.grad[x] == tensor<double, 2>{{-1, 6}});
}  // namespace tiny


TEST_CASE("diff/tensor_reverse: value_and_grad returns tensors shaped like the variables") {
  const tensor<float, 4> a{{1, 2, 3, 4}};
  const auto [value, g] = value_and_grad(sum(exp(v)) * s, wrt(v, s), at(v = a, s = 2.0f));
  static_assert(std::is_same_v<decltype(value), const float>);
  static_assert(std::is_same_v<decltype(g), const gradient<float, var<"v", 4>, var<"s">>>);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(g[v])>, tensor<float, 4>>);
  CHECK(g[v][3] == 2.0f * std::exp(4.0f));
  CHECK(g[s] == doctest::Approx(std::exp(1.0) + std::exp(2.0) + std::exp(3.0) + std::exp(4.0)).epsilon(1e-6));
}

TEST_CASE("diff/tensor_reverse: every scalar function applies element by element") {
  const tensor<double, 4> a{{0.5, -1.25, 2.0, 0.0}};
  const auto each = [&](auto f, auto reference) {
    const auto result = eval(f, at(v = a));
    for (std::size_t k = 0; k < 4; ++k) CHECK(result[k] == reference(a[k]));
  };
  each(sin(v), [](double e) { return std::sin(e); });
  each(exp(v), [](double e) { return std::exp(e); });
  each(tanh(v), [](double e) { return std::tanh(e); });
  each(relu(v), [](double e) { return e > 0 ? e : 0.0; });
  each(abs(v), [](double e) { return std::fabs(e); });
  each(pow<3>(v), [](double e) { return e * e * e; });
  each(-v, [](double e) { return -e; });
  each(sigmoid(v), [](double e) { return 1 / (1 + std::exp(-e)); });
}

TEST_CASE("diff/tensor_reverse: elementwise functions of tensors match central finite differences") {
  using values = parameters<double, var<"v", 4>, var<"w", 4>>;
  const auto p = random_values<values>(101, -2.0, 2.0);
  const auto smooth = sum(hadamard(sin(v), cos(w)) + exp(v) / (2.0 + tanh(w)) - sigmoid(v - w));
  const auto kinked = sum(log(1.5 + sin(v)) + sqrt(2.0 + cos(w)) + pow<3>(v) - hadamard(abs(v), relu(w)) +
                          max(v, w) - min(v, w));
  const auto powers = sum(pow(1.0 + exp(v), w) + xlogy(1.0 + exp(w), 2.0 + sin(v)) - v / (3.0 + w));
  check_tensor_gradient(smooth, p);
  check_tensor_gradient<double>(kinked, p);  // float once is enough: the rules are the same templates
  check_tensor_gradient<double>(powers, p);
}

TEST_CASE("diff/tensor_reverse: a broadcast scalar's adjoint is the sum over the elements") {
  const tensor<double, 4> a{{0.5, -1.25, 2.0, 3.0}};
  CHECK(grad(sum(v * s), wrt(s), at(v = a, s = 2.0))[s] == eval(sum(v), at(v = a)));
  CHECK(grad(sum(v + s), wrt(s), at(v = a, s = 2.0))[s] == 4.0);
  CHECK(grad(sum(s - v), wrt(s), at(v = a, s = 2.0))[s] == 4.0);
  CHECK(grad(sum(v - s), wrt(s), at(v = a, s = 2.0))[s] == -4.0);
  CHECK(grad(sum(max(v, s)), wrt(s), at(v = a, s = 1.0))[s] == 2.0);  // max picks s in two places
  using values = parameters<double, var<"v", 4>, var<"s">>;
  const auto broadcast = sum(hadamard(v, v) * s + (s - v) / (2.0 + s * s) + max(v, s) + pow(exp(v), s) + s / (3.0 + v));
  check_tensor_gradient(broadcast, random_values<values>(102, -1.5, 1.5));
}

TEST_CASE("diff/tensor_reverse: accumulate_grad adds a tensor gradient into g and returns the value") {
  const tensor<double, 4> a{{1, 2, 3, 4}};
  gradient<double, var<"v", 4>> g;
  g[v] = tensor<double, 4>{{10, 10, 10, 10}};
  const double value = accumulate_grad(squared_norm(v), wrt(v), at(v = a), g);
  CHECK(value == 30.0);
  CHECK(g[v] == tensor<double, 4>{{12, 14, 16, 18}});
}

// The backward sweep of a layer is one loop over its units (diff/backward_loop.hpp); each way an
// operand leaves that loop has its own path, and each is checked against central differences.
TEST_CASE("diff/tensor_reverse: a layer's backward loop passes every kind of operand on") {
  constexpr var<"A", 4, 3> A;
  constexpr var<"M", 3, 4> M;
  constexpr var<"b", 4> b;
  constexpr var<"u", 3> u;
  constexpr var<"r", 1, 4> r;
  constexpr var<"Q", 3, 3> Q;
  using values = parameters<double, var<"A", 4, 3>, var<"M", 3, 4>, var<"b", 4>, var<"u", 3>,
                            var<"r", 1, 4>, var<"s">, var<"Q", 3, 3>>;
  const auto p = random_values<values>(105, -1.5, 1.5);
  SUBCASE("two layers: the lower layer's vector adjoint is summed over the upper loop's rows") {
    check_tensor_gradient(sum(r * tanh(A * sin(u) + b)), p);
  }
  SUBCASE("the vector of a product is a variable, read by the column loop of an output row") {
    check_tensor_gradient(square(sum(r * tanh(A * u))), p);
  }
  SUBCASE("a matrix that is not a variable keeps its adjoint in a slot, swept after the loop") {
    check_tensor_gradient(sum(relu(transpose(M) * u + b) * s), p);
  }
  SUBCASE("a variable twice in one loop: the first write assigns, the second adds") {
    check_tensor_gradient(sum(hadamard(b, relu(A * u + b)) + b * s), p);
  }
  SUBCASE("a broadcast scalar's adjoint is summed over the loop") {
    check_tensor_gradient(sum(exp(s * b) + tanh(A * u) * s), p);
  }
  SUBCASE("an operand computed by a structural op is swept after the loop, element by element") {
    check_tensor_gradient(sum(hadamard(sin(transpose(Q)), Q * s)), p);
  }
}

TEST_CASE("diff/tensor_reverse: relu records its derivative; relu'(0) stays 0 and a NaN stays NaN") {
  constexpr var<"z", 3> z;
  const tensor<double, 3> at_kink{{0.0, -0.0, 2.0}};
  const auto g = grad(sum(relu(z) * 3.0), wrt(z), at(z = at_kink));
  CHECK(g[z] == tensor<double, 3>{{0.0, 0.0, 3.0}});
  const tensor<double, 3> with_nan{{std::nan(""), -1.0, 1.0}};
  const auto value = eval(relu(z), at(z = with_nan));
  CHECK(std::isnan(value[0]));
  CHECK(value[1] == 0.0);
  CHECK(value[2] == 1.0);
}

// W2, the article's §5.2 network done right: 2 → 16 (ReLU) → 1, MSE, over a dataset.
namespace w2 {
constexpr var<"W1", 16, 2> W1;  // 16×2: ctgrad multiplies W·x (the article's θ1 is its transpose)
constexpr var<"b1", 16> b1;
constexpr var<"W2", 1, 16> W2;
constexpr var<"b2", 1> b2;
constexpr var<"x", 2> X;
constexpr var<"y"> Y;
constexpr auto loss = nn::mse(W2 * relu(W1 * X + b1) + b2, Y);
using params_type = parameters<double, var<"W1", 16, 2>, var<"b1", 16>, var<"W2", 1, 16>, var<"b2", 1>>;

/// The mean loss and gradient over the rows, by hand: forward, then dW2 = δ·hᵀ, dh = W2ᵀ·δ, and so on.
params_type hand_gradient(const params_type& p, const std::vector<std::array<double, 2>>& xs,
                          const std::vector<double>& ys, double& loss_out) {
  params_type g;
  loss_out = 0;
  const double n = static_cast<double>(ys.size());
  for (std::size_t row = 0; row < ys.size(); ++row) {
    std::array<double, 16> pre{}, h{};
    double prediction = p[b2][0];
    for (std::size_t i = 0; i < 16; ++i) {
      pre[i] = p[W1](i, 0) * xs[row][0] + p[W1](i, 1) * xs[row][1] + p[b1][i];
      h[i] = pre[i] > 0 ? pre[i] : 0;
      prediction += p[W2](0, i) * h[i];
    }
    const double error = prediction - ys[row];
    loss_out += error * error / n;
    const double delta = 2 * error / n;
    g[b2][0] += delta;
    for (std::size_t i = 0; i < 16; ++i) {
      g[W2](0, i) += delta * h[i];
      const double dpre = pre[i] > 0 ? delta * p[W2](0, i) : 0;
      g[b1][i] += dpre;
      g[W1](i, 0) += dpre * xs[row][0];
      g[W1](i, 1) += dpre * xs[row][1];
    }
  }
  return g;
}
}  // namespace w2

TEST_CASE("diff/tensor_reverse: W2's loss and gradient equal hand-written backpropagation") {
  using namespace w2;
  std::mt19937 engine(103);
  const auto uniform = [&] { return 2.0 * static_cast<double>(engine()) / 4294967296.0 - 1.0; };
  std::vector<std::array<double, 2>> xs(64);
  std::vector<double> ys(64);
  for (std::size_t n = 0; n < xs.size(); ++n) {
    xs[n] = {uniform(), uniform()};
    ys[n] = std::sin(3 * xs[n][0]) * xs[n][1];
  }
  const params_type p = random_values<params_type>(104);
  double expected_loss = 0;
  const params_type expected = hand_gradient(p, xs, ys, expected_loss);
  const auto result = value_and_grad(loss, p, dataset(X = xs, Y = ys));  // no structured binding: clang 14 lambdas
  CHECK(result.value == doctest::Approx(expected_loss).epsilon(1e-13));
  expected.for_each([&](auto variable, const auto& partials) {
    CAPTURE(decltype(variable)::name);
    for (std::size_t k = 0; k < partials.size; ++k) {
      CAPTURE(k);
      CHECK(std::fabs(result.grad[variable][k] - partials[k]) <= 1e-13 + 1e-12 * std::fabs(partials[k]));
    }
  });

}
