// tests/compile_fail/eigen/eigen_wrong_shape.cpp: a 3×2 Eigen matrix bound to a 2×3 variable (the
// same number of numbers, other rows and columns).
// expect: ctgrad::var::operator=: the bound matrix has other rows and columns than the variable (both are named beside this sentence).
// max-lines: 25
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/eigen.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"W", 2, 3> W;
#ifdef CTGRAD_EXPECT_FAIL
  const Eigen::Matrix<double, 3, 2, Eigen::RowMajor> m = Eigen::Matrix<double, 3, 2, Eigen::RowMajor>::Zero();
#else
  const Eigen::Matrix<double, 2, 3, Eigen::RowMajor> m = Eigen::Matrix<double, 2, 3, Eigen::RowMajor>::Zero();
#endif
  [[maybe_unused]] const auto b = W = m;
  return 0;
}
