// tests/compile_fail/wrt_twice.cpp: wrt(...) naming the same variable twice.
// expect: ctgrad::wrt: a variable is named twice; name each variable once.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto variables = wrt(x, y, x);
#else
  [[maybe_unused]] auto variables = wrt(x, y);
#endif
  return 0;
}
