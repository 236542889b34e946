// tests/compile_fail/d_tensor_expression.cpp: the symbolic derivative of a tensor expression.
// expect: ctgrad::d: symbolic derivatives are for scalar expressions; differentiate tensor expressions with value_and_grad.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"s"> s;
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"v", 3> v;
  [[maybe_unused]] auto derivative = d(sum(v * s), s);
#else
  [[maybe_unused]] auto derivative = d(s * s, s);
#endif
  return 0;
}
