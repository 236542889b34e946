// tests/core/values_view_test.cpp: parameters viewed in the caller's memory (core/values_view.hpp):
// at(view, ...) reads the numbers where they are, a write through v[x] lands in the buffer,
// value_and_grad(loss, view, data) equals the same call on an owning parameters object, and a
// run-time size mismatch is an error that names both counts.
#include <ctgrad/core/values_view.hpp>  // first: proves the header stands alone

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/dataset.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/nn/loss.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <array>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ctgrad;

namespace {
constexpr var<"W", 2, 3> W;
constexpr var<"c"> c;
constexpr var<"x", 3> x;
constexpr var<"y"> y;
using model = parameters<double, var<"W", 2, 3>, var<"c">>;
constexpr auto model_vars = wrt(W, c);
// A scalar of W, c and one row x: Σᵢⱼ Wᵢⱼ·xⱼ·(i+1)... written with the tensor ops.
constexpr auto f = sum(W * x) * c + c * c;
}  // namespace

TEST_CASE("core/values_view: the layout is copy_to's, and v[x] reads and writes the caller's numbers") {
  std::array<double, 7> buffer{1, 2, 3, 4, 5, 6, 0.5};
  const auto p = view(model_vars, buffer);
  static_assert(decltype(p)::numbers() == 7 && decltype(p)::size() == 2);
  CHECK(p.data() == buffer.data());
  CHECK(p[c] == 0.5);
  CHECK(p[W][5] == 6.0);  // row-major: W(1, 2)
  p[c] = 2.0;
  p[W][0] = -1.0;
  CHECK(buffer[6] == 2.0);
  CHECK(buffer[0] == -1.0);
  const model copy = p.values();
  CHECK(copy[c] == 2.0);
  CHECK(copy[W](0, 0) == -1.0);
  CHECK(copy[W](1, 2) == 6.0);
  std::array<double, 7> round_trip{};
  copy.copy_to(round_trip);
  CHECK(round_trip == buffer);
}

TEST_CASE("core/values_view: at(view, ...) binds in place, so a number changed in the buffer is read") {
  std::vector<double> buffer{1, 2, 3, 4, 5, 6, 0.5};
  const std::array<double, 3> row{1.0, -2.0, 3.0};
  const auto p = view(model_vars, buffer);
  const auto point = at(p, x = row);
  // Σ W∘x broadcast over rows: (1 − 4 + 9) + (4 − 10 + 18) = 18; f = 18·0.5 + 0.25.
  CHECK(eval(f, point) == doctest::Approx(9.25));
  buffer[6] = 1.0;  // c, after the point was made: bound by value, so the point keeps 0.5
  CHECK(eval(f, point) == doctest::Approx(9.25));
  buffer[0] = 2.0;  // W(0, 0): bound in place, so the point sees it
  CHECK(eval(f, point) == doctest::Approx(0.5 * 19.0 + 0.25));
  CHECK(eval(f, at(p, x = row)) == doctest::Approx(19.0 + 1.0));
}

TEST_CASE("core/values_view: value_and_grad through a view equals it through parameters, on a data set") {
  std::vector<std::array<double, 3>> xs{{1.0, 2.0, -1.0}, {0.5, -0.5, 2.0}, {-1.0, 0.0, 1.5}};
  std::vector<double> ys{1.0, -2.0, 0.5};
  const auto data = dataset(x = xs, y = ys);
  // A row term and a term no row reaches (computed once per call): both paths must agree.
  const auto loss = square(sum(W * x) * c - y) + 0.01 * square(c);
  std::array<double, 7> buffer{0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7};
  model owned{};
  owned.copy_from(buffer);
  const auto [value, g] = value_and_grad(loss, view(model_vars, buffer), data);
  const auto [expected_value, expected] = value_and_grad(loss, owned, data);
  CHECK(value == expected_value);
  CHECK(g == expected);
  // A read-only view (const numbers) works too, and the gradient goes into a flat buffer.
  const std::array<double, 7>& numbers = buffer;
  const auto [same_value, same] = value_and_grad(loss, view(model_vars, numbers), data);
  std::array<double, 7> gradient_out{};
  same.copy_to(gradient_out);
  CHECK(same_value == expected_value);
  std::array<double, 7> expected_out{};
  expected.copy_to(expected_out);
  CHECK(gradient_out == expected_out);
  // And through a bare pointer, as a Ceres parameter block arrives.
  const double* raw = buffer.data();
  CHECK(value_and_grad(loss, view(model_vars, raw), data).grad == expected);
}

TEST_CASE("core/values_view: a span of another run-time size is an error that names both counts") {
  std::vector<double> short_buffer(6, 0.0);
  std::string message;
  try {
    [[maybe_unused]] const auto p = view(model_vars, short_buffer);
  } catch (const std::invalid_argument& e) {
    message = e.what();
  }
  CHECK(message == "ctgrad::variable_values_view: the variables hold 7 numbers, but the span has 6");
}

TEST_CASE("core/values_view: copy_to and copy_from take a run-time span too, checked against the count") {
  model p{};
  std::vector<double> numbers{1, 2, 3, 4, 5, 6, 7};
  p.copy_from(std::span<const double>(numbers));
  CHECK(p[c] == 7.0);
  CHECK(p[W](1, 0) == 4.0);
  std::vector<double> out(7, 0.0);
  p.copy_to(std::span<double>(out));
  CHECK(out == numbers);
  std::vector<double> too_long(8, 0.0);
  std::string message;
  try {
    p.copy_to(std::span<double>(too_long));
  } catch (const std::invalid_argument& e) {
    message = e.what();
  }
  CHECK(message == "ctgrad::variable_values::copy_to: the variables hold 7 numbers, but the span has 8");
  CHECK(too_long == std::vector<double>(8, 0.0));  // nothing written
}
