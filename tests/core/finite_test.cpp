// tests/core/finite_test.cpp
#include <ctgrad/core/finite.hpp>  // first: proves the header stands alone

#include <ctgrad/ctgrad.hpp>

#include <doctest/doctest.h>

#include <array>
#include <limits>
#include <vector>

using namespace ctgrad;
constexpr var<"w", 2> w;
constexpr var<"x", 2> X;
constexpr var<"y"> Y;

TEST_CASE("core/finite: a NaN label under hinge gives a NaN loss with a finite gradient, which check_finite names") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  parameters<double, var<"w", 2>> p;
  p[w] = tensor<double, 2>{{0.5, -0.25}};
  const tensor<double, 2> row{{1.0, 2.0}};
  const auto result = value_and_grad(nn::hinge(dot(w, X), Y), wrt(w), at(p, X = row, Y = nan));
  CHECK(std::isnan(result.value));
  CHECK(std::isfinite(result.grad[w][0]));  // relu'(NaN) = 0: a loop watching gradients trains on
  CHECK_THROWS_WITH_AS(check_finite(result), "ctgrad::check_finite: the loss is nan", non_finite_error);
  const auto fine = value_and_grad(nn::hinge(dot(w, X), Y), wrt(w), at(p, X = row, Y = 1.0));
  CHECK_NOTHROW(check_finite(fine));
}

TEST_CASE("core/finite: check_finite names the variable and element of a gradient that is not finite") {
  gradient<double, var<"w", 2>, var<"c">> g{};
  CHECK_NOTHROW(check_finite(g));
  g[w][1] = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH_AS(check_finite(g), "ctgrad::check_finite: the gradient's entry w[1] is inf", non_finite_error);
  g[w][1] = 0.0;
  g[var<"c">{}] = -std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH_AS(check_finite(g), "ctgrad::check_finite: the gradient's entry c is -inf", non_finite_error);
}

TEST_CASE("core/finite: a table that requires finite rows names the row and the column of a NaN input") {
  const std::vector<std::array<double, 2>> xs{{1.0, 2.0}, {3.0, std::numeric_limits<double>::quiet_NaN()}, {5.0, 6.0}};
  const std::vector<double> ys{1.0, 2.0, 3.0};
  const auto data = dataset(X = xs, Y = ys);
  parameters<double, var<"w", 2>> p{};
  CHECK(std::isnan(value_and_grad(pow<2>(dot(w, X) - Y), p, data).value));  // off by default
  const auto checked = data.require_finite();
  CHECK_THROWS_WITH_AS(value_and_grad(pow<2>(dot(w, X) - Y), p, checked),
                       "ctgrad::table::row: row 1 of the data set, column x[1], is nan; require_finite() rejects it",
                       data_error);
  CHECK_NOTHROW(value_and_grad(pow<2>(dot(w, X) - Y), p, checked.slice(2, 1)));  // slices keep the check
  CHECK_THROWS_AS(value_and_grad(pow<2>(dot(w, X) - Y), p, checked.batches(2)[0]), data_error);
  const std::vector<double> bad_ys{1.0, 2.0, std::numeric_limits<double>::infinity()};
  CHECK_THROWS_WITH_AS(dataset(X = xs, Y = bad_ys).require_finite().slice(2, 1).row(0),
                       "ctgrad::table::row: row 2 of the data set, column y, is infinite; require_finite() rejects it",
                       data_error);
}

TEST_CASE("core/finite: value_and_grad checks a required-finite table's rows once, before it sweeps them") {
  // checked_rows() checks every row of the table before the row loop, which then holds no check:
  // the error names the first bad row of the table (not of the data set), whatever the path.
  constexpr var<"s"> s;
  constexpr var<"u"> U;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> us{nan, 1.0, 2.0, -std::numeric_limits<double>::infinity()};
  const std::vector<double> ys{1.0, 2.0, 3.0, 4.0};
  const auto checked = dataset(U = us, Y = ys).require_finite();
  parameters<double, var<"s">> p{};
  p[s] = 0.5;
  const auto loss = pow<2>(s * U - Y);  // no tensor: the flat sweep's row loop
  CHECK_THROWS_WITH_AS(value_and_grad(loss, p, checked),
                       "ctgrad::table::row: row 0 of the data set, column u, is nan; require_finite() rejects it",
                       data_error);
  CHECK_THROWS_WITH_AS(value_and_grad(loss, p, checked.slice(1, 3)),
                       "ctgrad::table::row: row 3 of the data set, column u, is infinite; require_finite() rejects it",
                       data_error);
  // Rows 1 and 2 are finite: the same mean and gradient as without the check.
  const auto fine = value_and_grad(loss, p, checked.slice(1, 2));
  const auto unchecked = value_and_grad(loss, p, dataset(U = us, Y = ys).slice(1, 2));
  CHECK(fine.value == unchecked.value);
  CHECK(fine.grad[s] == unchecked.grad[s]);
  CHECK(fine.value == doctest::Approx(((0.5 - 2.0) * (0.5 - 2.0) + (1.0 - 3.0) * (1.0 - 3.0)) / 2));
}
