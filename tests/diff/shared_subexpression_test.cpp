// tests/diff/shared_subexpression_test.cpp: a subexpression named once and used many times is one
// node of the flat graph: its value is computed once per sweep, a rule that needs it reads it,
// and the gradients stay right.
#include <ctgrad/diff/flat_reverse.hpp>  // first: proves the header stands alone

#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include "support/counted_op.hpp"

#include <cmath>
#include <string_view>
#include <type_traits>

using namespace ctgrad;
// A named namespace: clang flags the ops' names and latex as unused in an anonymous one.
namespace shared_subexpression_test {
/// cos, its evaluations counted (in counted_op's counter) wherever they happen: in the forward
/// sweep or in a rule.
struct counted_cos_op {
  static constexpr std::string_view name = "ccos";
  static constexpr std::string_view latex = "\\operatorname{ccos}";
  static auto eval(auto v) { return std::cos(counting::counted_op::eval(v)); }
  static constexpr auto derivative(auto a, auto) { return -sin(a); }
};

/// sin whose derivative is the counted cos: its rule computes what the expression may hold.
struct counted_sin_op {
  static constexpr std::string_view name = "csin";
  static constexpr std::string_view latex = "\\operatorname{csin}";
  static auto eval(auto v) { return std::sin(v); }
  static constexpr auto derivative(auto a, auto) { return detail::make_unary<counted_cos_op>(a); }
};
}  // namespace shared_subexpression_test
using counting::counted;
using shared_subexpression_test::counted_cos_op;
using counting::counted_op;
using shared_subexpression_test::counted_sin_op;

namespace {
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;

constexpr auto ccos(expression auto e) { return detail::make_unary<counted_cos_op>(e); }
constexpr auto csin(expression auto e) { return detail::make_unary<counted_sin_op>(e); }

// A rotation angle and its sine and cosine, named once and used several times, as a Rodrigues
// rotation writes them.
constexpr auto th = sqrt(x * x + y * y + z * z);
constexpr auto ct = cos(th);
constexpr auto st = sin(th);
constexpr auto residual = ct * x + st * (y - z) / th + (1.0 - ct) * x * y / (th * th);

/// Central differences of f in one of x, y, z at (px, py, pz).
template <class E>
double central_difference(const E& f, int which, double px, double py, double pz) {
  constexpr double h = 1e-6;
  const auto at_shift = [&](double s) {
    return eval(f, at(x = px + (which == 0 ? s : 0.0), y = py + (which == 1 ? s : 0.0), z = pz + (which == 2 ? s : 0.0)));
  };
  return (at_shift(h) - at_shift(-h)) / (2 * h);
}
}  // namespace

// The graph holds each empty subexpression once: x, x², y, y², z, z², two sums, th; cos and sin
// of th; and the nodes above them. th occurs four times in the tree, once in the graph.
using residual_graph = detail::graph_t<decltype(residual)>;
static_assert(detail::id_in<std::remove_cvref_t<decltype(th)>, residual_graph> != detail::not_found);
static_assert(detail::graph_t<decltype(sin(th) + cos(th) + th)>::size == detail::graph_t<decltype(th)>::size + 4,
              "sin(th) + cos(th) + th adds sin, cos and two sums to th's graph, and no second th");
static_assert(detail::graph_t<decltype(sin(th) * sin(th))>::size == detail::graph_t<decltype(th)>::size + 2);
// A subexpression that holds a runtime constant is shared by the uses of its type too, but its type
// does not say its value: the entry points compare the uses' constants (payloads, numbered in the
// order they are written) and sweep the graph that holds each use on its own where they differ.
static_assert(detail::graph_t<decltype(x * 2.5 + x * 2.5)>::size == 4);
static_assert(detail::unshared_graph_t<decltype(x * 2.5 + x * 2.5)>::size == 6);
static_assert(detail::graph_t<decltype(x * 2.5 + x * 2.5)>::payloads == 2);
static_assert(eval(x * 2.5 + x * 2.5, at(x = 2.0)) == 10.0);
static_assert(eval(x * 2.5 + x * 1.5, at(x = 2.0)) == 8.0);
// The flat sweeps are constant expressions too.
constexpr auto s = x * x + y;
static_assert(eval(s * s + s, at(x = 3.0, y = 4.0)) == 182.0);
static_assert(value_and_grad(s * s, wrt(x), at(x = 3.0, y = 4.0)).grad[x] == 156.0);

