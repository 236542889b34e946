// tests/ops/mul_test.cpp
#include <ctgrad/ops/mul.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>  // sum, hadamard: what reads a shape

#include "support/check_gradient.hpp"
#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

using X = var<"x">;
using Y = var<"y">;
static_assert(std::is_same_v<decltype(d(x * y, x)), Y>);  // 1·y simplified to y
static_assert(std::is_same_v<decltype(1_c * x), X>);      // 1·a → a
static_assert(std::is_same_v<decltype(x * 1_c), X>);
static_assert(std::is_same_v<decltype(x * 0_c), zero>);  // 0·a → 0
static_assert(std::is_same_v<decltype(0_c * x), zero>);
static_assert(
    std::is_same_v<decltype(x * 3_c), binary<mul_op, rational<3>, X>>);  // constants move left
static_assert(std::is_same_v<decltype(2_c * (3_c * x)), binary<mul_op, rational<6>, X>>);
static_assert(std::is_same_v<decltype(rational<-1>{} * x), unary<neg_op, X>>);
static_assert(std::is_same_v<decltype(-x * y), unary<neg_op, binary<mul_op, X, Y>>>);
static_assert(std::is_same_v<decltype(x * -y), unary<neg_op, binary<mul_op, X, Y>>>);
static_assert(std::is_same_v<decltype(-x * -y), binary<mul_op, X, Y>>);
static_assert(std::is_same_v<decltype(x * x), unary<power_op<2>, X>>);  // a·a → a²
static_assert(std::is_same_v<decltype(x * 2.5), binary<mul_op, X, constant<double>>>);
static_assert(eval(d(x * x * x, x), at(x = 2.0)) == 12.0);  // constexpr derivative
static_assert(grad(x * x * y, wrt(x, y), at(x = 2.0, y = 3.0))[x] == 12.0);
static_assert(grad(x * x * y, wrt(x, y), at(x = 2.0, y = 3.0))[y] == 4.0);

TEST_CASE("ops/mul: value is the built-in * in float and double") {
  check_value(
      x * y, wrt(x, y), [](auto a, auto b) { return a * b; }, sample_points(-1e3, 1e3, 100));
  check_value(
      x * 0.1, wrt(x), [](auto a) { return a * static_cast<decltype(a)>(0.1); },
      sample_points(-5.0, 5.0, 50));
}

TEST_CASE("ops/mul: value and partials match central finite differences") {
  check_gradient(x * y, wrt(x, y), sample_points(-3.0, 3.0));  // float and double
  check_gradient(x * 2.5, wrt(x), sample_points(-3.0, 3.0));
  check_gradient(x * x * y, wrt(x, y), sample_points(-3.0, 3.0));
  check_gradient(x * (y * x) * 3, wrt(x, y), sample_points(-3.0, 3.0));
}

// 0·a → 0 only for a scalar a: 0·v keeps v's shape (issue 12).
namespace {
constexpr var<"s"> s;
constexpr var<"v", 3> v;
constexpr var<"M", 2, 3> M;
using detail::shape_of_t;
}  // namespace
static_assert(std::is_same_v<shape_of_t<decltype(0_c * v)>, shape<3>>);
static_assert(std::is_same_v<shape_of_t<decltype(M * 0_c)>, shape<2, 3>>);
static_assert(std::is_same_v<decltype(0_c * sum(v)), zero>);  // a scalar of tensors still folds

TEST_CASE("ops/mul: zero times a tensor is a tensor of zeros, not the scalar 0") {
  const tensor<double, 3> a{{1, 2, 3}};
  const tensor<double, 2, 3> m{{1, 2, 3, 4, 5, 6}};
  CHECK(eval(sum(0_c * v + 2.0), at(v = a)) == 6.0);  // was 2
  CHECK(eval(sum(M * 0_c + 1.0), at(M = m)) == 6.0);
  CHECK(eval(0_c * v, at(v = a)) == tensor<double, 3>{{0, 0, 0}});
}

TEST_CASE("ops/mul: 0·a matches central finite differences for scalar, vector and matrix a") {
  check_gradient(x * (0_c * x + y), wrt(x, y), sample_points(-3.0, 3.0));
  check_tensor_gradient(sum(hadamard(v, 0_c * v + s)), random_values<parameters<double, var<"v", 3>, var<"s">>>(73));
  check_tensor_gradient(sum(hadamard(M, M * 0_c + s)), random_values<parameters<double, var<"M", 2, 3>, var<"s">>>(74));
}
