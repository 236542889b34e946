// tests/io/dot_test.cpp
#include <ctgrad/io/dot.hpp>  // first: proves the header stands alone

#include <ctgrad/core/var.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <cstddef>
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
  CHECK(count(dot, "label=\"-\"") == 1);
  CHECK(count(dot, "label=\"2.5\", shape=plaintext") == 1);
  CHECK(count(dot, "label=\"3\", shape=plaintext") == 1);
  CHECK(count(dot, " -> ") == 1 + 2 + 2);
}

TEST_CASE("io/dot: a tree has one edge fewer than nodes; sharing a variable adds edges only") {
  const std::string tree = to_dot(sin(x) + y * 2.0);  // x sin y 2 * +
  CHECK(count(tree, "[label=") == 6);
  CHECK(count(tree, " -> ") == 5);
  const std::string shared = to_dot(max(x, y) / (y * 2.0 + x));  // x y max 2 * + /
  CHECK(count(shared, "[label=") == 7);
  CHECK(count(shared, " -> ") == 8);
}
