// tests/compile_fail/eigen/eigen_jacobian_wrong_shape.cpp: value_and_jacobian into a fixed-size
// Eigen matrix of another shape than outputs × the variables' numbers.
// expect: ctgrad::value_and_jacobian: the Eigen jacobian must have a row per output and a column per number of the variables of wrt(...).
// max-lines: 25
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/eigen.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"r"> r;
  constexpr var<"t"> t;
  Eigen::Vector2d value;
#ifdef CTGRAD_EXPECT_FAIL
  Eigen::Matrix<double, 2, 3, Eigen::RowMajor> jacobian;
#else
  Eigen::Matrix<double, 2, 2, Eigen::RowMajor> jacobian;
#endif
  value_and_jacobian(outputs(r * cos(t), r * sin(t)), wrt(r, t), at(r = 2.0, t = 0.5), value, jacobian);
  return value(0) > 0 ? 0 : 1;
}
