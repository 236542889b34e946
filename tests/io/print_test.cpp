// tests/io/print_test.cpp
#include <ctgrad/io/print.hpp>  // first: proves the header stands alone

#include <ctgrad/diff.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"a"> a;
constexpr var<"b"> b;
constexpr var<"c"> c;
constexpr var<"x"> x;
constexpr var<"y"> y;

TEST_CASE("io/print: infix operators get parentheses only where the tree needs them") {
  CHECK(to_string(a + b + c) == "a + b + c");
  CHECK(to_string(a + (b + c)) == "a + b + c");  // + is associative
  CHECK(to_string(a - b - c) == "a - b - c");    // (a - b) - c
  CHECK(to_string(a - (b - c)) == "a - (b - c)");
  CHECK(to_string(a - (b + c)) == "a - (b + c)");
  CHECK(to_string((a + b) * c) == "(a + b) * c");
  CHECK(to_string(a * (b + c)) == "a * (b + c)");
  CHECK(to_string(a * b / c) == "a * b / c");
  CHECK(to_string(a / b / c) == "a / b / c");  // (a / b) / c
  CHECK(to_string(a / (b * c)) == "a / (b * c)");
  CHECK(to_string(a / (b / c)) == "a / (b / c)");
  CHECK(to_string(a + b * c) == "a + b * c");
  CHECK(to_string((a - b) / (a + b)) == "(a - b) / (a + b)");
}

TEST_CASE("io/print: negation and powers are unambiguous") {
  CHECK(to_string(-pow<2>(x)) == "-x^2");  // -(x²)
  CHECK(to_string(pow<2>(-x)) == "(-x)^2");
  CHECK(to_string(-(a + b)) == "-(a + b)");
  CHECK(to_string(-(a * b)) == "-(a * b)");
  CHECK(to_string(-a * b) == "-(a * b)");  // the sign moves to the front of the product
  CHECK(to_string(pow<2>(a + b)) == "(a + b)^2");
  CHECK(to_string(pow<2>(a * b)) == "(a * b)^2");
  CHECK(to_string(pow<3>(pow<2>(a))) == "(a^2)^3");
  CHECK(to_string(pow<-1>(x)) == "x^-1");
  CHECK(to_string(pow<-2>(x + y)) == "(x + y)^-2");
  CHECK(to_string(y - pow<2>(-x)) == "y - (-x)^2");
  CHECK(to_string(-pow<2>(x) + y) == "y - x^2");  // (-a) + b is b - a
  CHECK(to_string(pow(x, y)) == "pow(x, y)");
  CHECK(to_string(pow(x + 1_c, y * 2_c)) == "pow(x + 1, 2 * y)");
}

TEST_CASE("io/print: constants print with a sign that cannot be misread") {
  CHECK(to_string(x * 2.5) == "x * 2.5");
  CHECK(to_string(2.5 * x) == "2.5 * x");
  CHECK(to_string(x * -2.5) == "x * (-2.5)");
  CHECK(to_string(x + -2.5) == "x + (-2.5)");
  CHECK(to_string(x - -2.5) == "x - (-2.5)");
  CHECK(to_string(-2.5 - x) == "-2.5 - x");
  CHECK(to_string(3 * x + 1) == "3 * x + 1");
  CHECK(to_string(rational<1, 2>{} * x) == "0.5 * x");
  CHECK(to_string(rational<-1, 2>{}) == "-0.5");
  CHECK(to_string(rational<1, 3>{} * x) == "1/3 * x");  // (1/3)·x, read left to right
  CHECK(to_string(rational<-1, 3>{} * x) == "-1/3 * x");
  CHECK(to_string(x / rational<1, 3>{}) == "x / (1/3)");
  CHECK(to_string(y - rational<-1, 3>{} * x) == "y - (-1/3 * x)");
  CHECK(to_string(pow<-1>(rational<1, 3>{})) == "(1/3)^-1");
  CHECK(to_string(pow<2>(constant<double>{-1.5})) == "(-1.5)^2");
  CHECK(to_string(x * 0.1) == "x * 0.1");  // the shortest text that reads back as the same double
  CHECK(to_string(x * 3.141592653589793) == "x * 3.141592653589793");
  CHECK(to_string(x * 1e-300) == "x * 1e-300");
  CHECK(to_string(x * 0.1f) == "x * 0.1");
  // A rational with a short exact decimal prints it exactly, otherwise as a fraction.
  CHECK(to_string(rational<123, 8>{}) == "15.375");
  CHECK(to_string(rational<-3, 1000>{}) == "-0.003");
  CHECK(to_string(rational<1, 1099511627776>{}) == "1/1099511627776");  // 2^-40: 40 decimals
}

