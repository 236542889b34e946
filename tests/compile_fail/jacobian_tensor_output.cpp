// tests/compile_fail/jacobian_tensor_output.cpp: value_and_jacobian of a tensor-valued output.
// expect: ctgrad::value_and_jacobian: every output must be a scalar expression of scalar variables (tensor outputs are not supported yet); list the elements with outputs(...).
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
  [[maybe_unused]] auto result = value_and_jacobian(outputs(a * 3.0, a), wrt(a), at(a = 2.0, x = row));
#endif
  return 0;
}
