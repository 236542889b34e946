// tests/io/latex_test.cpp
#include <ctgrad/io/latex.hpp>  // first: proves the header stands alone

#include <ctgrad/diff.hpp>
#include <ctgrad/ops.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

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

namespace {
/// A user op that gives its whole LaTeX form: floor(a), printed ⌊a⌋.
struct floor_op {
  static constexpr std::string_view latex_form = "\\lfloor #0 \\rfloor";
  static constexpr auto eval(auto v) { return v; }
  static constexpr auto derivative(auto, auto) { return zero{}; }
};
/// A binary one: binomial(a, b), printed as a stacked pair; #1 may come before #0.
struct choose_op {
  static constexpr std::string_view latex_form = "\\binom{#0}{#1}";
  static constexpr auto eval(auto u, auto) { return u; }
  static constexpr auto partials(auto, auto, auto) { return boost::hana::make_basic_tuple(zero{}, zero{}); }
};
struct flipped_op {
  static constexpr std::string_view latex_form = "#1 \\to #0 (#)";
  static constexpr auto eval(auto u, auto) { return u; }
  static constexpr auto partials(auto, auto, auto) { return boost::hana::make_basic_tuple(zero{}, zero{}); }
};
}  // namespace

TEST_CASE("io/latex: an op's latex_form, with its operands printed whole in place of #0 and #1") {
  CHECK(to_latex(unary<floor_op, decltype(x / y)>{}) == "\\lfloor \\frac{x}{y} \\rfloor");
  CHECK(to_latex(binary<choose_op, decltype(a + b), var<"c">>{} * x) == "\\binom{a + b}{c} \\cdot x");
  CHECK(to_latex(binary<flipped_op, var<"a">, decltype(sqrt(b))>{}) == "\\sqrt{b} \\to a (#)");
  CHECK(to_latex(abs(x / y) / sqrt(x)) == "\\frac{\\left|\\frac{x}{y}\\right|}{\\sqrt{x}}");
}
