// tests/compile_fail/at_bound_twice.cpp: at(...) binding the same variable twice.
// expect: ctgrad::at: a variable is bound twice; bind each variable once.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto point = at(x = 1.0, y = 2.0, x = 3.0);
#else
  [[maybe_unused]] auto point = at(x = 1.0, y = 2.0);
#endif
  return 0;
}
