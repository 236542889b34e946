// tests/compile_fail/mlp_wrong_width.cpp: an mlp of 2 inputs applied to a vector of 3.
// expect: ctgrad::nn::linear: the input's width is not the layer's; give the layer (for an mlp, its first width) as many inputs as the input has elements.
// expect: input_fits<ctgrad::detail::variable_named<'n', 'e', 't', '.', '0'>, 2, ctgrad::shape<3>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr nn::mlp<"net", 2, 4, 1> net;
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"x", 3> x;
#else
  constexpr var<"x", 2> x;
#endif
  [[maybe_unused]] constexpr auto loss = nn::mse(net(x), var<"y">{});
  return 0;
}
