// tests/nn/loss_test.cpp
#include <ctgrad/nn/loss.hpp>  // first: proves the header stands alone

#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
constexpr var<"p"> p;
constexpr var<"s"> s;
constexpr var<"y"> y;
constexpr var<"z"> z;
constexpr var<"score", 1> score;
constexpr var<"P", 3> P;
constexpr var<"T", 3> T;
constexpr var<"W", 2, 2> W;
constexpr var<"b", 2> b;

static_assert(std::is_same_v<detail::shape_of_t<decltype(nn::mse(P, T))>, shape<>>);
static_assert(std::is_same_v<detail::shape_of_t<decltype(nn::hinge(score, y))>, shape<>>);
static_assert(eval(nn::mse(p, y), at(p = 3.0, y = 1.0)) == 4.0);
static_assert(grad(nn::mse(p, y), wrt(p), at(p = 3.0, y = 1.0))[p] == 4.0);  // 2(p − y)
static_assert(eval(nn::hinge(s, y), at(s = 0.25, y = -1.0)) == 1.25);

TEST_CASE("nn/loss: mse of vectors is the mean of the squared differences") {
  const tensor<double, 3> prediction{{1, 2, 3}};
  const tensor<double, 3> target{{1, 0, 6}};
  const auto [value, g] = value_and_grad(nn::mse(P, T), wrt(P, T), at(P = prediction, T = target));
  CHECK(value == doctest::Approx(13.0 / 3.0).epsilon(1e-15));
  CHECK(g[P][1] == doctest::Approx(4.0 / 3.0).epsilon(1e-15));  // 2(p − t)/n
  CHECK(g[T][2] == doctest::Approx(2.0).epsilon(1e-15));
  using values = parameters<double, var<"P", 3>, var<"T", 3>>;
  check_tensor_gradient(nn::mse(P, T), random_values<values>(71, -3.0, 3.0));
}

TEST_CASE("nn/loss: hinge is max(0, 1 − y·score), with gradient −y while the margin is violated") {
  const auto active = value_and_grad(nn::hinge(s, y), wrt(s, y), at(s = 0.25, y = 1.0));
  CHECK(active.value == 0.75);
  CHECK(active.grad[s] == -1.0);
  CHECK(active.grad[y] == -0.25);
  const auto satisfied = value_and_grad(nn::hinge(s, y), wrt(s, y), at(s = -2.0, y = -1.0));
  CHECK(satisfied.value == 0.0);
  CHECK(satisfied.grad[s] == 0.0);
  const tensor<double, 1> one_unit{{0.25}};  // a network's single output is a one-element tensor
  const auto from_tensor = value_and_grad(nn::hinge(score, y), wrt(score), at(score = one_unit, y = 1.0));
  CHECK(from_tensor.value == 0.75);
  CHECK(from_tensor.grad[score][0] == -1.0);
}

TEST_CASE("nn/loss: at the kink y·score = 1 the hinge's gradient is 0") {
  for (const double label : {1.0, -1.0}) {
    const auto kink = value_and_grad(nn::hinge(s, y), wrt(s, y), at(s = label, y = label));
    CHECK(kink.value == 0.0);
    CHECK(kink.grad[s] == 0.0);
    CHECK(kink.grad[y] == 0.0);
  }
}

TEST_CASE("nn/loss: bce_with_logits is finite and exact at z = ±800, where exp(z) overflows") {
  struct row {
    double logit, label, loss, slope;  // slope = sigmoid(z) − y
  };
  for (const row r : {row{800, 1, 0, 0}, row{800, 0, 800, 1}, row{-800, 1, 800, -1}, row{-800, 0, 0, 0}}) {
    CAPTURE(r.logit);
    CAPTURE(r.label);
    const auto [value, g] = value_and_grad(nn::bce_with_logits(z, y), wrt(z), at(z = r.logit, y = r.label));
    CHECK(std::isfinite(value));
    CHECK(value == r.loss);
    CHECK(g[z] == r.slope);
  }
}

TEST_CASE("nn/loss: bce_with_logits equals −y·log σ(z) − (1 − y)·log(1 − σ(z)), slope σ(z) − y") {
  for (const double logit : {-3.0, -0.5, 0.125, 2.0}) {
    for (const double label : {0.0, 0.3, 1.0}) {
      const double sigma = 1 / (1 + std::exp(-logit));
      const auto [value, g] = value_and_grad(nn::bce_with_logits(z, y), wrt(z), at(z = logit, y = label));
      CHECK(value == doctest::Approx(-label * std::log(sigma) - (1 - label) * std::log(1 - sigma)).epsilon(1e-14));
      CHECK(g[z] == doctest::Approx(sigma - label).epsilon(1e-14));
    }
  }
  using values = parameters<double, var<"z">, var<"y">>;
  check_tensor_gradient(nn::bce_with_logits(z, y), random_values<values>(72, -4.0, 4.0));
}

TEST_CASE("nn/loss: bce_with_logits has slope σ(0) − y = 0.5 − y at z = 0") {
  // The stable form's pieces max(z, 0) and |z| have kinks at 0; softplus' rule σ(z) is smooth.
  for (const double label : {0.0, 1.0}) {
    CAPTURE(label);
    CHECK(grad(nn::bce_with_logits(z, y), wrt(z), at(z = 0.0, y = label))[z] == 0.5 - label);
  }
}

TEST_CASE("nn/loss: l2 is the sum of every parameter's squares, gradient 2p") {
  parameters<double, var<"W", 2, 2>, var<"b", 2>, var<"p">> params;
  params[W] = tensor<double, 2, 2>{{1, -2, 3, 0.5}};
  params[b] = tensor<double, 2>{{-1, 2}};
  params[p] = 3.0;
  const auto [value, g] = value_and_grad(nn::l2(wrt(W, b, p)), wrt(W, b, p), at(params));
  CHECK(value == 1 + 4 + 9 + 0.25 + 1 + 4 + 9);
  CHECK(g[W] == tensor<double, 2, 2>{{2, -4, 6, 1}});
  CHECK(g[b] == tensor<double, 2>{{-2, 4}});
  CHECK(g[p] == 6.0);
}
