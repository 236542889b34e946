// tests/asm/shared_sincos.cpp: a gradient kernel whose angle th is named once and used four
// times, under sin, cos and the sum: asm.shared_sincos checks that its assembly calls sin and cos
// once each (or sincos once), forward and backward together, where the tree of the expression
// holds th four times and the derivatives of sin and cos need cos(th) and sin(th) again.
#include <ctgrad/ctgrad.hpp>

namespace {
constexpr ctgrad::var<"x"> x;
constexpr ctgrad::var<"y"> y;
}  // namespace

double shared_sincos(double xv, double yv, double* g) {
  constexpr auto th = ctgrad::sqrt(x * x + y * y);
  constexpr auto f = ctgrad::cos(th) * ctgrad::sin(th) + th * ctgrad::sin(th);
  const auto [value, grad] = ctgrad::value_and_grad(f, ctgrad::wrt(x, y), ctgrad::at(x = xv, y = yv));
  g[0] = grad[x];
  g[1] = grad[y];
  return value;
}
