// tests/compile_fail/jacobian_tensor_output.cpp: a tensor-valued output inside outputs(...).
// expect: ctgrad::value_and_jacobian: every output of outputs(...) must be a scalar expression; pass a tensor-valued output alone, as value_and_jacobian(F, wrt(x), at(...)).
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"a"> a;
  constexpr var<"x", 2> x;
  const tensor<double, 2> row{};
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto result = value_and_jacobian(outputs(a * x, a), wrt(a), at(a = 2.0, x = row));
#else
  [[maybe_unused]] auto result = value_and_jacobian(a * x, wrt(a), at(a = 2.0, x = row));
#endif
  return 0;
}
