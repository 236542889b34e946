// tests/compile_fail/eigen/eigen_column_major.cpp: a column-major Eigen matrix bound to a matrix
// variable, whose numbers ctgrad reads row by row.
// expect: ctgrad::var::operator=: a matrix variable binds row-major storage, as ctgrad's tensors are; declare the Eigen matrix with Eigen::RowMajor.
// max-lines: 20
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/eigen.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"W", 2, 3> W;
#ifdef CTGRAD_EXPECT_FAIL
  const Eigen::Matrix<double, 2, 3> m = Eigen::Matrix<double, 2, 3>::Zero();
#else
  const Eigen::Matrix<double, 2, 3, Eigen::RowMajor> m = Eigen::Matrix<double, 2, 3, Eigen::RowMajor>::Zero();
#endif
  [[maybe_unused]] const auto b = W = m;
  return 0;
}
