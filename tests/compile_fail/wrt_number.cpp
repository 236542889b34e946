// tests/compile_fail/wrt_number.cpp: wrt(...) naming a number instead of a variable.
// expect: ctgrad::wrt: every argument must be a variable declared with var<name>.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto variables = wrt(x, y, 2.0);
#else
  [[maybe_unused]] auto variables = wrt(x, y);
#endif
  return 0;
}
