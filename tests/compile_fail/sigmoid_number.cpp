// tests/compile_fail/sigmoid_number.cpp: sigmoid applied to a plain number instead of an expression.
// expect: ctgrad::sigmoid: the argument is a plain number, not an expression; apply sigmoid to a variable and evaluate it, as in eval(sigmoid(x), at(x = 0.5)).
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] const auto value = sigmoid(0.5);
#else
  [[maybe_unused]] const auto value = eval(sigmoid(x), at(x = 0.5));
#endif
  return 0;
}
