// tests/diff/reverse_test.cpp
#include <ctgrad/diff/reverse.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>

#include "support/check_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;

// Gradients are constexpr for + - * / pow<N> square relu abs max min.
static_assert(grad(x * x * y, wrt(x, y), at(x = 2.0, y = 3.0))[x] == 12.0);
static_assert(grad(x * x * y, wrt(x, y), at(x = 2.0, y = 3.0))[y] == 4.0);
constexpr auto vg = value_and_grad(max(x, y) + relu(x) * abs(y) - min(x, y) / pow<3>(y) + square(x),
                                   wrt(x, y), at(x = 1.0, y = 2.0));
static_assert(vg.value == 2.0 + 2.0 - 0.125 + 1.0);
static_assert(vg.grad[x] == 2.0 - 0.125 + 2.0);       // relu'·|y| - 1/y³ + 2x
static_assert(vg.grad[y] == 1.0 + 1.0 + 3.0 / 16.0);  // max' + relu(x)·sign(y) + 3x/y⁴
static_assert(decltype(vg.grad)::size() == 2);
static_assert(std::is_same_v<decltype(grad(x * y, wrt(x), at(x = 1.0f, y = 2.0f))),
                             gradient<float, var<"x">>>);
static_assert(std::is_same_v<decltype(value_and_grad(x * y, wrt(y, x), at(x = 1.0L, y = 2.0))),
                             value_and_gradient<long double, var<"y">, var<"x">>>);

TEST_CASE("diff/reverse: value_and_grad returns the value and every partial of wrt(...)") {
  const auto [value, g] = value_and_grad(sin(x) * y + pow<2>(x), wrt(x, y), at(x = 1.0, y = 2.0));
  CHECK(value == doctest::Approx(std::sin(1.0) * 2.0 + 1.0));
  CHECK(g[x] == doctest::Approx(std::cos(1.0) * 2.0 + 2.0));
  CHECK(g[y] == doctest::Approx(std::sin(1.0)));
  const auto only = grad(sin(x) * y + pow<2>(x), wrt(x, y), at(x = 1.0, y = 2.0));
  CHECK(only[x] == g[x]);
  CHECK(only[y] == g[y]);
}

TEST_CASE("diff/reverse: the order of wrt(...) does not change the partials") {
  const auto f = x * exp(y) - y / (1_c + x * x);
  const auto p = at(x = 0.3, y = -0.6);
  const auto xy = grad(f, wrt(x, y), p);
  const auto yx = grad(f, wrt(y, x), p);
  CHECK(xy[x] == yx[x]);
  CHECK(xy[y] == yx[y]);
  CHECK(grad(f, wrt(y), p)[y] == xy[y]);
}

TEST_CASE("diff/reverse: a variable of wrt(...) that f does not use has partial 0") {
  const auto [value, g] = value_and_grad(x * 2.5, wrt(x, z), at(x = 2.0, z = 9.0));
  CHECK(value == 5.0);
  CHECK(g[x] == 2.5);
  CHECK(g[z] == 0.0);
  CHECK(grad(y * 2.5, wrt(x), at(x = 1.0, y = 2.0))[x] == 0.0);
}

TEST_CASE("diff/reverse: a variable used several times accumulates every contribution") {
  const auto f = x * sin(x) + x / (1_c + x * y) + exp(x * 0.5) * x;
  const double a = 0.8, b = 1.7;
  const double expected = std::sin(a) + a * std::cos(a) + 1 / ((1 + a * b) * (1 + a * b)) +
                          std::exp(0.5 * a) * (1 + 0.5 * a);
  CHECK(grad(f, wrt(x, y), at(x = a, y = b))[x] == doctest::Approx(expected).epsilon(1e-14));
  check_gradient(f, wrt(x, y), sample_points({{-2.0, 2.0}, {0.0, 0.4}}, 32));  // 1 + xy > 0
}

