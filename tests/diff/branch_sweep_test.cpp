// tests/diff/branch_sweep_test.cpp: the backward sweep of where's branches (diff/flat_reverse.hpp):
// only the branch taken is swept, so the branch not taken may be NaN or infinite; variables and
// nodes that only that branch reaches get 0; nested branches, branches chosen per row of a data
// set, one choice shared by a Jacobian's rows, and more conditions than the sweep chooses on
// (then guarded). Partials against hand-derived formulas, case by case.
#include <ctgrad/diff/reverse.hpp>  // first: proves the header stands alone

#include <ctgrad/core/dataset.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/diff/jacobian.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

using namespace ctgrad;

namespace {
constexpr var<"a"> a;
constexpr var<"b"> b;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;
constexpr var<"w"> w;

template <class E, class... Variables>
using plan_of = detail::backward_plan<detail::graph_t<E>, variable_list<Variables...>>;
}  // namespace

TEST_CASE("diff/branch_sweep: a variable only the branch not taken reaches has the partial 0") {
  constexpr auto f = where(x, y * y * sqrt(x), x * 3);
  static_assert(plan_of<decltype(f), var<"x">, var<"y">>::plan.conditions == 1);
  const auto g = grad(f, wrt(x, y), at(x = -2.0, y = 5.0));  // sqrt(-2) is NaN, not taken
  CHECK(g[x] == 3.0);
  CHECK(g[y] == 0.0);
  const auto taken = grad(f, wrt(x, y), at(x = 4.0, y = 5.0));
  CHECK(taken[x] == doctest::Approx(25.0 * 0.5 / 2.0));  // y²/(2√x)
  CHECK(taken[y] == doctest::Approx(2 * 5.0 * 2.0));      // 2y√x
}

TEST_CASE("diff/branch_sweep: a node both a branch and the rest read gets both contributions") {
  constexpr auto o = x * y;
  constexpr auto f = where(x - 1, o * o, log(x)) + o;
  for (const double xv : {3.0, 0.5}) {
    CAPTURE(xv);
    const double yv = 1.5;
    const auto g = grad(f, wrt(x, y), at(x = xv, y = yv));
    const double o_value = xv * yv;
    const double d_o = xv > 1 ? 2 * o_value + 1 : 1.0;  // ∂f/∂o
    CHECK(g[x] == doctest::Approx(d_o * yv + (xv > 1 ? 0.0 : 1 / xv)).epsilon(1e-15));
    CHECK(g[y] == doctest::Approx(d_o * xv).epsilon(1e-15));
  }
}

TEST_CASE("diff/branch_sweep: nested branches, in both sweeps, with the branches not taken non-finite") {
  constexpr auto f = where(x, where(y, x * y, x / y), sin(x) + y);
  struct expected {
    double xv, yv, dx, dy;
  };
  for (const expected& e : {expected{2.0, 3.0, 3.0, 2.0}, expected{2.0, -4.0, -0.25, -2.0 / 16.0},
                            expected{-1.0, 0.0, std::cos(-1.0), 1.0},  // x / 0 is not taken
                            expected{-1.0, -2.0, std::cos(-1.0), 1.0}}) {
    const double xv = e.xv, yv = e.yv, dx = e.dx, dy = e.dy;  // clang++ 14 captures no structured binding
    CAPTURE(xv);
    CAPTURE(yv);
    const auto g = grad(f, wrt(x, y), at(x = xv, y = yv));
    CHECK(g[x] == doctest::Approx(dx).epsilon(1e-15));
    CHECK(g[y] == doctest::Approx(dy).epsilon(1e-15));
    const auto J = jacobian(outputs(f), wrt(x, y), at(x = xv, y = yv), forward_mode);
    CHECK(J(0, x) == doctest::Approx(dx).epsilon(1e-15));
    CHECK(J(0, y) == doctest::Approx(dy).epsilon(1e-15));
  }
}

TEST_CASE("diff/branch_sweep: a Jacobian's rows share one choice of branches, in either mode") {
  const auto f = outputs(where(x, x * y, y), where(x, y, x * x), x + y);
  for (const double xv : {2.0, -3.0}) {
    CAPTURE(xv);
    const double yv = 5.0;
    const double expected[] = {xv > 0 ? yv : 0.0, xv > 0 ? xv : 1.0, xv > 0 ? 0.0 : 2 * xv, xv > 0 ? 1.0 : 0.0,
                               1.0, 1.0};
    for (const auto J : {jacobian(f, wrt(x, y), at(x = xv, y = yv), reverse_mode),
                         jacobian(f, wrt(x, y), at(x = xv, y = yv), forward_mode)}) {
      for (std::size_t k = 0; k < 6; ++k) CHECK(J.values[k] == expected[k]);
    }
  }
}

TEST_CASE("diff/branch_sweep: past three conditions every node is swept, guarded, with the same partials") {
  constexpr auto f = where(x, sqrt(x), -x) + where(y, sqrt(y), -y) + where(z, sqrt(z), -z) + where(w, sqrt(w), -w);
  static_assert(plan_of<decltype(f), var<"x">, var<"y">, var<"z">, var<"w">>::plan.conditions == 0);
  const auto g = grad(f, wrt(x, y, z, w), at(x = 4.0, y = -1.0, z = 9.0, w = -0.0));
  CHECK(g[x] == 0.25);
  CHECK(g[y] == -1.0);  // sqrt(-1) = NaN, not taken
  CHECK(g[z] == doctest::Approx(1.0 / 6.0).epsilon(1e-15));
  CHECK(g[w] == -1.0);  // sqrt(-0) = -0 and 1/(2√-0) = -∞, not taken
}

TEST_CASE("diff/branch_sweep: over a data set, each row takes its own branch; per-call terms inside add up") {
  // a·a is the same for every row (computed once per call) but only the rows with x > 0 read it.
  constexpr auto loss = where(x, a * a * sqrt(x), b * x) + pow<2>(y - a);
  const std::vector<double> xs = {-1.5, 0.25, 4.0, -0.5, 1.0};
  const std::vector<double> ys = {2.0, -1.0, 0.5, 1.5, 0.0};
  auto params = parameters<double, var<"a">, var<"b">>{};
  params[a] = 0.75;
  params[b] = -1.25;
  const auto [value, g] = value_and_grad(loss, params, dataset(x = xs, y = ys));
  double sum = 0, da = 0, db = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double pa = 0.75, pb = -1.25;
    if (xs[i] > 0) {
      sum += pa * pa * std::sqrt(xs[i]);
      da += 2 * pa * std::sqrt(xs[i]);
    } else {
      sum += pb * xs[i];
      db += xs[i];
    }
    sum += (ys[i] - pa) * (ys[i] - pa);
    da += -2 * (ys[i] - pa);
  }
  const double n = static_cast<double>(xs.size());
  CHECK(value == doctest::Approx(sum / n).epsilon(1e-14));
  CHECK(g[a] == doctest::Approx(da / n).epsilon(1e-14));
  CHECK(g[b] == doctest::Approx(db / n).epsilon(1e-14));
}
