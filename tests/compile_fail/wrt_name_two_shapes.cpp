// tests/compile_fail/wrt_name_two_shapes.cpp: wrt(...) naming var<"x", 2> and var<"x">.
// expect: ctgrad::wrt: two variables with one name have different shapes; give each variable its own name.
// expect: variable_named<'x'>, ctgrad::shape<2>, ctgrad::shape<>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x", 2> x2;
  constexpr var<"y"> y;
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"x"> x;
  [[maybe_unused]] auto variables = wrt(x2, y, x);
#else
  [[maybe_unused]] auto variables = wrt(x2, y);
#endif
  return 0;
}
