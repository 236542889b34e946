// tests/compile_fail/jacobian_tensor_forward_mode.cpp: forward mode asked of a tensor output.
// expect: ctgrad::value_and_jacobian: forward mode (forward_mode, jvp) is for scalar outputs of scalar variables; differentiate tensors in reverse_mode.
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"a"> a;
  constexpr var<"x", 2> x;
  const tensor<double, 2> row{};
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto result = value_and_jacobian(a * x, wrt(a), at(a = 2.0, x = row), forward_mode);
#else
  [[maybe_unused]] auto result = value_and_jacobian(a * x, wrt(a), at(a = 2.0, x = row), reverse_mode);
#endif
  return 0;
}
