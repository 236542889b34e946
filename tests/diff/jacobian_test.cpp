// tests/diff/jacobian_test.cpp: value_and_jacobian, jacobian and jvp: against hand-derived
// Jacobians, central differences in long double, value_and_grad per output, and each other
// (reverse mode against forward mode); values shared by the outputs computed once.
#include <ctgrad/diff/jacobian.hpp>  // first: proves the header stands alone

#include <ctgrad/core/eval.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/diff/hessian.hpp>
#include <ctgrad/diff/symbolic.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include "support/near.hpp"

#include "support/counted_op.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <tuple>

using namespace ctgrad;
using support::near;
using counting::counted;
using counting::counted_op;

namespace {
constexpr var<"r"> r;
constexpr var<"t"> t;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;


// A rotation by the axis-angle vector (x, y, z) of the point (p, q, s), projected: the two
// residuals of a camera without its intrinsics, as bundle adjustment writes them (Rodrigues'
// formula with th = |w| named once and used many times).
constexpr var<"p"> p;
constexpr var<"q"> q;
constexpr var<"s"> s;
constexpr auto th = sqrt(x * x + y * y + z * z);
constexpr auto ct = cos(th);
constexpr auto st = sin(th);
constexpr auto vx = x / th;
constexpr auto vy = y / th;
constexpr auto vz = z / th;
constexpr auto v_dot_p = vx * p + vy * q + vz * s;
constexpr auto c0 = p * ct + (vy * s - vz * q) * st + vx * v_dot_p * (1 - ct);
constexpr auto c1 = q * ct + (vz * p - vx * s) * st + vy * v_dot_p * (1 - ct);
constexpr auto c2 = s * ct + (vx * q - vy * p) * st + vz * v_dot_p * (1 - ct);
constexpr auto projected = outputs(c0 / c2, c1 / c2);
constexpr auto rotation_wrt = wrt(x, y, z, p, q, s);
}  // namespace

TEST_CASE("value_and_jacobian of polar coordinates equals the hand-derived Jacobian in both modes") {
  const auto cartesian = outputs(r * cos(t), r * sin(t));
  const double rv = 1.7, tv = 0.6;
  const auto check = [&](const auto& result) {
    const auto& [value, J] = result;
    CHECK(value[0] == doctest::Approx(rv * std::cos(tv)).epsilon(1e-15));
    CHECK(value[1] == doctest::Approx(rv * std::sin(tv)).epsilon(1e-15));
    CHECK(J(0, r) == doctest::Approx(std::cos(tv)).epsilon(1e-15));
    CHECK(J(0, t) == doctest::Approx(-rv * std::sin(tv)).epsilon(1e-15));
    CHECK(J(1, r) == doctest::Approx(std::sin(tv)).epsilon(1e-15));
    CHECK(J(1, t) == doctest::Approx(rv * std::cos(tv)).epsilon(1e-15));
    CHECK(J(1, 0) == J(1, r));  // columns in wrt(...)'s order
    CHECK(J(0, 1) == J(0, t));
  };
  check(value_and_jacobian(cartesian, wrt(r, t), at(r = rv, t = tv), reverse_mode));
  check(value_and_jacobian(cartesian, wrt(r, t), at(r = rv, t = tv), forward_mode));
  check(value_and_jacobian(cartesian, wrt(r, t), at(r = rv, t = tv)));
  // Columns follow wrt(...), not the expression: swapped, J(0, 0) is ∂/∂t.
  const auto J = jacobian(cartesian, wrt(t, r), at(r = rv, t = tv));
  CHECK(J(0, 0) == doctest::Approx(-rv * std::sin(tv)).epsilon(1e-15));
  CHECK(J(0, r) == doctest::Approx(std::cos(tv)).epsilon(1e-15));
}

