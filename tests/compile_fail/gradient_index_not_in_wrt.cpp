// tests/compile_fail/gradient_index_not_in_wrt.cpp: g[y] from a gradient with respect to x.
// expect: ctgrad::variable_values::operator[]: this variable is not one of its variables (for a gradient, one of wrt(...)).
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] double partial = grad(x * y, wrt(x), at(x = 1.0, y = 2.0))[y];
#else
  [[maybe_unused]] double partial = grad(x * y, wrt(x), at(x = 1.0, y = 2.0))[x];
#endif
  return 0;
}
