// tests/compile_fail/jacobian_unbound_variable.cpp: an output of value_and_jacobian uses a variable
// that at(...) does not bind.
// expect: ctgrad::value_and_jacobian: an output uses a variable that at(...) does not bind.
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto result = value_and_jacobian(outputs(x * y, x), wrt(x), at(x = 2.0));
#else
  [[maybe_unused]] auto result = value_and_jacobian(outputs(x * y, x), wrt(x), at(x = 2.0, y = 1.0));
#endif
  return 0;
}
