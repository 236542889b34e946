// tests/compile_fail/value_and_grad_tensor.cpp: value_and_grad of a tensor-valued expression.
// expect: ctgrad::value_and_grad: the expression must be a scalar; reduce a tensor with sum, mean or dot.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"W", 16, 2> W;
  constexpr var<"x", 2> x;
  const tensor<double, 16, 2> w{};
  const tensor<double, 2> row{};
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto result = value_and_grad(relu(W * x), wrt(W), at(W = w, x = row));
#else
  [[maybe_unused]] auto result = value_and_grad(sum(relu(W * x)), wrt(W), at(W = w, x = row));
#endif
  return 0;
}
