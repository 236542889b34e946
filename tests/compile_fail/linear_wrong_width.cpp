// tests/compile_fail/linear_wrong_width.cpp: a layer of 2 inputs applied to a vector of 3.
// expect: ctgrad::nn::linear: the input's width is not the layer's; give the layer (for an mlp, its first width) as many inputs as the input has elements.
// expect: input_fits<ctgrad::detail::variable_named<'f', 'c'>, 2, ctgrad::shape<3>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr nn::linear<"fc", 2, 4> layer;
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"x", 3> x;
#else
  constexpr var<"x", 2> x;
#endif
  [[maybe_unused]] constexpr auto output = sum(layer(x));
  return 0;
}
