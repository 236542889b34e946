// tests/compile_fail/wrt_expression.cpp: wrt(...) naming an expression instead of a variable.
// expect: ctgrad::wrt: every argument must be a variable declared with var<name>.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto g = grad(x * y, wrt(x, x * y), at(x = 1.0, y = 2.0));
#else
  [[maybe_unused]] auto g = grad(x * y, wrt(x, y), at(x = 1.0, y = 2.0));
#endif
  return 0;
}