TEST_CASE("diff/shared_subexpression: a subexpression used four times is evaluated once") {
  const auto c = counted(x * y);
  const auto f = c * c + sin(c) - c / (1.0 + c * z);
  counted_op::evaluations = 0;
  const double value = eval(f, at(x = 0.5, y = 1.5, z = 2.0));
  CHECK(counted_op::evaluations == 1);
  const double c0 = 0.75;
  CHECK(value == doctest::Approx(c0 * c0 + std::sin(c0) - c0 / (1.0 + c0 * 2.0)).epsilon(1e-15));

  counted_op::evaluations = 0;
  const auto [v, g] = value_and_grad(f, wrt(x, y, z), at(x = 0.5, y = 1.5, z = 2.0));
  CHECK(counted_op::evaluations == 1);
  CHECK(v == doctest::Approx(value).epsilon(1e-15));
  // ∂f/∂c = 2c + cos(c) - 1/(1 + cz)², and c = xy; ∂f/∂z = c²/(1 + cz)².
  const double dfdc = 2 * c0 + std::cos(c0) - 1.0 / ((1.0 + 2.0 * c0) * (1.0 + 2.0 * c0));
  CHECK(g[x] == doctest::Approx(dfdc * 1.5).epsilon(1e-14));
  CHECK(g[y] == doctest::Approx(dfdc * 0.5).epsilon(1e-14));
  CHECK(g[z] == doctest::Approx(c0 * c0 / ((1.0 + 2.0 * c0) * (1.0 + 2.0 * c0))).epsilon(1e-14));
}

TEST_CASE("diff/shared_subexpression: a rule that needs a value the expression holds reads it") {
  // csin's derivative is ccos(a): with ccos(th) in the expression, the backward sweep reads the
  // forward value instead of computing it again, so ccos is evaluated once per call.
  const auto f = ccos(th) * csin(th) + th;
  counted_op::evaluations = 0;
  const auto [value, g] = value_and_grad(f, wrt(x, y, z), at(x = 0.3, y = -0.4, z = 1.2));
  CHECK(counted_op::evaluations == 1);
  const double t = std::sqrt(0.09 + 0.16 + 1.44);
  CHECK(value == doctest::Approx(std::cos(t) * std::sin(t) + t).epsilon(1e-15));
  const double dfdt = std::cos(2 * t) + 1.0;  // d/dt (cos t sin t + t)
  CHECK(g[x] == doctest::Approx(dfdt * 0.3 / t).epsilon(1e-14));
  CHECK(g[y] == doctest::Approx(dfdt * -0.4 / t).epsilon(1e-14));
  CHECK(g[z] == doctest::Approx(dfdt * 1.2 / t).epsilon(1e-14));

  // Without ccos(th) in the expression, the rule computes it: once, in the backward sweep.
  counted_op::evaluations = 0;
  const auto only_sine = value_and_grad(csin(th) * th, wrt(x), at(x = 0.3, y = -0.4, z = 1.2));
  CHECK(counted_op::evaluations == 1);
  CHECK(only_sine.grad[x] == doctest::Approx((std::cos(t) * t + std::sin(t)) * 0.3 / t).epsilon(1e-14));
}

TEST_CASE("diff/shared_subexpression: a residual with shared subexpressions matches central differences") {
  for (const auto& p : {std::array{0.3, -0.4, 1.2}, std::array{-1.1, 0.7, 0.05}, std::array{2.0, 1.5, -0.75}}) {
    const auto [value, g] = value_and_grad(residual, wrt(x, y, z), at(x = p[0], y = p[1], z = p[2]));
    CHECK(value == doctest::Approx(eval(residual, at(x = p[0], y = p[1], z = p[2]))).epsilon(1e-15));
    CHECK(g[x] == doctest::Approx(central_difference(residual, 0, p[0], p[1], p[2])).epsilon(1e-7));
    CHECK(g[y] == doctest::Approx(central_difference(residual, 1, p[0], p[1], p[2])).epsilon(1e-7));
    CHECK(g[z] == doctest::Approx(central_difference(residual, 2, p[0], p[1], p[2])).epsilon(1e-7));
  }
}

