// tests/optim/momentum_test.cpp
#include <ctgrad/optim/momentum.hpp>  // first: proves the header stands alone

#include "support/quadratic_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <type_traits>

using namespace ctgrad;
constexpr var<"w", 2, 2> w;
constexpr var<"b", 2> b;
constexpr var<"c"> c;
using params_type = parameters<double, var<"w", 2, 2>, var<"b", 2>, var<"c">>;

// momentum{params, η} deduces its state from the parameters; β defaults to 0.9.
static_assert(std::is_same_v<decltype(optim::momentum{params_type{}, 0.1}),
                             optim::momentum<params_type>>);
static_assert(optim::momentum{params_type{}, 0.1}.beta == 0.9);
static_assert(sizeof(optim::momentum<params_type>) == 2 * sizeof(double) + sizeof(params_type));

// Steps are constexpr: with g = 1 and β = 0.5, v = 1, 1.5 and c = 1 − 0.5·(1 + 1.5).
static_assert([] {
  parameters<double, var<"c">> p{};
  parameters<double, var<"c">> g{};
  p[c] = 1.0;
  g[c] = 1.0;
  optim::momentum opt{p, 0.5, 0.5};
  opt.step(p, g);
  opt.step(p, g);
  return p[c];
}() == -0.25);

TEST_CASE("optim/momentum: three steps follow v = 0.9·v + g, p -= 0.1·v") {
  params_type p{};
  p[c] = 1.0;
  params_type g;
  g[w] = {{1, -2, 0, 4}};
  g[b] = {{0.5, 0}};
  g[c] = 1.0;
  optim::momentum opt{p, 0.1};
  // v: 1, 1.9, 2.71 times g; p: c = 1 − 0.1, − 0.19, − 0.271; w = −0.1·(1 + 1.9 + 2.71)·g.
  const double expected_c[] = {0.9, 0.71, 0.439};
  for (int step = 0; step < 3; ++step) {
    opt.step(p, g);
    CHECK(p[c] == doctest::Approx(expected_c[step]));
  }
  CHECK(opt.velocity[c] == doctest::Approx(2.71));
  CHECK(p[w](0, 0) == doctest::Approx(-0.561));
  CHECK(p[w](0, 1) == doctest::Approx(1.122));
  CHECK(p[w](1, 0) == 0.0);
  CHECK(p[w](1, 1) == doctest::Approx(-2.244));
  CHECK(p[b](0) == doctest::Approx(-0.2805));
  CHECK(p[b](1) == 0.0);
}

TEST_CASE("optim/momentum: a changing gradient, with β = 0.5") {
  parameters<float, var<"c">> p;
  p[c] = 1.0f;
  optim::momentum opt{p, 0.1, 0.5};
  const float gradients[] = {1.0f, -1.0f, 2.0f};
  // v: 1, −0.5, 1.75; p: 0.9, 0.95, 0.775.
  const float expected[] = {0.9f, 0.95f, 0.775f};
  for (int step = 0; step < 3; ++step) {
    gradient<float, var<"c">> g;
    g[c] = gradients[step];
    opt.step(p, g);
    CHECK(p[c] == doctest::Approx(expected[step]).epsilon(1e-6));
  }
}

TEST_CASE("optim/momentum: minimises a quadratic") {
  params_type target;
  target[w] = {{1, -2, 0.5, 3}};
  target[b] = {{-1, 4}};
  target[c] = -0.25;
  params_type params{};
  optim::momentum opt{params, 0.05};
  for (int step = 0; step < 300; ++step) {
    opt.step(params, quadratic_gradient(params, target));
  }
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(params[w][k] == doctest::Approx(target[w][k]).epsilon(1e-6));
  }
  CHECK(params[b](0) == doctest::Approx(-1.0).epsilon(1e-6));
  CHECK(params[b](1) == doctest::Approx(4.0).epsilon(1e-6));
  CHECK(params[c] == doctest::Approx(-0.25).epsilon(1e-6));
}
