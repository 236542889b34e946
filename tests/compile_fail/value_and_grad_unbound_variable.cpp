// tests/compile_fail/value_and_grad_unbound_variable.cpp: at(...) leaves y unbound.
// expect: ctgrad::value_and_grad: the expression uses a variable that at(...) does not bind.
// expect: every_variable_bound<ctgrad::detail::variable_named<'y'>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto result = value_and_grad(x * y, wrt(x), at(x = 1.0));
#else
  [[maybe_unused]] auto result = value_and_grad(x * y, wrt(x), at(x = 1.0, y = 2.0));
#endif
  return 0;
}
