// tests/compile_fail/step_number.cpp: step applied to a plain number instead of an expression.
// expect: ctgrad::step: the argument is a plain number, not an expression; apply step to a variable and evaluate it, as in eval(step(x), at(x = 0.5)).
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] const auto value = step(0.5);
#else
  [[maybe_unused]] const auto value = eval(step(x), at(x = 0.5));
#endif
  return 0;
}
