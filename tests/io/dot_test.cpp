// tests/io/dot_test.cpp
#include <ctgrad/io/dot.hpp>  // first: proves the header stands alone

#include <ctgrad/core/var.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

namespace {
std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("io/dot: a digraph with one node per variable, however often it is used") {
  const std::string dot = to_dot(x * y + sin(x) * y + exp(x));
  CHECK(dot.rfind("digraph", 0) == 0);
  CHECK(dot.back() == '\n');
  CHECK(count(dot, "label=\"x\"") == 1);
  CHECK(count(dot, "label=\"y\"") == 1);
  CHECK(count(dot, "shape=ellipse") == 2);
  // Nodes: x y * sin * + exp + ; edges: two per binary node, one per unary node.
  CHECK(count(dot, "shape=box") == 6);
  CHECK(count(dot, " -> ") == 4 * 2 + 2 * 1);
  CHECK(count(dot, "n0 [label=\"x\"") == 1);  // x is drawn first ...
  CHECK(count(dot, "n0 -> ") == 3);           // ... and feeds *, sin and exp
}

TEST_CASE("io/dot: operations and constants are labelled as they print") {
  const std::string dot = to_dot(pow<2>(x) * 2.5 - 3_c);
  CHECK(count(dot, "label=\"^2\"") == 1);
  CHECK(count(dot, "label=\"*\"") == 1);
  CHECK(count(dot, "label=\"a - b\"") == 1);  // - is not commutative: the box says a - b
  CHECK(count(dot, "label=\"2.5\", shape=plaintext") == 1);
  CHECK(count(dot, "label=\"3\", shape=plaintext") == 1);
  CHECK(count(dot, " -> ") == 1 + 2 + 2);
}

TEST_CASE("io/dot: a tree has one edge fewer than nodes; sharing a variable adds edges only") {
  const std::string tree = to_dot(sin(x) + y * 2.0);  // x sin y 2 * +
  CHECK(count(tree, "shape=") == 6);
  CHECK(count(tree, " -> ") == 5);
  const std::string shared = to_dot(max(x, y) / (y * 2.0 + x));  // x y max 2 * + /
  CHECK(count(shared, "shape=") == 7);
  CHECK(count(shared, " -> ") == 8);
}

TEST_CASE("io/dot: a non-commutative operation labels its operands a and b; + and * do not") {
  const std::string dot = to_dot(x / y - pow(y, x) + x * y);  // x y / pow - * +
  CHECK(count(dot, "label=\"a / b\"") == 1);
  CHECK(count(dot, "label=\"a - b\"") == 1);
  CHECK(count(dot, "label=\"pow(a, b)\"") == 1);
  CHECK(count(dot, "label=\"*\"") == 1);
  CHECK(count(dot, "label=\"+\"") == 1);
  // x is n0 and y n1: x / y takes x as a and y as b, pow(y, x) the other way round.
  CHECK(count(dot, "n0 -> n2 [label=\"a\"]") == 1);
  CHECK(count(dot, "n1 -> n2 [label=\"b\"]") == 1);
  CHECK(count(dot, "n1 -> n3 [label=\"a\"]") == 1);
  CHECK(count(dot, "n0 -> n3 [label=\"b\"]") == 1);
  CHECK(count(dot, "[label=\"a\"]") == 3);  // /, - and pow; never + or *
}

TEST_CASE("io/dot: a shared subexpression of empty type is drawn once, with an edge per use") {
  const std::string dot = to_dot(sin(x) + sin(x) * y);  // x sin y * +
  CHECK(count(dot, "label=\"sin\"") == 1);
  CHECK(count(dot, "shape=") == 5);
  CHECK(count(dot, " -> ") == 5);  // x→sin, sin→*, y→*, sin→+, *→+
  CHECK(count(dot, "n1 -> ") == 2);  // sin feeds * and +
  // A runtime constant is not an empty type: two equal-looking subtrees stay two.
  const std::string runtime = to_dot(x * 2.0 + x * 2.0 * y);
  CHECK(count(runtime, "label=\"*\"") == 3);
}

TEST_CASE("io/dot: given a point, each node shows data and grad, as micrograd's draw_dot") {
  // f = x·y + x at x = 2, y = 3: ∂f/∂x = y + 1 = 4, ∂f/∂y = x = 2, and the adjoint of x·y and f is 1.
  const std::string dot = to_dot(x * y + x, at(x = 2.0, y = 3.0));
  CHECK(count(dot, "n0 [label=\"{ x | data 2.0000 | grad 4.0000 }\", shape=record]") == 1);
  CHECK(count(dot, "n1 [label=\"{ y | data 3.0000 | grad 2.0000 }\", shape=record]") == 1);
  CHECK(count(dot, "n2 [label=\"{ * | data 6.0000 | grad 1.0000 }\", shape=record]") == 1);
  CHECK(count(dot, "n3 [label=\"{ + | data 8.0000 | grad 1.0000 }\", shape=record]") == 1);
}

TEST_CASE("io/dot: the adjoints of the variables are value_and_grad's, through shared nodes") {
  // A shared sin(x) collects the adjoint of both uses before passing it to x.
  const auto f = sin(x) * y + sin(x) / y - pow<2>(x);
  const auto point = at(x = 0.7, y = -1.3);
  const auto [value, g] = value_and_grad(f, wrt(x, y), point);
  const std::string dot = to_dot(f, point);
  char x_label[64];
  char y_label[64];
  std::snprintf(x_label, sizeof x_label, "{ x | data 0.7000 | grad %.4f }", g[x]);
  std::snprintf(y_label, sizeof y_label, "{ y | data -1.3000 | grad %.4f }", g[y]);
  CHECK(count(dot, x_label) == 1);
  CHECK(count(dot, y_label) == 1);
  char root[64];
  std::snprintf(root, sizeof root, "data %.4f | grad 1.0000 }", value);
  CHECK(count(dot, root) == 1);
  CHECK(count(dot, "{ sin | ") == 1);
}

TEST_CASE("io/dot: record labels escape Graphviz's field separators") {
  constexpr var<"a|b"> odd;
  const std::string dot = to_dot(odd + x, at(odd = 1.0, x = 2.0));
  CHECK(count(dot, "{ a\\|b | data 1.0000") == 1);
}
