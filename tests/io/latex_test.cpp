// tests/io/latex_test.cpp
#include <ctgrad/io/latex.hpp>  // first: proves the header stands alone

#include <ctgrad/diff.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"a"> a;
constexpr var<"b"> b;
constexpr var<"c"> c;
constexpr var<"x"> x;
constexpr var<"y"> y;

TEST_CASE("io/latex: fractions, powers and products") {
  CHECK(to_latex(a * b / c) == "\\frac{a \\cdot b}{c}");
  CHECK(to_latex(a / b / c) == "\\frac{\\frac{a}{b}}{c}");
  CHECK(to_latex((a + b) * c) == "\\left(a + b\\right) \\cdot c");
  CHECK(to_latex(a - (b - c)) == "a - \\left(b - c\\right)");
  CHECK(to_latex(-pow<2>(x)) == "-{x}^{2}");
  CHECK(to_latex(pow<2>(-x)) == "{\\left(-x\\right)}^{2}");
  CHECK(to_latex(pow<-1>(x)) == "{x}^{-1}");
  CHECK(to_latex(pow(x + 1_c, y * 2_c)) == "{\\left(x + 1\\right)}^{2 \\cdot y}");
  CHECK(to_latex(rational<1, 2>{} * x) == "\\frac{1}{2} \\cdot x");
  CHECK(to_latex(rational<-1, 3>{} * x) == "-\\frac{1}{3} \\cdot x");
  CHECK(to_latex(x * -2.5) == "x \\cdot \\left(-2.5\\right)");
}

TEST_CASE("io/latex: functions use their LaTeX names") {
  CHECK(to_latex(sin(x) * y + pow<2>(x)) == "\\sin\\left(x\\right) \\cdot y + {x}^{2}");
  CHECK(to_latex(sqrt(x / y)) == "\\sqrt{\\frac{x}{y}}");
  CHECK(to_latex(abs(x - y)) == "\\left|x - y\\right|");
  CHECK(to_latex(max(x, y)) == "\\max\\left(x, y\\right)");
  CHECK(to_latex(sigmoid(x)) == "\\sigma\\left(x\\right)");
  CHECK(to_latex(exp(x) / (1_c + exp(x))) ==
        "\\frac{\\exp\\left(x\\right)}{1 + \\exp\\left(x\\right)}");
  CHECK(to_latex(d(tanh(x), x)) == "1 - {\\tanh\\left(x\\right)}^{2}");
}

TEST_CASE("io/latex: a power of a power is parenthesized") {
  CHECK(to_latex(pow<3>(pow<2>(a))) == "{\\left({a}^{2}\\right)}^{3}");
  CHECK(to_latex(pow(pow<2>(x), y)) == "{\\left({x}^{2}\\right)}^{y}");
  CHECK(to_latex(pow(pow(x, y), x)) == "{\\left({x}^{y}\\right)}^{x}");
  CHECK(to_latex(pow<2>(pow(x, y))) == "{\\left({x}^{y}\\right)}^{2}");
}

TEST_CASE("io/latex: the linear-regression derivative") {
  constexpr var<"x1"> x1;
  const auto loss = square(y - (a * x1 + b));
  CHECK(to_latex(d(loss, a)) ==
        "-2 \\cdot \\left(y - \\left(a \\cdot x1 + b\\right)\\right) \\cdot x1");
}
