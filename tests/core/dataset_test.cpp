// tests/core/dataset_test.cpp
#include <ctgrad/core/dataset.hpp>  // first: proves the header stands alone

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <vector>

using namespace ctgrad;
constexpr var<"x", 2> X;
constexpr var<"y"> Y;
constexpr var<"w", 2> w;
constexpr var<"c"> c;
using params_type = parameters<double, var<"w", 2>, var<"c">>;

namespace {
// One row's loss, (tanh(w·x) + c − y)²: a gradient that differs from row to row.
constexpr auto row_loss = pow<2>(tanh(dot(w, X)) + c - Y);

const std::vector<std::array<double, 2>> xs{{0.5, -1.0}, {1.5, 2.0}, {-0.25, 0.75}, {2.0, -0.5}, {-1.0, -1.5}};
const std::vector<double> ys{1.0, -0.5, 0.25, 2.0, -1.0};

params_type some_parameters() {
  params_type p;
  p[w] = tensor<double, 2>{{0.3, -0.7}};
  p[c] = 0.2;
  return p;
}

/// The mean of value_and_grad over rows [first, first + count), one row at a time.
value_and_gradient<double, var<"w", 2>, var<"c">> row_by_row(const params_type& p, std::size_t first,
                                                            std::size_t count) {
  value_and_gradient<double, var<"w", 2>, var<"c">> mean{};
  for (std::size_t i = first; i < first + count; ++i) {
    const tensor<double, 2> row{xs[i]};
    const auto [value, g] = value_and_grad(row_loss, wrt(w, c), at(p, X = row, Y = ys[i]));
    mean.value += value / static_cast<double>(count);
    for (std::size_t k = 0; k < 2; ++k) mean.grad[w][k] += g[w][k] / static_cast<double>(count);
    mean.grad[c] += g[c] / static_cast<double>(count);
  }
  return mean;
}

void check_same(const value_and_gradient<double, var<"w", 2>, var<"c">>& actual,
                const value_and_gradient<double, var<"w", 2>, var<"c">>& expected) {
  CHECK(actual.value == doctest::Approx(expected.value).epsilon(1e-14));
  CHECK(actual.grad[w][0] == doctest::Approx(expected.grad[w][0]).epsilon(1e-14));
  CHECK(actual.grad[w][1] == doctest::Approx(expected.grad[w][1]).epsilon(1e-14));
  CHECK(actual.grad[c] == doctest::Approx(expected.grad[c]).epsilon(1e-14));
}
}  // namespace

TEST_CASE("core/dataset: value_and_grad over a dataset is the mean of the per-row value_and_grad") {
  const params_type p = some_parameters();
  const auto data = dataset(X = xs, Y = ys);
  CHECK(data.size() == 5);
  const auto result = value_and_grad(row_loss, p, data);
  check_same(result, row_by_row(p, 0, 5));
  CHECK(result.grad[c] != 0.0);

  // Rows given as tensors instead of std::arrays: the same numbers.
  std::vector<tensor<double, 2>> as_tensors;
  for (const auto& row : xs) as_tensors.push_back({row});
  const auto again = value_and_grad(row_loss, p, dataset(X = as_tensors, Y = ys));
  CHECK(again.value == result.value);
  CHECK(again.grad[w] == result.grad[w]);
}

TEST_CASE("core/dataset: a slice is a minibatch of consecutive rows, and slices compose") {
  const params_type p = some_parameters();
  const auto data = dataset(X = xs, Y = ys);
  const auto batch = data.slice(1, 3);
  CHECK(batch.size() == 3);
  check_same(value_and_grad(row_loss, p, batch), row_by_row(p, 1, 3));
  check_same(value_and_grad(row_loss, p, batch.slice(2, 1)), row_by_row(p, 3, 1));
  CHECK(data.slice(5, 0).size() == 0);
  const auto empty = value_and_grad(row_loss, p, data.slice(2, 0));  // no rows: nothing to average
  CHECK(empty.value == 0.0);
  CHECK(empty.grad[c] == 0.0);
}

TEST_CASE("core/dataset: a slice past the end throws data_error naming the rows") {
  const auto data = dataset(X = xs, Y = ys);
  CHECK_THROWS_WITH_AS(data.slice(3, 4), "ctgrad::table::slice: rows [3, 7) are outside the 5 rows", data_error);
  CHECK_THROWS_AS(data.slice(6, 0), data_error);
  CHECK_THROWS_AS(data.slice(1, 3).slice(1, 3), data_error);
}

TEST_CASE("core/dataset: columns of different lengths throw data_error naming both columns") {
  const std::vector<double> short_ys{1.0, 2.0, 3.0};
  CHECK_THROWS_WITH_AS(dataset(X = xs, Y = short_ys), "ctgrad::dataset: column y has 3 rows but column x has 5",
                       data_error);
  CHECK_THROWS_WITH_AS(dataset(Y = short_ys, X = xs), "ctgrad::dataset: column x has 5 rows but column y has 3",
                       data_error);
}
