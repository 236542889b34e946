// tests/compile_fail/at_name_two_shapes.cpp: at(...) binding var<"x"> and var<"x", 2>.
// expect: ctgrad::at: two variables with one name have different shapes; give each variable its own name.
// expect: variable_named<'x'>, ctgrad::shape<>, ctgrad::shape<2>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  const tensor<double, 2> values{{1.0, 2.0}};
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"x", 2> x2;
  [[maybe_unused]] auto point = at(x = 1.0, x2 = values);
#else
  constexpr var<"v", 2> v;
  [[maybe_unused]] auto point = at(x = 1.0, v = values);
#endif
  return 0;
}
