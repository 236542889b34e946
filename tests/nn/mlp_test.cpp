// tests/nn/mlp_test.cpp
#include <ctgrad/nn/mlp.hpp>  // first: proves the header stands alone

#include <ctgrad/core/dataset.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/nn/init.hpp>
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
using moons = nn::mlp<"moons", 2, 16, 16, 1>;  // micrograd's demo model, workload W3
constexpr moons net;
constexpr var<"x", 2> X;
constexpr var<"y"> Y;
constexpr auto W1 = moons::layer<0>::weight;
constexpr auto b1 = moons::layer<0>::bias;
constexpr auto W2 = moons::layer<1>::weight;
constexpr auto b2 = moons::layer<1>::bias;
constexpr auto W3 = moons::layer<2>::weight;
constexpr auto b3 = moons::layer<2>::bias;

static_assert(moons::depth == 3);
static_assert(std::is_same_v<std::remove_cv_t<decltype(W1)>, var<"moons.0.W", 16, 2>>);
static_assert(std::is_same_v<std::remove_cv_t<decltype(b2)>, var<"moons.1.b", 16>>);
static_assert(std::is_same_v<std::remove_cv_t<decltype(W3)>, var<"moons.2.W", 1, 16>>);
static_assert(decltype(moons::parameters())::size == 6);
static_assert(decltype(moons::parameters())::contains<var<"moons.2.b", 1>>);
static_assert(std::is_same_v<detail::shape_of_t<decltype(net(X))>, shape<1>>);
static_assert(std::is_empty_v<decltype(net(X))>);  // the whole network is a type
// ReLU between layers, none after the last: W3·relu(W2·relu(W1·x + b1) + b2) + b3.
static_assert(std::is_same_v<decltype(net(X)), decltype(W3 * relu(W2 * relu(W1 * X + b1) + b2) + b3)>);

