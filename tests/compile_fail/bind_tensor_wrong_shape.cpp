// tests/compile_fail/bind_tensor_wrong_shape.cpp: binding a 16×2 variable to a 2×16 tensor.
// expect: ctgrad::var::operator=: a tensor variable binds a tensor of its own shape, or a std::array, a std::span or a C array with as many numbers, of a floating-point type; a data column is a std::vector of such rows.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"W", 16, 2> W;
#ifdef CTGRAD_EXPECT_FAIL
  const tensor<double, 2, 16> value{};
#else
  const tensor<double, 16, 2> value{};
#endif
  [[maybe_unused]] auto bound = W = value;
  return 0;
}
