// tests/optim/sgd_test.cpp
#include <ctgrad/optim/sgd.hpp>  // first: proves the header stands alone

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

static_assert(std::is_empty_v<decltype(w)>);
static_assert(std::is_aggregate_v<optim::sgd>);

// A step is constexpr: c = 1 − 0.25·2.
static_assert([] {
  params_type p{};
  params_type g{};
  p[c] = 1.0;
  g[c] = 2.0;
  optim::sgd{0.25}.step(p, g);
  return p[c];
}() == 0.5);

namespace {
/// The largest |p − target| over every number.
template <class Params>
double distance(const Params& p, const Params& target) {
  double largest = 0.0;
  p.for_each([&](auto variable, const auto& value) {
    if constexpr (std::is_floating_point_v<std::remove_cvref_t<decltype(value)>>) {
      largest = std::fmax(largest, std::abs(double(value - target[variable])));
    } else {
      for (std::size_t k = 0; k < value.size; ++k) {
        largest = std::fmax(largest, std::abs(double(value[k] - target[variable][k])));
      }
    }
  });
  return largest;
}

template <class T>
parameters<T, var<"w", 2, 2>, var<"b", 2>, var<"c">> quadratic_target() {
  parameters<T, var<"w", 2, 2>, var<"b", 2>, var<"c">> target;
  target[w] = {{T(1), T(-2), T(0.5), T(3)}};
  target[b] = {{T(-1), T(4)}};
  target[c] = T(-0.25);
  return target;
}
}  // namespace

TEST_CASE("optim/sgd: one step subtracts learning_rate times the gradient from every number") {
  params_type p;
  p[w] = {{1, 2, 3, 4}};
  p[b] = {{5, 6}};
  p[c] = 7;
  params_type g;
  g[w] = {{0.5, -1, 2, 0}};
  g[b] = {{1, -2}};
  g[c] = 4;
  optim::sgd{0.5}.step(p, g);
  CHECK(p[w] == tensor<double, 2, 2>{{0.75, 2.5, 2, 4}});
  CHECK(p[b] == tensor<double, 2>{{4.5, 7}});
  CHECK(p[c] == 5.0);
  CHECK(g[c] == 4.0);  // the gradient is read, not changed
}

TEST_CASE("optim/sgd: the gradient may list its variables in another order, or more of them") {
  parameters<float, var<"b", 2>, var<"c">> p;
  p[b] = {{1, 1}};
  p[c] = 1;
  gradient<double, var<"c">, var<"w", 2, 2>, var<"b", 2>> g{};
  g[b] = {{2, -2}};
  g[c] = 1;
  optim::sgd{0.25}.step(p, g);
  CHECK(p[b] == tensor<float, 2>{{0.5f, 1.5f}});
  CHECK(p[c] == 0.75f);
}

TEST_CASE("optim/sgd: the loop may change learning_rate between steps") {
  parameters<double, var<"c">> p;
  gradient<double, var<"c">> g;
  p[c] = 0;
  g[c] = 1;
  optim::sgd opt{0};
  constexpr optim::linear_decay decay{1.0, 0.5, 2};
  for (int k = 0; k < 3; ++k) {
    opt.learning_rate = decay(k);
    opt.step(p, g);
  }
  CHECK(p[c] == doctest::Approx(-(1.0 + 0.75 + 0.5)));
}

TEST_CASE("optim/sgd: minimises a quadratic in float, double and long double") {
  auto run = [](auto zero) {
    using T = decltype(zero);
    const auto target = quadratic_target<T>();
    parameters<T, var<"w", 2, 2>, var<"b", 2>, var<"c">> params{};
    auto opt = optim::sgd{0.1};
    for (int step = 0; step < 100; ++step) {
      opt.step(params, quadratic_gradient(params, target));
    }
    return distance(params, target);  // shrinks by 0.8 a step: 4·0.8¹⁰⁰ ≈ 8e-10
  };
  CHECK(run(0.0) < 1e-8);
  CHECK(run(0.0f) < 1e-5);
  CHECK(run(0.0L) < 1e-8);
}
