// tests/compile_fail/add_shape_mismatch.cpp: adding a vector of 16 and a vector of 3.
// expect: ctgrad::operator+: the operands must have the same shape, or one be a scalar.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"a", 16> a;
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"b", 3> b;
#else
  constexpr var<"b", 16> b;
#endif
  [[maybe_unused]] auto sum_of_vectors = a + b;
  return 0;
}
