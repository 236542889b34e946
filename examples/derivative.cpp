// examples/derivative.cpp: a tour of the scalar API: variables, eval, d with printed formulas,
// value_and_grad, hessian, constexpr gradients, constants, and float versus double.
#include <ctgrad/ctgrad.hpp>

#include "options.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;  // 3_c, a compile-time constant

constexpr var<"x"> x;  // a variable is an empty type: its name is all it holds
constexpr var<"y"> y;

constexpr auto f = sin(x) * y + pow<2>(x);  // an expression: its type is the graph
static_assert(std::is_empty_v<decltype(f)>);

// Polynomials are constexpr with every compiler (std::sin is constexpr only as a g++ builtin).
// 3_c is part of p's type; the 2 in y / 2 is a runtime constant<int> stored in p.
constexpr auto p = 3_c * pow<2>(x) * y - y / 2;
constexpr auto p_grad = grad(p, wrt(x, y), at(x = 2.0, y = 5.0));
static_assert(p_grad[x] == 60.0 && p_grad[y] == 11.5);  // ∂p/∂x = 6xy, ∂p/∂y = 3x² − 1/2

static_assert(std::is_same_v<decltype(d(3_c * x, x)), rational<3>>);  // folded in the type
static_assert(std::is_same_v<decltype(d(pow<2>(y), x)), zero>);        // no x in y²

int failures = 0;
void check(const char* what, double got, double want, double tolerance = 1e-12) {
  const bool ok = std::abs(got - want) <= tolerance * (1 + std::abs(want));
  std::printf("  %-10s %12.9f   expected %12.9f  %s\n", what, got, want, ok ? "ok" : "MISMATCH");
  failures += ok ? 0 : 1;
}

int main(int argc, char** argv) {
  command_line(argc, argv, "\n  (prints a tour of the scalar API; no options)\n").finish();
  std::cout << "f            = " << f << '\n'
            << "f(1, 2)      = " << eval(f, at(x = 1.0, y = 2.0)) << '\n'
            << "df/dx        = " << d(f, x) << '\n'
            << "df/dy        = " << d(f, y) << '\n'
            << "d2f/dx2      = " << d(d(f, x), x) << '\n'
            << "d2f/dxdy     = " << d(d(f, x), y) << '\n'
            << "d(y^2)/dx    = " << d(pow<2>(y), x) << "\n\n";

  // Reverse mode: one forward and one backward sweep, gradient read by variable.
  const double x0 = 1.0, y0 = 2.0;
  const auto [value, g] = value_and_grad(f, wrt(x, y), at(x = x0, y = y0));
  std::cout << "value_and_grad at x = 1, y = 2:\n";
  check("f", value, std::sin(x0) * y0 + x0 * x0);
  check("g[x]", g[x], y0 * std::cos(x0) + 2 * x0);  // by hand: y·cos x + 2x
  check("g[y]", g[y], std::sin(x0));                // by hand: sin x
  check("d(f, x)", eval(d(f, x), at(x = x0, y = y0)), g[x]);  // symbolic agrees with reverse

  const auto h = hessian(f, wrt(x, y), at(x = x0, y = y0));
  std::cout << "hessian:\n";
  check("h[x][x]", h[0][0], 2 - y0 * std::sin(x0));
  check("h[x][y]", h[0][1], std::cos(x0));
  check("h[y][x]", h[1][0], std::cos(x0));
  check("h[y][y]", h[1][1], 0.0);

  // Plain numbers become runtime constants; _c literals are compile-time and fold away.
  std::cout << "\np            = " << p << '\n'
            << "dp/dx        = " << d(p, x) << '\n'
            << "dp/dy        = " << d(p, y) << '\n'
            << "d(x * 2.5)/dx = " << d(x * 2.5, x) << ", d(3_c * x)/dx = " << d(3_c * x, x)
            << ", x + x = " << x + x << ", x * x = " << x * x << '\n'
            << "constexpr grad of p at (2, 5): " << p_grad[x] << ", " << p_grad[y] << "\n\n";

  // The bound numbers choose the type: float in, float out; mixed, their common type.
  const float as_float = eval(f, at(x = 1.0f, y = 2.0f));
  const double as_double = eval(f, at(x = 1.0, y = 2.0));
  static_assert(std::is_same_v<decltype(eval(f, at(x = 1.0f, y = 2.0))), double>);
  std::printf("f(1, 2) as float  = %.9g\nf(1, 2) as double = %.17g\n", as_float, as_double);
  check("float", as_float, as_double, 1e-6);

  std::cout << (failures == 0 ? "all checks passed\n" : "some checks FAILED\n");
  return failures == 0 ? 0 : 1;
}
