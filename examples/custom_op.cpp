// examples/custom_op.cpp: adding an operation outside the library, softplus(a) = log(1 + eᵃ),
// by the same pattern as ctgrad's own ops: a tag struct with its rules, and a function.
#include <ctgrad/ctgrad.hpp>

#include "options.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string_view>

/// softplus(a) = log(1 + eᵃ), a smooth relu; softplus' = sigmoid.
struct softplus_op {
  static constexpr std::string_view name = "softplus";  // operator<<, to_dot
  static constexpr std::string_view latex = "\\operatorname{softplus}";  // to_latex
  static constexpr auto eval(auto a) {  // log1p keeps precision for large |a|
    using std::exp, std::log1p;
    return a > 0 ? a + log1p(exp(-a)) : log1p(exp(a));
  }
  // The rule as an expression of the operand a (and of the result, unused here): d builds the
  // formula from it and value_and_grad evaluates it on the values of the forward sweep.
  static constexpr auto derivative(auto a, auto /*result*/) { return ctgrad::sigmoid(a); }
};

/// softplus(a) as an expression.
constexpr ctgrad::expression auto softplus(ctgrad::expression auto a) {
  return ctgrad::unary<softplus_op, decltype(a)>{a};
}

using namespace ctgrad;

constexpr var<"x"> x;
constexpr var<"w"> w;

int main(int argc, char** argv) {
  command_line(argc, argv, "\n  (prints softplus, its derivatives and a gradient check; no options)\n").finish();
  std::cout << "f            = " << softplus(x) << '\n'
            << "df/dx        = " << d(softplus(x), x) << '\n'
            << "d2f/dx2      = " << d(d(softplus(x), x), x) << '\n'
            << "LaTeX        = " << to_latex(softplus(x)) << '\n';

  // It composes with everything else: the chain rule runs through the new op.
  constexpr auto loss = softplus(-(w * x));  // logistic loss of the margin w·x
  std::cout << "loss         = " << loss << '\n'
            << "dloss/dw     = " << d(loss, w) << "\n\n";

  int failures = 0;
  const double h = 1e-6;
  for (const double x0 : {-30.0, -2.0, 0.0, 0.5, 3.0, 40.0}) {
    const auto [value, g] = value_and_grad(softplus(x), wrt(x), at(x = x0));
    const double central = (eval(softplus(x), at(x = x0 + h)) - eval(softplus(x), at(x = x0 - h))) / (2 * h);
    const double exact = 1 / (1 + std::exp(-x0));
    const bool ok = std::abs(g[x] - central) < 1e-6 && std::abs(g[x] - exact) < 1e-15;
    std::printf("x = %5.1f  softplus = %-10.6g  grad = %.10f  finite difference = %.10f  %s\n", x0,
                value, g[x], central, ok ? "ok" : "MISMATCH");
    failures += ok ? 0 : 1;
  }

  const auto [value, g] = value_and_grad(loss, wrt(w), at(w = 0.5, x = 2.0));
  const double central = (eval(loss, at(w = 0.5 + h, x = 2.0)) - eval(loss, at(w = 0.5 - h, x = 2.0))) / (2 * h);
  const bool ok = std::abs(g[w] - central) < 1e-6;
  std::printf("loss at w = 0.5, x = 2: %.6f, dloss/dw = %.10f, finite difference = %.10f  %s\n", value,
              g[w], central, ok ? "ok" : "MISMATCH");
  failures += ok ? 0 : 1;
  return failures == 0 ? 0 : 1;
}
