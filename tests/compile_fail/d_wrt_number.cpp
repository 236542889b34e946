// tests/compile_fail/d_wrt_number.cpp: d with respect to a number, not a variable.
// expect: ctgrad::d: the second argument must be a variable declared with var<name>; differentiate with respect to a variable, not an expression or a number.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto dfdx = d(x * y, 2.0);
#else
  [[maybe_unused]] auto dfdx = d(x * y, x);
#endif
  return 0;
}
