// tests/diff/symbolic_test.cpp
#include <ctgrad/diff/symbolic.hpp>  // first: proves the header stands alone

#include <ctgrad/diff/hessian.hpp>

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

using X = var<"x">;
using Y = var<"y">;

// d simplifies as it builds: the derivative's type is the simplified formula.
static_assert(std::is_same_v<decltype(d(x * y, x)), Y>);
static_assert(std::is_same_v<decltype(d(3_c * x + 1_c, x)), rational<3>>);
static_assert(std::is_same_v<decltype(d(3 * x + 1, x)), constant<int>>);  // a runtime constant
static_assert(std::is_same_v<decltype(d(x, y)), zero>);
static_assert(std::is_same_v<decltype(d(x, x)), one>);
static_assert(std::is_same_v<decltype(d(sin(x * y) + exp(x) / (1_c + y), z)), zero>);  // z not in f
static_assert(std::is_same_v<decltype(d(x * 2.5, z)), zero>);
static_assert(std::is_same_v<decltype(x + 0_c), X>);
static_assert(std::is_same_v<decltype(1_c * x), X>);
static_assert(std::is_same_v<decltype(x * 0_c), zero>);
static_assert(std::is_same_v<decltype(-(-x)), X>);
static_assert(std::is_same_v<decltype(d(sin(x), x)), unary<cos_op, X>>);
static_assert(std::is_same_v<decltype(pow<1>(x)), X>);
static_assert(std::is_same_v<decltype(pow<0>(x)), one>);
static_assert(std::is_same_v<decltype(d(x * x, x)), binary<mul_op, rational<2>, X>>);
static_assert(std::is_same_v<decltype(d(d(x * x, x), x)), rational<2>>);
static_assert(std::is_same_v<decltype(d(d(d(x * x, x), x), x)), zero>);
static_assert(std::is_empty_v<decltype(d(sin(x) * y + pow<2>(x), x))>);

// Derivatives of any order are constexpr for + - * / pow<N> square relu abs max min.
static_assert(eval(d(d(x * x * x, x), x), at(x = 2.0)) == 12.0);
static_assert(eval(d(d(x * x * y, x), y), at(x = 2.0, y = 5.0)) == 4.0);
static_assert(eval(d(x / y, y), at(x = 1.0, y = 2.0)) == -0.25);
static_assert(eval(d(relu(x) * x + abs(x) * 3_c, x), at(x = -2.0)) == -3.0);
static_assert(eval(d(max(x * x, y) + min(x, y), x), at(x = 3.0, y = 1.0)) == 6.0);
static_assert(eval(d(d(square(x - y) / y, y), y), at(x = 1.0, y = 2.0)) == 0.25);  // 2x²/y³

constexpr auto h = hessian(x * x * y, wrt(x, y), at(x = 2.0, y = 3.0));
static_assert(h[0][0] == 6.0 && h[0][1] == 4.0 && h[1][0] == 4.0 && h[1][1] == 0.0);
constexpr auto h_kinked = hessian(relu(x) * y + max(x, y) * x, wrt(x, y), at(x = 2.0, y = 1.0));
static_assert(h_kinked[0][0] == 2.0 && h_kinked[0][1] == 1.0 && h_kinked[1][1] == 0.0);

static_assert(std::is_same_v<decltype(d(y / 2, y)), constant<double>>);  // 1/2 folds to 0.5

TEST_CASE("diff/symbolic: d of a runtime constant factor keeps its value") {
  const auto slope = d(3 * x + 1, x);
  CHECK(slope.value == 3);
  CHECK(d(y / 2, y).value == 0.5);
  CHECK(eval(d(x * 2.5 - 1.0, x), at(x = 7.0)) == 2.5);
}

TEST_CASE("diff/symbolic: mixed second derivatives commute") {
  const auto f = sin(x * y) + x * x * pow<3>(y) + exp(x - y) / (1_c + y * y);
  for (const auto& [a, b] : {std::pair{0.3, -1.2}, {1.5, 0.7}, {-2.0, 2.5}}) {
    const double xy = eval(d(d(f, x), y), at(x = a, y = b));
    const double yx = eval(d(d(f, y), x), at(x = a, y = b));
    CHECK(xy == doctest::Approx(yx).epsilon(1e-13));
  }
}

TEST_CASE("diff/symbolic: hessian matches d(d(f, xi), xj) at run time") {
  const auto f = sin(x) * y + pow<2>(x) * exp(y) - log(1_c + y * y);
  const auto point = at(x = 0.4, y = -0.8);
  const auto m = hessian(f, wrt(x, y), point);
  CHECK(m[0][0] == eval(d(d(f, x), x), point));
  CHECK(m[0][1] == eval(d(d(f, x), y), point));
  CHECK(m[1][0] == eval(d(d(f, y), x), point));
  CHECK(m[1][1] == eval(d(d(f, y), y), point));
  CHECK(m[0][0] == doctest::Approx(-std::sin(0.4) * -0.8 + 2 * std::exp(-0.8)));
  const auto in_float = hessian(f, wrt(x), at(x = 0.4f, y = -0.8f));
  static_assert(std::is_same_v<decltype(in_float), const std::array<std::array<float, 1>, 1>>);
  CHECK(in_float[0][0] == doctest::Approx(m[0][0]).epsilon(1e-5));
}

TEST_CASE("diff/symbolic: d and the reverse sweep agree on composed expressions") {
  const auto box = sample_points(-3.0, 3.0, 40);
  check_gradient(sin(x * y) + exp(x) / (1.0 + y * y), wrt(x, y), box);
  check_gradient(tanh(sigmoid(x) - relu(y)) * x, wrt(x, y), box);
  check_gradient(pow(x, y) + x * log(x) * y, wrt(x, y),
                 sample_points({{0.1, 3.0}, {-2.0, 2.0}}, 40));
  check_gradient(max(x * y, x + y), wrt(x, y), box);
  check_gradient(min(abs(x), cos(y)) * exp(-(x * x)), wrt(x, y), box);
  check_gradient(sqrt(x * x + y * y + 1_c) * log(1_c + exp(x)), wrt(x, y), box);
  check_gradient(square(y - (x * 2.0 + 0.5)) / (1_c + square(x)), wrt(x, y), box);
  check_gradient(sigmoid(x * y - 1.0) * tanh(x - y) + pow<3>(x) / 7_c, wrt(x, y), box);
  check_gradient(relu(x - y) * relu(y - 0.5) + abs(sin(x * y)), wrt(x, y), box);
  check_gradient(cos(x) * cos(x) + sin(x) * sin(x) * y, wrt(x, y), box);  // shared subexpressions
  check_gradient(x * y * z + exp(z - x) / (y * y + 1.0), wrt(x, y, z), box);
  check_gradient(log(sigmoid(x)) - log(1_c - sigmoid(y)) + step(x) * y, wrt(x, y), box);
}

TEST_CASE("diff/symbolic: at kinks d follows the same conventions as the reverse sweep") {
  const auto f = relu(x - y) + abs(x - y) + max(x, y) + min(x * 2_c, y * 2_c);
  const auto point = at(x = 1.25, y = 1.25);
  const auto g = grad(f, wrt(x, y), point);
  CHECK(eval(d(f, x), point) == g[x]);
  CHECK(eval(d(f, y), point) == g[y]);
  CHECK(g[x] == 0.0);  // relu'(0) = 0, |0|' = 0, ties go to b
  CHECK(g[y] == 3.0);
}
