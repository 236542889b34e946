// tests/compile_fail/name_two_shapes.cpp: one expression using var<"x", 2>, var<"x", 3> and var<"x">,
// evaluated. Names are checked once per expression where it is evaluated or differentiated, not at
// each node as it is built (docs/compile-time.md says why).
// expect: ctgrad::eval: two variables with one name have different shapes; give each variable its own name.
// expect: variable_named<'x'>, ctgrad::shape<2>, ctgrad::shape<3>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x", 2> x2;
  const tensor<double, 2> a{{1, 2}};
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"x", 3> x3;
  constexpr var<"x"> x;
  const auto f = sum(x2) * sum(x3) + x;
  [[maybe_unused]] const double value = eval(f, at(x2 = a));
#else
  constexpr var<"z", 3> z3;
  const auto f = sum(x2) * sum(z3) + var<"y">{};
  const tensor<double, 3> b{{1, 2, 3}};
  [[maybe_unused]] const double value = eval(f, at(x2 = a, z3 = b, var<"y">{} = 1.0));
#endif
  return 0;
}
