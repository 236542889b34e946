// tests/compile_fail/to_dot_tensor_values.cpp: to_dot(f, at(...)) of an expression with tensor nodes.
// expect: ctgrad::to_dot: values and adjoints are drawn for scalar expressions only; draw a tensor expression with to_dot(f).
#include <ctgrad/ctgrad.hpp>

#include <array>
#include <string>

using namespace ctgrad;

int main() {
  constexpr var<"w", 2> w;
  constexpr var<"x"> x;
  const std::array<double, 2> values{1.0, 2.0};
#ifdef CTGRAD_EXPECT_FAIL
  const std::string graph = to_dot(sum(w) * x, at(w = values, x = 3.0));
#else
  const std::string graph = to_dot(sum(w) * x) + to_dot(x * x, at(x = values[0]));
#endif
  return graph.empty() ? 1 : 0;
}
