// tests/eigen/eigen_binding.cpp: Eigen's vectors and matrices bound to tensor variables where they
// are (ctgrad/eigen.hpp): Matrix, Map, Ref and row-major matrices by pointer; run-time sizes and
// strides checked with errors that name them; values and gradients against the same numbers bound
// as std::arrays. A binary of its own, built only where CMake finds Eigen (tests/CMakeLists.txt).
#include <ctgrad/eigen.hpp>  // first: proves the header stands alone

#include <ctgrad/ctgrad.hpp>

#include <doctest/doctest.h>

#include <array>
#include <stdexcept>
#include <string>

using namespace ctgrad;

namespace {
constexpr var<"W", 2, 3> W;
constexpr var<"x", 3> x;
constexpr var<"b", 2> b;
constexpr auto loss = sum(relu(W * x + b));
}  // namespace

TEST_CASE("eigen: a Vector3d, a Map and a Ref bind a vector variable by pointer") {
  Eigen::Vector3d v(1.0, -2.0, 3.0);
  double raw[3] = {1.0, -2.0, 3.0};
  const Eigen::Map<const Eigen::Vector3d> map(raw);
  const Eigen::Ref<const Eigen::Vector3d> ref(v);
  CHECK((x = v).data == v.data());
  CHECK((x = map).data == raw);
  CHECK((x = ref).data == v.data());
  CHECK(eval(dot(x, x), at(x = v)) == 14.0);
  v[2] = 0.0;  // no copy: the change is read
  CHECK(eval(dot(x, x), at(x = v)) == 5.0);
  CHECK(eval(sum(x), at(x = Eigen::Map<const Eigen::Vector3d>(raw))) == 2.0);  // a temporary map is a view
}

TEST_CASE("eigen: a row-major matrix binds a matrix variable; values and gradients as with arrays") {
  Eigen::Matrix<double, 2, 3, Eigen::RowMajor> w;
  w << 0.5, -1.0, 2.0, 1.5, 0.25, -0.75;
  const Eigen::Vector3d input(1.0, 2.0, -1.0);
  const Eigen::Vector2d bias(0.1, 3.0);
  const std::array<double, 6> w_numbers{0.5, -1.0, 2.0, 1.5, 0.25, -0.75};
  const std::array<double, 3> input_numbers{1.0, 2.0, -1.0};
  const std::array<double, 2> bias_numbers{0.1, 3.0};
  const auto by_eigen = value_and_grad(loss, wrt(W, b), at(W = w, x = input, b = bias));
  const auto by_arrays = value_and_grad(loss, wrt(W, b), at(W = w_numbers, x = input_numbers, b = bias_numbers));
  CHECK(by_eigen.value == by_arrays.value);
  CHECK(by_eigen.grad == by_arrays.grad);
  // Row by row: W's first row is (0.5, -1, 2), so unit 0 is 0.5 - 2 - 2 + 0.1 < 0, unit 1 is > 0.
  CHECK(by_eigen.value == doctest::Approx(1.5 + 0.5 + 0.75 + 3.0));
  CHECK(by_eigen.grad[W][3] == 1.0);
  CHECK(by_eigen.grad[W][0] == 0.0);
}

TEST_CASE("eigen: a run-time size or stride that does not fit is an error that names it") {
  const Eigen::VectorXd four = Eigen::VectorXd::Zero(4);
  CHECK_THROWS_WITH_AS(static_cast<void>(x = four), "ctgrad::var::operator=: x holds 3 numbers, but the bound storage has 4",
                       std::invalid_argument);
  const Eigen::VectorXd three = Eigen::VectorXd::Ones(3);
  CHECK(eval(sum(x), at(x = three)) == 3.0);
  Eigen::Matrix<double, 3, 4, Eigen::RowMajor> big = Eigen::Matrix<double, 3, 4, Eigen::RowMajor>::Zero();
  const Eigen::Map<const Eigen::Matrix<double, 2, 3, Eigen::RowMajor>, 0, Eigen::OuterStride<>> block(big.data(),
                                                                                                   Eigen::OuterStride<>(4));
  CHECK_THROWS_WITH_AS(static_cast<void>(W = block),
                       "ctgrad::var::operator=: W binds contiguous numbers, but the bound storage has a stride between them",
                       std::invalid_argument);
}

