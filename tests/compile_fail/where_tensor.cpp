// tests/compile_fail/where_tensor.cpp: where with a tensor branch.
// expect: ctgrad::where: the condition and both branches must be scalars.
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"c"> c;
  constexpr var<"v", 3> v;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] constexpr auto f = where(c, v, c);
#else
  [[maybe_unused]] constexpr auto f = where(c, sum(v), c);
#endif
  return 0;
}
