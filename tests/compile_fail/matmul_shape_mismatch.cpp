// tests/compile_fail/matmul_shape_mismatch.cpp: a 16×2 matrix times a vector of 3.
// expect: ctgrad::matmul: the columns of a must equal the rows of b (a vector times a vector is dot(a, b)).
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"W", 16, 2> W;
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"x", 3> x;
#else
  constexpr var<"x", 2> x;
#endif
  [[maybe_unused]] auto product = W * x;
  return 0;
}
