// tests/compile_fail/sign_number.cpp: sign applied to a plain number instead of an expression.
// expect: ctgrad::sign: the argument is a plain number, not an expression; apply sign to a variable and evaluate it, as in eval(sign(x), at(x = 0.5)).
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] const auto value = sign(0.5);
#else
  [[maybe_unused]] const auto value = eval(sign(x), at(x = 0.5));
#endif
  return 0;
}