TEST_CASE("value_and_jacobian reads each output's runtime constants, in the order they are written") {
  // 2.5, 1.5 and 4.0 are payloads of one graph, numbered across the outputs.
  const auto f = outputs(x * 2.5 + y, x * y * 1.5, y * 4.0);
  const double xv = 3.0, yv = -2.0;
  for (const bool by_rows : {true, false}) {
    CAPTURE(by_rows);
    const auto [value, J] = by_rows ? value_and_jacobian(f, wrt(x, y), at(x = xv, y = yv), reverse_mode)
                                    : value_and_jacobian(f, wrt(x, y), at(x = xv, y = yv), forward_mode);
    CHECK(value == std::array{2.5 * xv + yv, 1.5 * xv * yv, 4.0 * yv});
    CHECK(J.values == std::array{2.5, 1.0, 1.5 * yv, 1.5 * xv, 0.0, 4.0});
  }
}

TEST_CASE("automatic_mode sweeps per output when they are fewer, per variable otherwise") {
  static_assert(detail::by_rows<automatic_mode_t, 2, 6>, "2 outputs of 6 variables: 2 backward sweeps");
  static_assert(detail::by_rows<automatic_mode_t, 2, 2>, "a tie: backward sweeps");
  static_assert(!detail::by_rows<automatic_mode_t, 3, 2>, "3 outputs of 2 variables: 2 tangent sweeps");
  static_assert(!detail::by_rows<forward_mode_t, 1, 9>);
  static_assert(detail::by_rows<reverse_mode_t, 9, 1>);
}

TEST_CASE("the Jacobian of a rotation and projection agrees with central differences, value_and_grad and jvp") {
  const std::array<double, 6> point{0.3, -0.2, 0.45, 1.2, -0.7, 4.0};
  const auto bound = at(x = point[0], y = point[1], z = point[2], p = point[3], q = point[4], s = point[5]);
  const auto reverse = value_and_jacobian(projected, rotation_wrt, bound, reverse_mode);
  const auto& value = reverse.value;
  const auto& J = reverse.jacobian;  // clang++ 14 captures no structured binding in a lambda
  const auto [forward_value, forward_J] = value_and_jacobian(projected, rotation_wrt, bound, forward_mode);
  CHECK(forward_value == value);

  const auto residual = [](const std::array<long double, 6>& w, std::size_t k) {
    const auto b = at(x = w[0], y = w[1], z = w[2], p = w[3], q = w[4], s = w[5]);
    return k == 0 ? eval(c0 / c2, b) : eval(c1 / c2, b);
  };
  std::array<long double, 6> wide{};
  for (std::size_t j = 0; j < 6; ++j) wide[j] = point[j];
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(near(value[i], residual(wide, i), 1e-15L));
    for (std::size_t j = 0; j < 6; ++j) {
      CAPTURE(i);
      CAPTURE(j);
      const long double h = 1e-6L;
      auto above = wide, below = wide;
      above[j] += h;
      below[j] -= h;
      const long double difference = (residual(above, i) - residual(below, i)) / (2 * h);
      CHECK(near(J(i, j), difference, 1e-9L));
      CHECK(near(forward_J(i, j), J(i, j), 1e-14L));  // the two modes: the same partials, summed in another order
    }
  }
  // Each row is the gradient value_and_grad gives for that output alone (summed in another order:
  // the outputs' graph numbers the second output's nodes after the first's).
  const auto rows = std::array{value_and_grad(c0 / c2, rotation_wrt, bound).grad,
                               value_and_grad(c1 / c2, rotation_wrt, bound).grad};
  for (std::size_t i = 0; i < 2; ++i) {
    std::size_t j = 0;
    J.row(i).for_each([&](auto variable, double partial) {
      CHECK(near(partial, rows[i][variable], 1e-14L));
      CHECK(partial == J(i, j++));
    });
  }

  // jvp: J·d in one tangent sweep, for outputs(...) and for a single expression.
  const std::array<double, 6> direction{0.5, -1.0, 2.0, 0.25, 3.0, -0.75};
  const auto [jvp_value, derivative] = jvp(projected, rotation_wrt, bound, direction);
  CHECK(jvp_value == value);
  for (std::size_t i = 0; i < 2; ++i) {
    long double expected = 0;
    for (std::size_t j = 0; j < 6; ++j) expected += static_cast<long double>(J(i, j)) * direction[j];
    CHECK(near(derivative[i], expected, 1e-14L));
  }
  const auto one = jvp(c1 / c2, rotation_wrt, bound, direction);
  CHECK(one.value == value[1]);
  CHECK(one.derivative == derivative[1]);
}