namespace {
constexpr double alpha = 1e-4;
// Micrograd's loss: the mean over rows of the hinge plus alpha·Σp² once. Adding alpha·Σp² to every
// row's loss gives the same total, because the mean of a constant is the constant.
constexpr auto row_loss = nn::hinge(net(X), Y) + alpha * nn::l2(moons::parameters());
using params_type = decltype(init_params(moons::parameters(), 1));

struct rows {
  std::vector<std::array<double, 2>> x;
  std::vector<double> y;
};

rows some_rows(std::size_t count) {
  std::mt19937 engine(91);
  const auto uniform = [&] { return 3.0 * static_cast<double>(engine()) / 4294967296.0 - 1.5; };
  rows data;
  for (std::size_t n = 0; n < count; ++n) {
    const double a = uniform(), b = uniform();
    data.x.push_back({a, b});
    data.y.push_back(a * a - b > 0.2 ? 1.0 : -1.0);
  }
  return data;
}

/// The mean loss and gradient of W3 written out by hand over plain arrays, the way bench/'s
/// reference does it but independently: forward, then the chain rule layer by layer.
struct hand_result {
  double loss = 0;
  std::array<double, 32> dW1{};
  std::array<double, 16> db1{};
  std::array<double, 256> dW2{};
  std::array<double, 16> db2{};
  std::array<double, 16> dW3{};
  double db3 = 0;
};

hand_result hand_written(const params_type& p, const rows& data) {
  hand_result r;
  const double n = static_cast<double>(data.y.size());
  for (std::size_t row = 0; row < data.y.size(); ++row) {
    const auto& x = data.x[row];
    std::array<double, 16> a1{}, h1{}, a2{}, h2{};
    for (std::size_t i = 0; i < 16; ++i) {
      a1[i] = p[W1](i, 0) * x[0] + p[W1](i, 1) * x[1] + p[b1][i];
      h1[i] = a1[i] > 0 ? a1[i] : 0;
    }
    for (std::size_t i = 0; i < 16; ++i) {
      a2[i] = p[b2][i];
      for (std::size_t j = 0; j < 16; ++j) a2[i] += p[W2](i, j) * h1[j];
      h2[i] = a2[i] > 0 ? a2[i] : 0;
    }
    double score = p[b3][0];
    for (std::size_t i = 0; i < 16; ++i) score += p[W3](0, i) * h2[i];
    const double margin = 1 - data.y[row] * score;
    r.loss += (margin > 0 ? margin : 0) / n;
    const double dscore = margin > 0 ? -data.y[row] / n : 0;
    r.db3 += dscore;
    std::array<double, 16> da2{}, da1{};
    for (std::size_t i = 0; i < 16; ++i) {
      r.dW3[i] += dscore * h2[i];
      da2[i] = a2[i] > 0 ? dscore * p[W3](0, i) : 0;
      r.db2[i] += da2[i];
      for (std::size_t j = 0; j < 16; ++j) r.dW2[i * 16 + j] += da2[i] * h1[j];
    }
    for (std::size_t j = 0; j < 16; ++j) {
      double dh1 = 0;
      for (std::size_t i = 0; i < 16; ++i) dh1 += da2[i] * p[W2](i, j);
      da1[j] = a1[j] > 0 ? dh1 : 0;
      r.db1[j] += da1[j];
      r.dW1[j * 2 + 0] += da1[j] * x[0];
      r.dW1[j * 2 + 1] += da1[j] * x[1];
    }
  }
  // + alpha·Σp²: its gradient 2·alpha·p.
  const auto penalty = [&](auto& gradient, const auto& value) {
    for (std::size_t k = 0; k < gradient.size(); ++k) {
      r.loss += alpha * value[k] * value[k];
      gradient[k] += 2 * alpha * value[k];
    }
  };
  penalty(r.dW1, p[W1]);
  penalty(r.db1, p[b1]);
  penalty(r.dW2, p[W2]);
  penalty(r.db2, p[b2]);
  penalty(r.dW3, p[W3]);
  r.loss += alpha * p[b3][0] * p[b3][0];
  r.db3 += 2 * alpha * p[b3][0];
  return r;
}

template <class Actual, class Expected>
void check_close(const Actual& actual, const Expected& expected) {
  for (std::size_t k = 0; k < expected.size(); ++k) {
    CAPTURE(k);
    CHECK(std::fabs(actual[k] - expected[k]) <= 1e-13 + 1e-12 * std::fabs(expected[k]));
  }
}
}  // namespace

TEST_CASE("nn/mlp: W3's loss and gradient over a dataset equal hand-written backpropagation") {
  const rows data = some_rows(24);
  const params_type p = init_params(moons::parameters(), 7);
  const auto [loss, g] = value_and_grad(row_loss, p, dataset(X = data.x, Y = data.y));
  const hand_result expected = hand_written(p, data);
  CHECK(loss == doctest::Approx(expected.loss).epsilon(1e-13));
  check_close(g[W1], expected.dW1);
  check_close(g[b1], expected.db1);
  check_close(g[W2], expected.dW2);
  check_close(g[b2], expected.db2);
  check_close(g[W3], expected.dW3);
  CHECK(g[b3][0] == doctest::Approx(expected.db3).epsilon(1e-12));
  CHECK(expected.db3 != 2 * alpha * p[b3][0]);  // some rows violate the margin: the hinge is tested
}

TEST_CASE("nn/mlp: basic_mlp takes another activation, here tanh") {
  using tanh_net = nn::basic_mlp<tanh_op, "t", 2, 3, 1>;
  constexpr tanh_net small;
  static_assert(std::is_same_v<decltype(small(X)), decltype(tanh_net::layer<1>{}(tanh(tanh_net::layer<0>{}(X))))>);
  using row = parameters<double, var<"x", 2>, var<"y">>;
  check_tensor_gradient(nn::mse(small(X), Y), init_params(tanh_net::parameters(), 4), random_values<row>(92));
}
