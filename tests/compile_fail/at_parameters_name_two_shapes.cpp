// tests/compile_fail/at_parameters_name_two_shapes.cpp: at(params, x = 1.0) where params holds var<"x", 2>.
// expect: ctgrad::at: two variables with one name have different shapes; give each variable its own name.
// expect: variable_named<'x'>, ctgrad::shape<2>, ctgrad::shape<>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  parameters<double, var<"x", 2>> params{};
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"x"> x;
  [[maybe_unused]] auto point = at(params, x = 1.0);
#else
  constexpr var<"y"> y;
  [[maybe_unused]] auto point = at(params, y = 1.0);
#endif
  return 0;
}