TEST_CASE("diff/reverse: constant factors of local derivatives are applied exactly once") {
  CHECK(grad(3_c * x, wrt(x), at(x = 2.0))[x] == 3.0);
  CHECK(grad(-x, wrt(x), at(x = 2.0))[x] == -1.0);
  CHECK(grad(rational<1, 3>{} * x, wrt(x), at(x = 2.0))[x] == 1.0 / 3.0);
  CHECK(grad(square(3_c * x), wrt(x), at(x = 1.5))[x] == 27.0);  // 18x
  CHECK(grad(x - (y - (x - y)), wrt(x, y), at(x = 1.0, y = 1.0))[y] == -2.0);
  const auto box = sample_points(-2.0, 2.0, 24);
  check_gradient(3_c * square(x - 2_c * y), wrt(x, y), box);
  check_gradient(-(sin(x) * y) * rational<2, 7>{}, wrt(x, y), box);
  check_gradient(pow<3>(-x + y) - rational<1, 3>{} * exp(x * y), wrt(x, y), box);
  check_gradient(-(rational<-5, 3>{} * square(x) * y) / 3_c + (x - y) * (y - x), wrt(x, y), box);
  check_gradient(square(y - (x * 1.5 + 0.5)) * -2.0, wrt(x, y), box);
}

TEST_CASE("diff/reverse: the gradient of linear regression's loss is -2·residual·input") {
  constexpr var<"θ1"> t1;
  constexpr var<"θ2"> t2;
  constexpr var<"b"> b;
  constexpr var<"x1"> x1;
  constexpr var<"x2"> x2;
  const auto loss = square(y - (t1 * x1 + t2 * x2 + b));
  const auto [value, g] = value_and_grad(
      loss, wrt(t1, t2, b), at(t1 = 0.5, t2 = -1.0, b = 0.25, x1 = 2.0, x2 = 3.0, y = 1.0));
  const double residual = 1.0 - (0.5 * 2.0 - 1.0 * 3.0 + 0.25);
  CHECK(value == residual * residual);
  CHECK(g[t1] == -2 * residual * 2.0);
  CHECK(g[t2] == -2 * residual * 3.0);
  CHECK(g[b] == -2 * residual);
}

TEST_CASE("diff/reverse: the first contribution is assigned, so a -0.0 partial keeps its sign") {
  const auto g = grad(x * y, wrt(x), at(x = 1.0, y = -0.0));
  CHECK(g[x] == 0.0);
  CHECK(std::signbit(g[x]));  // 0.0 + -0.0 would be +0.0
}

TEST_CASE("diff/reverse: at kinks the conventions are relu'(0) = 0, |x|'(0) = 0, ties go to b") {
  CHECK(grad(relu(x), wrt(x), at(x = 0.0))[x] == 0.0);
  CHECK(grad(abs(x), wrt(x), at(x = 0.0))[x] == 0.0);
  CHECK(grad(max(x, 0.0), wrt(x), at(x = 0.0))[x] == 0.0);  // the tie goes to the constant b
  CHECK(grad(max(0.0, x), wrt(x), at(x = 0.0))[x] == 1.0);  // the tie goes to b = x
  CHECK(grad(min(x, 0.0), wrt(x), at(x = 0.0))[x] == 0.0);
  CHECK(grad(min(0.0, x), wrt(x), at(x = 0.0))[x] == 1.0);
}

TEST_CASE("diff/reverse: where relu, max or min is flat it passes 0, even an infinite adjoint") {
  // sqrt'(0) is ∞; relu, max and min pass 0 where flat (as PyTorch's relu does), not 0·∞ = NaN.
  const auto g = grad(sqrt(relu(x)) + sqrt(max(x, 0.0)) * y + sqrt(min(-x, 0.0)), wrt(x, y),
                      at(x = -1.0, y = 2.0));
  CHECK(g[x] == 0.0);
  CHECK(g[y] == 0.0);  // sqrt(max(-1, 0)) = 0, and 0.0 · ∂y
  CHECK(grad(sqrt(relu(x)), wrt(x), at(x = 4.0))[x] == 0.25);  // where relu is the identity
}

TEST_CASE("diff/reverse: a gradient entry can be written through g[x]") {
  auto g = grad(x * y, wrt(x, y), at(x = 1.0, y = 2.0));
  g[x] -= 0.5;
  CHECK(g[x] == 1.5);
  CHECK(g[y] == 1.0);
}