TEST_CASE("io/print: function-style operations print as calls") {
  CHECK(to_string(sin(x) * y + pow<2>(x)) == "sin(x) * y + x^2");
  CHECK(to_string(exp(-x)) == "exp(-x)");
  CHECK(to_string(sqrt(x / y)) == "sqrt(x / y)");
  CHECK(to_string(abs(x - y)) == "abs(x - y)");
  CHECK(to_string(max(x, y) * min(x, 2.5)) == "max(x, y) * min(x, 2.5)");
  CHECK(to_string(relu(x) + step(x) + sign(x)) == "relu(x) + step(x) + sign(x)");
  CHECK(to_string(sigmoid(x) * tanh(y) - log(cos(x))) == "sigmoid(x) * tanh(y) - log(cos(x))");
}

TEST_CASE("io/print: derivatives print as simplified formulas") {
  CHECK(to_string(d(sin(x) * y + pow<2>(x), x)) == "y * cos(x) + 2 * x");
  CHECK(to_string(d(x / y, y)) == "-(x / y / y)");
  CHECK(to_string(d(sqrt(x), x)) == "0.5 / sqrt(x)");
  CHECK(to_string(d(log(x), x)) == "1 / x");
  CHECK(to_string(d(tanh(x), x)) == "1 - tanh(x)^2");
  CHECK(to_string(d(sigmoid(x), x)) == "sigmoid(x) * (1 - sigmoid(x))");
  CHECK(to_string(d(pow(x, y), x)) == "y * pow(x, y - 1)");
  CHECK(to_string(d(pow(x, y), y)) == "xlogy(pow(x, y), x)");  // log(x)·x^y, 0 at x = 0
  CHECK(to_string(d(max(x, y), x)) == "step(x - y)");
  CHECK(to_string(d(min(x, y), y)) == "1 - step(y - x)");
  CHECK(to_string(d(exp(x * x), x)) == "2 * exp(x^2) * x");  // the constant moves to the front
}

TEST_CASE("io/print: the linear-regression derivative keeps its minus sign") {
  constexpr var<"θ1"> t1;
  constexpr var<"θ2"> t2;
  constexpr var<"x1"> x1;
  constexpr var<"x2"> x2;
  const auto loss = square(y - (t1 * x1 + t2 * x2 + b));
  CHECK(to_string(loss) == "(y - (θ1 * x1 + θ2 * x2 + b))^2");
  CHECK(to_string(d(loss, t1)) == "-2 * (y - (θ1 * x1 + θ2 * x2 + b)) * x1");
  CHECK(to_string(d(loss, t2)) == "-2 * (y - (θ1 * x1 + θ2 * x2 + b)) * x2");
  CHECK(to_string(d(loss, b)) == "-2 * (y - (θ1 * x1 + θ2 * x2 + b))");
}

TEST_CASE("io/print: operator<< writes what to_string returns") {
  const auto f = sin(x) * y - pow<2>(x) / 3_c;
  std::ostringstream out;
  out << f << '|' << x;
  CHECK(out.str() == to_string(f) + "|x");
}
