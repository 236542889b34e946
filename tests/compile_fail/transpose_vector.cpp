// tests/compile_fail/transpose_vector.cpp: the transpose of a vector, which has one extent.
// expect: ctgrad::transpose: the operand must be a matrix (two extents).
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
#ifdef CTGRAD_EXPECT_FAIL
  constexpr var<"v", 3> v;
#else
  constexpr var<"v", 3, 1> v;
#endif
  [[maybe_unused]] auto flipped = transpose(v);
  return 0;
}
