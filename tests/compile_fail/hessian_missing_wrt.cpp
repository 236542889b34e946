// tests/compile_fail/hessian_missing_wrt.cpp: hessian(f, at(...)) without wrt(...).
// expect: ctgrad::hessian: name the variables to differentiate with respect to, as in hessian(f, wrt(x, y), at(x = 1.0, y = 2.0)).
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] const auto result = hessian(x * y, at(x = 1.0, y = 2.0));
#else
  [[maybe_unused]] const auto result = hessian(x * y, wrt(x, y), at(x = 1.0, y = 2.0));
#endif
  return 0;
}