TEST_CASE("diff/shared_subexpression: runtime constants keep their own values at each use") {
  const auto u = x * 1.5;
  const auto f = (u + y * 2.5) * u - u * 4.0;
  const auto [value, g] = value_and_grad(f, wrt(x, y), at(x = 2.0, y = -1.0));
  // f = (1.5x + 2.5y)·1.5x - 6x, so ∂f/∂x = 4.5x + 3.75y - 6 and ∂f/∂y = 3.75x.
  CHECK(value == doctest::Approx((3.0 - 2.5) * 3.0 - 12.0).epsilon(1e-15));
  CHECK(g[x] == doctest::Approx(9.0 - 3.75 - 6.0).epsilon(1e-15));
  CHECK(g[y] == doctest::Approx(7.5).epsilon(1e-15));
}

TEST_CASE("diff/shared_subexpression: partials nothing reaches are 0, and a first contribution is not added to 0") {
  // step's derivative is the constant 0: x is below f only through it.
  const auto [value, g] = value_and_grad(step(x) * y + z, wrt(x, y, z), at(x = 0.5, y = 3.0, z = -2.0));
  CHECK(value == 1.0);
  CHECK(g[x] == 0.0);
  CHECK(g[y] == 1.0);
  CHECK(g[z] == 1.0);
  // ∂(x·y)/∂x is y itself, -0.0 kept: an adjoint that started at 0.0 would have made it +0.0.
  const auto signed_zero = value_and_grad(x * y, wrt(x), at(x = 2.0, y = -0.0));
  CHECK(std::signbit(signed_zero.grad[x]));
}

TEST_CASE("diff/shared_subexpression: accumulate_grad adds each partial of the shared graph once") {
  const auto f = th * th * ct;
  gradient<double, var<"x">, var<"y">, var<"z">> sum{};
  sum[x] = 1.0;
  const double value = accumulate_grad(f, wrt(x, y, z), at(x = 0.25, y = 0.5, z = -1.0), sum);
  const auto [expected_value, expected] = value_and_grad(f, wrt(x, y, z), at(x = 0.25, y = 0.5, z = -1.0));
  CHECK(value == expected_value);
  CHECK(sum[x] == doctest::Approx(1.0 + expected[x]).epsilon(1e-15));
  CHECK(sum[y] == expected[y]);
  CHECK(sum[z] == expected[z]);
  CHECK(expected[x] == doctest::Approx(central_difference(f, 0, 0.25, 0.5, -1.0)).epsilon(1e-7));
}

TEST_CASE("diff/shared_subexpression: below max, relu and min, an adjoint of 0 passes 0, not 0·inf") {
  // max(x, log(y)) at y = 0 is x: its partial in y is 0, though log's rule 1/y is infinite there.
  const auto [value, g] = value_and_grad(max(x, log(y)), wrt(x, y), at(x = 1.0, y = 0.0));
  CHECK(value == 1.0);
  CHECK(g[x] == 1.0);
  CHECK(g[y] == 0.0);
  // relu(sqrt(z) - 1) is 0 below z = 1, where sqrt's rule at z = 0 is infinite.
  const auto inactive = value_and_grad(relu(sqrt(z) - 1.0) + x, wrt(x, z), at(x = 2.0, z = 0.0));
  CHECK(inactive.grad[z] == 0.0);
  CHECK(inactive.grad[x] == 1.0);
  // Where it is active the rules apply: d/dz relu(sqrt(z) - 1) = 1/(2·sqrt(z)).
  const auto active = value_and_grad(relu(sqrt(z) - 1.0) + x, wrt(x, z), at(x = 2.0, z = 4.0));
  CHECK(active.grad[z] == doctest::Approx(0.25).epsilon(1e-15));
}
