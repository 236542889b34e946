// tests/compile_fail/square_number.cpp: square applied to a plain number instead of an expression.
// expect: ctgrad::square: the argument is a plain number, not an expression; apply square to a variable and evaluate it, as in eval(square(x), at(x = 0.5)).
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] const auto value = square(0.5);
#else
  [[maybe_unused]] const auto value = eval(square(x), at(x = 0.5));
#endif
  return 0;
}
