// tests/diff/shared_constant_test.cpp: a named subexpression that holds a runtime constant
// (`auto inverse = 1.0 / t;`) used many times is one node of the graph while its uses' constants
// are equal, and every use its own node where they differ; the values and derivatives are right
// either way.
#include <ctgrad/ctgrad.hpp>

#include <doctest/doctest.h>

#include "support/counted_op.hpp"

#include <array>
#include <cstddef>
#include <type_traits>
#include <cmath>
#include <vector>

using namespace ctgrad;
using counting::counted;

namespace {
constexpr var<"x"> x;
constexpr var<"y"> y;

void reset() { counting::counted_op::evaluations = 0; }
}  // namespace

TEST_CASE("shared_constant: a named subexpression holding 1.0 is computed once per sweep") {
  const auto inverse = counted(1.0 / (x * x + y));  // x² + y, then its reciprocal, counted
  const auto f = inverse * inverse + sin(inverse) * x;
  static_assert(detail::shares_payloads<decltype(f)>);
  static_assert(std::size_t{detail::graph_t<decltype(f)>::size} < std::size_t{detail::unshared_graph_t<decltype(f)>::size});
  reset();
  const auto [value, g] = value_and_grad(f, wrt(x, y), at(x = 1.5, y = 0.5));
  CHECK(counting::counted_op::evaluations == 1);
  // By hand: u = 1/(x² + y), f = u² + x·sin u, ∂u/∂x = −2x·u², ∂u/∂y = −u².
  const double u = 1.0 / (1.5 * 1.5 + 0.5);
  const double df_du = 2 * u + 1.5 * std::cos(u);
  CHECK(value == doctest::Approx(u * u + 1.5 * std::sin(u)).epsilon(1e-15));
  CHECK(g[x] == doctest::Approx(df_du * (-2 * 1.5 * u * u) + std::sin(u)).epsilon(1e-14));
  CHECK(g[y] == doctest::Approx(df_du * (-u * u)).epsilon(1e-14));
  reset();
  CHECK(eval(f, at(x = 1.5, y = 0.5)) == doctest::Approx(u * u + 1.5 * std::sin(u)).epsilon(1e-15));
  CHECK(counting::counted_op::evaluations == 1);
}

TEST_CASE("shared_constant: uses of one type with different constants are each their own node") {
  const auto a = counted(2.0 / (x * x + y));
  const auto b = counted(3.0 / (x * x + y));  // a's type, another constant
  const auto f = a * b + sin(a) * x;
  static_assert(std::is_same_v<decltype(a), decltype(b)>);
  reset();
  const auto [value, g] = value_and_grad(f, wrt(x, y), at(x = 1.5, y = 0.5));
  CHECK(counting::counted_op::evaluations == 3);  // a, b and a again: nothing shared
  const double d = 1.5 * 1.5 + 0.5, av = 2 / d, bv = 3 / d;
  CHECK(value == doctest::Approx(av * bv + std::sin(av) * 1.5).epsilon(1e-15));
  // Central differences of the function itself.
  const auto at_x = [&](double h) { return eval(f, at(x = 1.5 + h, y = 0.5)); };
  const auto at_y = [&](double h) { return eval(f, at(x = 1.5, y = 0.5 + h)); };
  CHECK(g[x] == doctest::Approx((at_x(1e-6) - at_x(-1e-6)) / 2e-6).epsilon(1e-8));
  CHECK(g[y] == doctest::Approx((at_y(1e-6) - at_y(-1e-6)) / 2e-6).epsilon(1e-8));
}

TEST_CASE("shared_constant: +0 and -0 are different constants") {
  // 1/(y·0) is +∞ and 1/(y·−0) is −∞ for y > 0; equal as numbers, the two zeros must not share.
  const auto f = sign(1.0 / (y * 0.0)) - sign(1.0 / (y * -0.0));
  CHECK(eval(f, at(y = 1.0)) == 2.0);
}

TEST_CASE("shared_constant: a Jacobian of outputs sharing a value that holds 1.0") {
  const auto inverse = counted(1.0 / (x * x + y));
  const auto f = outputs(inverse * x, inverse * y + (1.0 - cos(inverse)));
  reset();
  const auto r = value_and_jacobian(f, wrt(x, y), at(x = 0.5, y = 2.0));
  CHECK(counting::counted_op::evaluations == 1);
  const double u = 1.0 / (0.25 + 2.0), du_dx = -2 * 0.5 * u * u, du_dy = -u * u;
  CHECK(r.value[0] == doctest::Approx(u * 0.5).epsilon(1e-15));
  CHECK(r.jacobian(0, x) == doctest::Approx(du_dx * 0.5 + u).epsilon(1e-14));
  CHECK(r.jacobian(1, y) == doctest::Approx(du_dy * 2.0 + u + std::sin(u) * du_dy).epsilon(1e-14));
  // The same outputs with another constant in one use: each use its own node, still right.
  const auto other = counted(2.0 / (x * x + y));
  const auto h = outputs(inverse * x, other * y);
  reset();
  const auto s = value_and_jacobian(h, wrt(x, y), at(x = 0.5, y = 2.0));
  CHECK(counting::counted_op::evaluations == 2);
  CHECK(s.jacobian(1, y) == doctest::Approx(2 * du_dy * 2.0 + 2 * u).epsilon(1e-14));
}

TEST_CASE("shared_constant: the mean over a data set's rows") {
  constexpr var<"w"> w;
  constexpr var<"t"> t;
  const auto scale = counted(1.0 / (w * w + 1.0));  // depends on no row: once per call
  const auto loss = pow<2>(scale * t - 0.5) + scale;
  const std::vector<double> ts{0.5, 1.0, 2.0};
  parameters<double, var<"w">> params;
  params[w] = 0.75;
  reset();
  const auto [value, g] = value_and_grad(loss, params, dataset(t = ts));
  CHECK(counting::counted_op::evaluations == 1);
  const double s = 1 / (0.75 * 0.75 + 1), ds = -2 * 0.75 * s * s;
  double mean = 0, slope = 0;
  for (const double ti : ts) {
    mean += ((s * ti - 0.5) * (s * ti - 0.5) + s) / 3;
    slope += (2 * (s * ti - 0.5) * ti + 1) * ds / 3;
  }
  CHECK(value == doctest::Approx(mean).epsilon(1e-14));
  CHECK(g[w] == doctest::Approx(slope).epsilon(1e-14));
}
