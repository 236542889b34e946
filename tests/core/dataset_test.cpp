// tests/core/dataset_test.cpp
#include <ctgrad/core/dataset.hpp>  // first: proves the header stands alone

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <tuple>
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

TEST_CASE("core/dataset: a column whose vector changed size throws data_error at the next use") {
  std::vector<double> targets = ys;
  const auto data = dataset(X = xs, Y = targets);
  const params_type p = some_parameters();
  targets.pop_back();  // value_and_grad read past the vector's end before
  const char* shrunk = "ctgrad::table: column y has 4 rows but the data set has 5; its vector changed after dataset(...)";
  CHECK_THROWS_WITH_AS(value_and_grad(row_loss, p, data), shrunk, data_error);
  CHECK_THROWS_WITH_AS(data.size(), shrunk, data_error);
  CHECK_THROWS_WITH_AS(data.row(0), shrunk, data_error);
  CHECK_THROWS_WITH_AS(data.slice(0, 1), shrunk, data_error);
  CHECK_THROWS_WITH_AS(data.batches(2), shrunk, data_error);
  targets.push_back(9.0);
  targets.push_back(9.0);  // grown: also not the table it was
  CHECK_THROWS_WITH_AS(value_and_grad(row_loss, p, data.slice(1, 2)),
                       "ctgrad::table: column y has 6 rows but the data set has 5; its vector changed after dataset(...)",
                       data_error);
  targets.pop_back();
  check_same(value_and_grad(row_loss, p, data.slice(0, 4)), row_by_row(p, 0, 4));  // the same length again
}

TEST_CASE("core/dataset: row(i) is checked against the table's rows") {
  const auto data = dataset(X = xs, Y = ys);
  CHECK(std::get<1>(data.row(4)).value == -1.0);
  CHECK(std::get<1>(data.slice(2, 2).row(1)).value == 2.0);
  CHECK_THROWS_WITH_AS(data.row(5), "ctgrad::table::row: row 5 is outside the 5 rows", data_error);
  CHECK_THROWS_WITH_AS(data.slice(2, 2).row(2), "ctgrad::table::row: row 2 is outside the 2 rows", data_error);
}

TEST_CASE("core/dataset: a slice error reports the requested rows without wrapping around") {
  const auto data = dataset(X = xs, Y = ys);
  const std::size_t huge = std::numeric_limits<std::size_t>::max();
  CHECK_THROWS_WITH_AS(data.slice(2, huge),
                       ("ctgrad::table::slice: rows [2, 2 + " + std::to_string(huge) + ") are outside the 5 rows").c_str(),
                       data_error);
}

namespace {
/// The y values of a table's rows, in order: which rows a batch holds.
template <class Table>
std::vector<double> targets_of(const Table& batch) {
  std::vector<double> values;
  for (std::size_t i = 0; i < batch.size(); ++i) values.push_back(std::get<1>(batch.row(i)).value);
  return values;
}
}  // namespace

TEST_CASE("core/dataset: batches in order, with a short last batch kept or dropped") {
  const auto data = dataset(X = xs, Y = ys);
  std::vector<std::vector<double>> seen;
  for (auto batch : data.batches(2)) seen.push_back(targets_of(batch));
  CHECK(seen == std::vector<std::vector<double>>{{1.0, -0.5}, {0.25, 2.0}, {-1.0}});
  seen.clear();
  for (auto batch : data.batches(2, last_batch::drop)) seen.push_back(targets_of(batch));
  CHECK(seen == std::vector<std::vector<double>>{{1.0, -0.5}, {0.25, 2.0}});
  CHECK(data.batches(5).size() == 1);
  CHECK(data.batches(6).size() == 1);
  CHECK(data.batches(6, last_batch::drop).size() == 0);
  CHECK(data.slice(1, 3).batches(2).size() == 2);
  CHECK(targets_of(data.slice(1, 3).batches(2)[1]) == std::vector<double>{2.0});
  CHECK_THROWS_WITH_AS(data.batches(0), "ctgrad::table::batches: a batch must hold at least one row", data_error);

  // A batch is a table: value_and_grad averages over its rows.
  const params_type p = some_parameters();
  check_same(value_and_grad(row_loss, p, data.batches(2)[1]), row_by_row(p, 2, 2));
}

TEST_CASE("core/dataset: shuffled batches are a seeded permutation, the same with every standard library") {
  const auto data = dataset(X = xs, Y = ys);
  std::vector<double> order;
  std::size_t batches = 0;
  for (auto batch : data.batches(2, 7)) {
    ++batches;
    CHECK(batch.size() == (batches < 3 ? 2 : 1));
    for (const double y : targets_of(batch)) order.push_back(y);
  }
  CHECK(batches == 3);
  // Fisher–Yates over std::mt19937_64(7) by rejection, as computed by an independent Python
  // implementation of both: written out, so that a change of the draw shows.
  CHECK(order == std::vector<double>{-0.5, 2.0, -1.0, 0.25, 1.0});
  std::vector<double> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> expected = ys;
  std::sort(expected.begin(), expected.end());
  CHECK(sorted == expected);  // every row once

  std::vector<double> again;
  for (auto batch : data.batches(2, 7)) {
    for (const double y : targets_of(batch)) again.push_back(y);
  }
  CHECK(again == order);
  std::vector<double> other;
  for (auto batch : data.batches(2, 8)) {
    for (const double y : targets_of(batch)) other.push_back(y);
  }
  CHECK(other != order);

  // The mean over the shuffled batches, weighted by their sizes, is the mean over the data set.
  const params_type p = some_parameters();
  double weighted = 0.0;
  for (auto batch : data.batches(2, 7, last_batch::keep)) {
    weighted += value_and_grad(row_loss, p, batch).value * static_cast<double>(batch.size());
  }
  CHECK(weighted / 5.0 == doctest::Approx(value_and_grad(row_loss, p, data).value).epsilon(1e-14));
  std::size_t kept = 0;
  for (auto batch : data.batches(2, 7, last_batch::drop)) kept += batch.size();
  CHECK(kept == 4);
}
