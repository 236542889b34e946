// tests/diff/dataset_reverse_test.cpp: value_and_grad(f, params, data), the mean over a data set's
// rows, and the terms of f that no row reaches, which it computes once per call.
#include <ctgrad/diff/reverse.hpp>  // first: proves the header stands alone

#include <ctgrad/core/dataset.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include "support/counted_op.hpp"

#include <cmath>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <vector>

using namespace ctgrad;
using counting::counted;
using counting::counted_op;

namespace {
constexpr var<"a"> a;
constexpr var<"b"> b;
constexpr var<"x"> x;
constexpr var<"y"> y;

// A row's squared error, a penalty on the parameters, a constant, and a term that mixes both.
constexpr auto row_error = pow<2>(y - (a * x + b));
constexpr auto penalty = 0.25 * pow<2>(a) - sin(b);
constexpr auto loss = row_error + penalty - 3.0 + cos(a * x) * b;

const std::vector<double> xs = {-1.5, -0.25, 0.5, 1.0, 2.75};
const std::vector<double> ys = {2.0, -1.0, 0.25, 1.5, -0.5};

/// The mean over the rows of f's value and gradient, one value_and_grad per row: the definition,
/// written without value_and_grad(f, params, data).
template <class E>
std::array<double, 3> mean_per_row(const E& f, double pa, double pb) {
  std::array<double, 3> sum{};
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const auto [value, g] = value_and_grad(f, wrt(a, b), at(a = pa, b = pb, x = xs[i], y = ys[i]));
    sum[0] += value;
    sum[1] += g[a];
    sum[2] += g[b];
  }
  for (double& s : sum) s /= static_cast<double>(xs.size());
  return sum;
}

template <class E>
double mean_value(const E& f, double pa, double pb) {
  double sum = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) sum += eval(f, at(a = pa, b = pb, x = xs[i], y = ys[i]));
  return sum / static_cast<double>(xs.size());
}
}  // namespace

// The split: terms of the top sum that depend on no row variable form the invariant part.
using split = decltype(detail::split_rows<var<"x">, var<"y">>(loss));
static_assert(std::is_same_v<decltype(split::invariant), std::remove_cv_t<decltype(penalty - 3.0)>>);
static_assert(std::is_same_v<decltype(split::row), std::remove_cv_t<decltype(row_error + cos(a * x) * b)>>);
static_assert(detail::is_zero<decltype(detail::split_rows<var<"x">>(row_error).invariant)>);
static_assert(detail::is_zero<decltype(detail::split_rows<var<"x">, var<"y">>(penalty).row)>);

TEST_CASE("diff/dataset_reverse: the mean over the rows equals one value_and_grad per row, averaged") {
  auto params = parameters<double, var<"a">, var<"b">>{};
  params[a] = 0.75;
  params[b] = -1.25;
  const auto [value, g] = value_and_grad(loss, params, dataset(x = xs, y = ys));
  const auto expected = mean_per_row(loss, 0.75, -1.25);
  CHECK(value == doctest::Approx(expected[0]).epsilon(1e-14));
  CHECK(g[a] == doctest::Approx(expected[1]).epsilon(1e-14));
  CHECK(g[b] == doctest::Approx(expected[2]).epsilon(1e-14));
}

TEST_CASE("diff/dataset_reverse: the gradient of the mean matches central finite differences") {
  auto params = parameters<double, var<"a">, var<"b">>{};
  params[a] = -0.5;
  params[b] = 0.875;
  const auto [value, g] = value_and_grad(loss, params, dataset(x = xs, y = ys));
  constexpr double h = 1e-6;
  const double da = (mean_value(loss, -0.5 + h, 0.875) - mean_value(loss, -0.5 - h, 0.875)) / (2 * h);
  const double db = (mean_value(loss, -0.5, 0.875 + h) - mean_value(loss, -0.5, 0.875 - h)) / (2 * h);
  CHECK(value == doctest::Approx(mean_value(loss, -0.5, 0.875)).epsilon(1e-14));
  CHECK(g[a] == doctest::Approx(da).epsilon(1e-8));
  CHECK(g[b] == doctest::Approx(db).epsilon(1e-8));
}

TEST_CASE("diff/dataset_reverse: a term no row reaches is computed once per call, not once per row") {
  auto params = parameters<double, var<"a">, var<"b">>{};
  params[a] = 1.5;
  params[b] = 0.5;
  const auto data = dataset(x = xs, y = ys);
  const auto with_counted = row_error + counted(pow<2>(a) * b);
  counted_op::evaluations = 0;
  const auto [value, g] = value_and_grad(with_counted, params, data);
  CHECK(counted_op::evaluations == 1);
  const auto expected = mean_per_row(row_error + pow<2>(a) * b, 1.5, 0.5);
  CHECK(value == doctest::Approx(expected[0]).epsilon(1e-14));
  CHECK(g[a] == doctest::Approx(expected[1]).epsilon(1e-14));
  CHECK(g[b] == doctest::Approx(expected[2]).epsilon(1e-14));
}

TEST_CASE("diff/dataset_reverse: a loss that no row reaches is its own mean; an empty table gives 0") {
  auto params = parameters<double, var<"a">, var<"b">>{};
  params[a] = 2.0;
  params[b] = -1.0;
  const auto [value, g] = value_and_grad(penalty, params, dataset(x = xs, y = ys));
  CHECK(value == doctest::Approx(0.25 * 4.0 - std::sin(-1.0)));
  CHECK(g[a] == doctest::Approx(0.5 * 2.0));
  CHECK(g[b] == doctest::Approx(-std::cos(-1.0)));
  const std::vector<double> none;
  const auto [empty_value, empty_g] = value_and_grad(loss, params, dataset(x = none, y = none));
  CHECK(empty_value == 0.0);
  CHECK(empty_g[a] == 0.0);
  CHECK(empty_g[b] == 0.0);
}

TEST_CASE("diff/dataset_reverse: a transform of the parameters inside a row's term is computed once per call") {
  // counted(exp(a)) is below the row's error, not beside it, so splitting the top sum cannot
  // lift it out; the flat graph's plan computes every node that no row reaches once per call.
  auto params = parameters<double, var<"a">, var<"b">>{};
  params[a] = 0.25;
  params[b] = -0.5;
  const auto data = dataset(x = xs, y = ys);
  const auto transformed = pow<2>(y - counted(exp(a)) * x - b) + 0.5 * pow<2>(b);
  counted_op::evaluations = 0;
  const auto [value, g] = value_and_grad(transformed, params, data);
  CHECK(counted_op::evaluations == 1);
  const auto plain = pow<2>(y - exp(a) * x - b) + 0.5 * pow<2>(b);
  const auto expected = mean_per_row(plain, 0.25, -0.5);
  CHECK(value == doctest::Approx(expected[0]).epsilon(1e-14));
  CHECK(g[a] == doctest::Approx(expected[1]).epsilon(1e-14));
  CHECK(g[b] == doctest::Approx(expected[2]).epsilon(1e-14));
  constexpr double h = 1e-6;
  CHECK(g[a] == doctest::Approx((mean_value(plain, 0.25 + h, -0.5) - mean_value(plain, 0.25 - h, -0.5)) / (2 * h)).epsilon(1e-8));
  CHECK(g[b] == doctest::Approx((mean_value(plain, 0.25, -0.5 + h) - mean_value(plain, 0.25, -0.5 - h)) / (2 * h)).epsilon(1e-8));
}