TEST_CASE("a value the outputs share is computed once per value_and_jacobian, in either mode") {
  constexpr auto shared = counted(sqrt(x * x + y * y));
  const auto f = outputs(cos(shared) * x, sin(shared) * y, shared);
  const double xv = 0.8, yv = -1.1;
  const double n = std::sqrt(xv * xv + yv * yv);
  for (const bool by_rows : {true, false}) {
    CAPTURE(by_rows);
    counted_op::evaluations = 0;
    const auto [value, J] = by_rows ? value_and_jacobian(f, wrt(x, y), at(x = xv, y = yv), reverse_mode)
                                    : value_and_jacobian(f, wrt(x, y), at(x = xv, y = yv), forward_mode);
    CHECK(counted_op::evaluations == 1);
    CHECK(value[2] == doctest::Approx(n).epsilon(1e-15));
    // f0 = cos(n)·x: ∂/∂x = -sin(n)·x/n·x + cos(n); ∂/∂y = -sin(n)·y/n·x.
    CHECK(J(0, x) == doctest::Approx(-std::sin(n) * xv / n * xv + std::cos(n)).epsilon(1e-14));
    CHECK(J(0, y) == doctest::Approx(-std::sin(n) * yv / n * xv).epsilon(1e-14));
    // f1 = sin(n)·y: ∂/∂x = cos(n)·x/n·y; ∂/∂y = cos(n)·y/n·y + sin(n).
    CHECK(J(1, x) == doctest::Approx(std::cos(n) * xv / n * yv).epsilon(1e-14));
    CHECK(J(1, y) == doctest::Approx(std::cos(n) * yv / n * yv + std::sin(n)).epsilon(1e-14));
    CHECK(J(2, x) == doctest::Approx(xv / n).epsilon(1e-15));
    CHECK(J(2, y) == doctest::Approx(yv / n).epsilon(1e-15));
  }
}

TEST_CASE("outputs that are variables, constants, repeated or independent of a variable") {
  const auto f = outputs(x, y * y, 3 * x, x, rational<2>{});
  for (const bool by_rows : {true, false}) {
    CAPTURE(by_rows);
    const auto [value, J] = by_rows ? value_and_jacobian(f, wrt(x, y, z), at(x = 2.0, y = 5.0, z = 1.0), reverse_mode)
                                    : value_and_jacobian(f, wrt(x, y, z), at(x = 2.0, y = 5.0, z = 1.0), forward_mode);
    CHECK(value == std::array{2.0, 25.0, 6.0, 2.0, 2.0});
    // z is bound but in no output: its column is 0; a constant's row is 0.
    CHECK(J.values == std::array{1.0, 0.0, 0.0,  //
                                 0.0, 10.0, 0.0,  //
                                 3.0, 0.0, 0.0,   //
                                 1.0, 0.0, 0.0,   //
                                 0.0, 0.0, 0.0});
  }
}

TEST_CASE("eval of outputs(...): every value from one forward sweep, a shared value computed once") {
  constexpr auto shared = counted(x * y);
  counted_op::evaluations = 0;
  const auto value = eval(outputs(sin(shared), shared * 2.0, x), at(x = 0.5, y = 3.0));
  CHECK(counted_op::evaluations == 1);
  CHECK(value == std::array{std::sin(1.5), 3.0, 0.5});
  static_assert(eval(outputs(x * y, x + y), at(x = 2.0, y = 3.0)) == std::array{6.0, 5.0});
}

