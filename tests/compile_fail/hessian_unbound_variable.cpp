// tests/compile_fail/hessian_unbound_variable.cpp: hessian of f where at(...) leaves y unbound.
// expect: ctgrad::hessian: the expression uses a variable that at(...) does not bind.
// expect: every_variable_bound<ctgrad::detail::variable_named<'y'>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto h = hessian(x * y, wrt(x), at(x = 1.0));
#else
  [[maybe_unused]] auto h = hessian(x * y, wrt(x), at(x = 1.0, y = 2.0));
#endif
  return 0;
}
