// tests/ops/where_test.cpp
#include <ctgrad/ops/where.hpp>  // first: proves the header stands alone

#include <ctgrad/core/eval.hpp>
#include <ctgrad/diff/jacobian.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/diff/symbolic.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <utility>

using namespace ctgrad;
constexpr var<"x"> x;
constexpr var<"y"> y;

// A choice by the sign of the condition, computed by the compiler.
static_assert(eval(where(x - 1, x * 3, -x), at(x = 2.0)) == 6.0);
static_assert(eval(where(x - 1, x * 3, -x), at(x = 1.0)) == -1.0);  // c = 0 takes b
static_assert(grad(where(x - 1, x * x, -y), wrt(x, y), at(x = 2.0, y = 5.0))[x] == 4.0);
static_assert(grad(where(x - 1, x * x, -y), wrt(x, y), at(x = 0.5, y = 5.0))[y] == -1.0);

TEST_CASE("ops/where: a where the condition is positive, b where it is not or is NaN") {
  const auto f = where(x - y, x * y, x + y);
  for (const double xv : {-2.0, -0.5, 0.0, 0.75, 3.0}) {
    for (const double yv : {-1.0, 0.0, 0.75, 2.0}) {
      CAPTURE(xv);
      CAPTURE(yv);
      CHECK(eval(f, at(x = xv, y = yv)) == (xv - yv > 0 ? xv * yv : xv + yv));
    }
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(eval(where(x, y, -y), at(x = nan, y = 2.0)) == -2.0);
}

TEST_CASE("ops/where: the derivative is the chosen branch's, against central differences") {
  const auto f = where(x - y, sin(x) * y, x * x * exp(y));
  for (const auto& point : {std::pair{1.5, 0.25}, std::pair{-0.5, 0.8}, std::pair{2.0, 2.5}}) {
    const double xv = point.first;
    const double yv = point.second;
    CAPTURE(xv);
    CAPTURE(yv);
    const auto [value, g] = value_and_grad(f, wrt(x, y), at(x = xv, y = yv));
    const auto J = jacobian(outputs(f), wrt(x, y), at(x = xv, y = yv), forward_mode);
    const double h = 1e-6;
    const double dx = (eval(f, at(x = xv + h, y = yv)) - eval(f, at(x = xv - h, y = yv))) / (2 * h);
    const double dy = (eval(f, at(x = xv, y = yv + h)) - eval(f, at(x = xv, y = yv - h))) / (2 * h);
    CHECK(value == eval(f, at(x = xv, y = yv)));
    CHECK(g[x] == doctest::Approx(dx).epsilon(1e-8));
    CHECK(g[y] == doctest::Approx(dy).epsilon(1e-8));
    CHECK(J(0, x) == doctest::Approx(g[x]).epsilon(1e-15));
    CHECK(J(0, y) == doctest::Approx(g[y]).epsilon(1e-15));
    // d(f, x) is step(c)·(a's derivative) + (1 - step(c))·(b's).
    CHECK(eval(d(f, x), at(x = xv, y = yv)) == doctest::Approx(g[x]).epsilon(1e-15));
  }
}

TEST_CASE("ops/where: the branch not taken may be NaN or infinite, value and derivatives stay finite") {
  // y / x and its derivatives are ∞ or NaN at x = 0: the branch is not taken there.
  const auto f = where(x * x, y / x + sqrt(x * x), y * 3.0);
  const auto [value, g] = value_and_grad(f, wrt(x, y), at(x = 0.0, y = 2.0));
  CHECK(value == 6.0);
  CHECK(g[x] == 0.0);
  CHECK(g[y] == 3.0);
  for (const auto J : {jacobian(outputs(f), wrt(x, y), at(x = 0.0, y = 2.0), forward_mode),
                       jacobian(outputs(f), wrt(x, y), at(x = 0.0, y = 2.0), reverse_mode)}) {
    CHECK(J(0, x) == 0.0);
    CHECK(J(0, y) == 3.0);
  }
  // Taken, the same branch has its own derivative: ∂/∂x (y/x + |x|) = -y/x² + sign(x).
  CHECK(grad(f, wrt(x), at(x = 2.0, y = 2.0))[x] == doctest::Approx(-0.5 + 1.0));
}