TEST_CASE("value_and_jacobian writes into the caller's buffers, row-major") {
  std::array<double, 2> value{-1.0, -1.0};
  std::array<double, 6> J{};
  J.fill(-1.0);  // every number is overwritten, the zeros too
  value_and_jacobian(outputs(x * y, x + z * 0), wrt(x, y, z), at(x = 2.0, y = 3.0, z = 4.0), value, J);
  CHECK(value == std::array{6.0, 2.0});
  CHECK(J == std::array{3.0, 2.0, 0.0, 1.0, 0.0, 0.0});
  value_and_jacobian(outputs(x * y, x + z * 0), wrt(x, y, z), at(x = 2.0, y = 3.0, z = 4.0), value, J, forward_mode);
  CHECK(J == std::array{3.0, 2.0, 0.0, 1.0, 0.0, 0.0});
}

TEST_CASE("a zero tangent through a flat relu stays zero above it, as the backward sweep's adjoint does") {
  // At x < 0, relu(x) = 0 and its derivative is 0; sqrt's derivative there is infinite. The chain
  // rule's 0 · ∞ is taken as 0 by both sweeps, not NaN.
  const auto f = outputs(sqrt(relu(x)) + y);
  for (const bool by_rows : {true, false}) {
    CAPTURE(by_rows);
    const auto J = by_rows ? jacobian(f, wrt(x, y), at(x = -1.0, y = 2.0), reverse_mode)
                           : jacobian(f, wrt(x, y), at(x = -1.0, y = 2.0), forward_mode);
    CHECK(J(0, x) == 0.0);
    CHECK(J(0, y) == 1.0);
  }
}

TEST_CASE("hvp: the Hessian times a direction, with the gradient, against hessian and differences") {
  constexpr auto f = x * x * y + sin(x * y) + pow<3>(y) * z;
  const double xv = 0.7, yv = -1.3, zv = 0.4;
  const std::array<double, 3> direction{0.5, -2.0, 1.5};
  const auto [gradient, product] = hvp(f, wrt(x, y, z), at(x = xv, y = yv, z = zv), direction);
  const auto H = hessian(f, wrt(x, y, z), at(x = xv, y = yv, z = zv));
  const auto g = grad(f, wrt(x, y, z), at(x = xv, y = yv, z = zv));
  CHECK(near(gradient[0], g[x], 1e-15L));
  CHECK(near(gradient[1], g[y], 1e-15L));
  CHECK(near(gradient[2], g[z], 1e-15L));
  for (std::size_t i = 0; i < 3; ++i) {
    long double expected = 0;
    for (std::size_t j = 0; j < 3; ++j) expected += static_cast<long double>(H[i][j]) * direction[j];
    CHECK(near(product[i], expected, 1e-14L));
  }
  // Central differences of the gradient along the direction, in long double.
  const auto gradient_at = [&](long double h) {
    const auto p = at(x = xv + h * direction[0], y = yv + h * direction[1], z = zv + h * direction[2]);
    return std::array{eval(d(f, x), p), eval(d(f, y), p), eval(d(f, z), p)};
  };
  const long double h = 1e-6L;
  const auto above = gradient_at(h), below = gradient_at(-h);
  for (std::size_t i = 0; i < 3; ++i) CHECK(near(product[i], (above[i] - below[i]) / (2 * h), 1e-8L));
  // A variable f does not use: its gradient entry and its row of H·v are 0.
  const auto [g2, hv2] = hvp(x * x, wrt(x, y), at(x = 3.0, y = 1.0), {1.0, 1.0});
  CHECK(g2 == std::array{6.0, 0.0});
  CHECK(hv2 == std::array{2.0, 0.0});
}

static_assert(hvp(x * x * y, wrt(x, y), at(x = 2.0, y = 3.0), {1.0, 0.0}).derivative == std::array{6.0, 4.0});

// Computed by the compiler: a constant expression, in both modes.
static_assert(jacobian(outputs(x * y, x + y * y), wrt(x, y), at(x = 2.0, y = 3.0), reverse_mode).values ==
              std::array{3.0, 2.0, 1.0, 6.0});
static_assert(jacobian(outputs(x * y, x + y * y), wrt(x, y), at(x = 2.0, y = 3.0), forward_mode).values ==
              std::array{3.0, 2.0, 1.0, 6.0});
static_assert(jvp(x * y * y, wrt(x, y), at(x = 2.0, y = 3.0), {1.0, 0.5}).derivative == 9.0 + 0.5 * 12.0);
