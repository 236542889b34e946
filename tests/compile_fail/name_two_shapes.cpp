// tests/compile_fail/name_two_shapes.cpp: one expression using var<"x", 2>, var<"x", 3> and var<"x">.
// expect: ctgrad::operator*: two variables with one name have different shapes; give each variable its own name.
// expect: variable_named<'x'>, ctgrad::shape<2>, ctgrad::shape<3>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x", 2> x2;
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"x", 3> x3;
  constexpr var<"x"> x;
  [[maybe_unused]] auto f = sum(x2) * sum(x3) + x;
#else
  constexpr var<"z", 3> z3;
  [[maybe_unused]] auto f = sum(x2) * sum(z3) + var<"y">{};
#endif
  return 0;
}
