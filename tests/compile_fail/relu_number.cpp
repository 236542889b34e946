// tests/compile_fail/relu_number.cpp: relu applied to a plain number instead of an expression.
// expect: ctgrad::relu: the argument is a plain number, not an expression; apply relu to a variable and evaluate it, as in eval(relu(x), at(x = 0.5)).
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] const auto value = relu(0.5);
#else
  [[maybe_unused]] const auto value = eval(relu(x), at(x = 0.5));
#endif
  return 0;
}
