// tests/optim/adam_test.cpp
#include <ctgrad/optim/adam.hpp>  // first: proves the header stands alone

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/pow.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/optim/schedule.hpp>

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

// adam{params} deduces its state from the parameters, with Kingma & Ba's defaults.
static_assert(std::is_same_v<decltype(optim::adam{params_type{}}), optim::adam<params_type>>);
static_assert(optim::adam{params_type{}}.learning_rate == 1e-3);
static_assert(optim::adam{params_type{}}.beta1 == 0.9);
static_assert(optim::adam{params_type{}}.beta2 == 0.999);
static_assert(optim::adam{params_type{}}.epsilon == 1e-8);
static_assert(optim::adam{params_type{}, 0.1}.learning_rate == 0.1);

TEST_CASE("optim/adam: the first step moves each number by learning_rate against sign(g)") {
  params_type p{};
  params_type g;
  g[w] = {{0.5, -3, 1e-3, 0}};
  g[b] = {{100, -1e-4}};
  g[c] = 2;
  optim::adam opt{p, 0.01};
  opt.step(p, g);
  CHECK(opt.step_count == 1);
  CHECK(p[w](0, 0) == doctest::Approx(-0.01));
  CHECK(p[w](0, 1) == doctest::Approx(0.01));
  CHECK(p[w](1, 0) == doctest::Approx(-0.01).epsilon(1e-4));  // ε matters a little for small g
  CHECK(p[w](1, 1) == 0.0);                                   // g = 0: m̂ = 0, no move
  CHECK(p[b](0) == doctest::Approx(-0.01));
  CHECK(p[b](1) == doctest::Approx(0.01).epsilon(1e-3));
  CHECK(p[c] == doctest::Approx(-0.01));
}

TEST_CASE("optim/adam: three steps match the bias-corrected updates worked by hand") {
  parameters<double, var<"c">> p;
  p[c] = 0.5;
  optim::adam opt{p, 0.01};
  const double gradients[] = {1.0, -2.0, 0.5};
  // t = 1: m̂ = 1, v̂ = 1; t = 2: m = −0.11, v = 0.004999, m̂ = −0.11/0.19, v̂ = 0.004999/0.001999;
  // t = 3: m = −0.049, v = 0.005244001, m̂ = −0.049/0.271, v̂ = 0.005244001/0.002997001.
  const double expected[] = {0.4900000001, 0.4936610353472075, 0.4950279419673822};
  for (int step = 0; step < 3; ++step) {
    gradient<double, var<"c">> g;
    g[c] = gradients[step];
    opt.step(p, g);
    CHECK(p[c] == doctest::Approx(expected[step]).epsilon(1e-12));
  }
  CHECK(opt.first_moment[c] == doctest::Approx(-0.049));
  CHECK(opt.second_moment[c] == doctest::Approx(0.005244001));
}

TEST_CASE("optim/adam: minimises a quadratic, the learning rate decaying linearly") {
  auto run = [](auto zero) {
    using T = decltype(zero);
    parameters<T, var<"w", 2, 2>, var<"b", 2>, var<"c">> target;
    target[w] = {{T(1), T(-2), T(0.5), T(3)}};
    target[b] = {{T(-1), T(4)}};
    target[c] = T(-0.25);
    decltype(target) params{};
    optim::adam opt{params};
    constexpr optim::linear_decay decay{0.1, 0.001, 800};
    for (int step = 0; step < 1000; ++step) {
      opt.learning_rate = decay(step);
      opt.step(params, quadratic_gradient(params, target));
    }
    double largest = 0.0;
    params.for_each([&](auto variable, const auto& value) {
      if constexpr (std::is_floating_point_v<std::remove_cvref_t<decltype(value)>>) {
        largest = std::fmax(largest, std::abs(double(value - target[variable])));
      } else {
        for (std::size_t k = 0; k < value.size; ++k) {
          largest = std::fmax(largest, std::abs(double(value[k] - target[variable][k])));
        }
      }
    });
    return largest;
  };
  CHECK(run(0.0) < 1e-9);
  CHECK(run(0.0f) < 1e-4);
}

TEST_CASE("optim/adam: trains on value_and_grad's gradient, as docs/reference/optim.md shows") {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
  constexpr auto f = pow<2>(x - 3.0) + pow<2>(y + 1.0);  // smallest at x = 3, y = -1

  parameters<double, var<"x">, var<"y">> params{};
  optim::adam opt{params};  // m and v shaped like params, no heap
  constexpr optim::linear_decay decay{0.1, 0.001, 500};
  for (int k = 0; k < 1000; ++k) {
    opt.learning_rate = decay(k);
    const auto [loss, grads] = value_and_grad(f, wrt(x, y), at(params));
    opt.step(params, grads);
  }
  CHECK(params[x] == doctest::Approx(3.0).epsilon(1e-6));
  CHECK(params[y] == doctest::Approx(-1.0).epsilon(1e-6));
}
