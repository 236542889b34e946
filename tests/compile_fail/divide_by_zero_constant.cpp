// tests/compile_fail/divide_by_zero_constant.cpp: dividing by the compile-time constant 0_c.
// expect: ctgrad::operator/: division by the compile-time constant 0.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;
using namespace ctgrad::literals;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto f = x / 0_c + y;
#else
  [[maybe_unused]] auto f = x / 2_c + y;
#endif
  return 0;
}