static_assert(detail::bound_storage<Eigen::Vector3d>::size == 3 && !detail::bound_storage<Eigen::Vector3d>::view);
static_assert(detail::bound_storage<Eigen::Map<Eigen::Vector3d>>::view);
static_assert(!detail::bound_storage<Eigen::Matrix2d>::row_major, "Eigen's default is column-major");
static_assert(!detail::bound_storage<decltype(Eigen::Vector3d() + Eigen::Vector3d())>::bindable,
              "an expression has no numbers to point at");

TEST_CASE("eigen: value_and_jacobian into Eigen objects, row-major in place, column-major and maps copied in") {
  constexpr var<"r"> r;
  constexpr var<"t"> t;
  const auto polar = outputs(r * cos(t), r * sin(t), r * r);
  const auto point = at(r = 2.0, t = 0.5);
  const auto expected = value_and_jacobian(polar, wrt(r, t), point);
  Eigen::Vector3d value;
  Eigen::Matrix<double, 3, 2, Eigen::RowMajor> row_major;
  value_and_jacobian(polar, wrt(r, t), point, value, row_major);
  Eigen::Matrix<double, 3, 2> column_major;  // Eigen's default layout
  Eigen::VectorXd dynamic_value(3);
  value_and_jacobian(polar, wrt(r, t), point, dynamic_value, column_major);
  double raw[6];
  value_and_jacobian(polar, wrt(r, t), point, dynamic_value, Eigen::Map<Eigen::Matrix<double, 3, 2>>(raw));
  for (int i = 0; i < 3; ++i) {
    CHECK(value(i) == expected.value[static_cast<std::size_t>(i)]);
    CHECK(dynamic_value(i) == expected.value[static_cast<std::size_t>(i)]);
    for (int k = 0; k < 2; ++k) {
      const double partial = expected.jacobian(static_cast<std::size_t>(i), static_cast<std::size_t>(k));
      CHECK(row_major(i, k) == partial);
      CHECK(column_major(i, k) == partial);
      CHECK(raw[k * 3 + i] == partial);  // the map is column-major
    }
  }
  // A tensor-valued output, into a dynamic matrix; a wrong run-time shape names both.
  const Eigen::Vector3d input(1.0, -2.0, 0.5);
  Eigen::Matrix<double, 2, 3, Eigen::RowMajor> w;
  w << 0.5, -1.0, 2.0, 1.5, 0.25, -0.75;
  const Eigen::Vector2d bias(0.1, 3.0);
  Eigen::VectorXd layer_value(2);
  Eigen::MatrixXd layer_jacobian(2, 3);
  value_and_jacobian(relu(W * x + b), wrt(x), at(W = w, x = input, b = bias), layer_value, layer_jacobian);
  const auto direct = value_and_jacobian(relu(W * x + b), wrt(x), at(W = w, x = input, b = bias));
  for (int i = 0; i < 2; ++i) {
    for (int k = 0; k < 3; ++k) {
      CHECK(layer_jacobian(i, k) == direct.jacobian(static_cast<std::size_t>(i), static_cast<std::size_t>(k)));
    }
  }
  Eigen::MatrixXd wrong(3, 3);
  std::string message;
  try {
    value_and_jacobian(relu(W * x + b), wrt(x), at(W = w, x = input, b = bias), layer_value, wrong);
  } catch (const std::invalid_argument& e) {
    message = e.what();
  }
  CHECK(message == "ctgrad::value_and_jacobian: the jacobian is 3 × 3, the result 2 × 3");
}
