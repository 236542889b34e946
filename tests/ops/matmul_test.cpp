// tests/ops/matmul_test.cpp
#include <ctgrad/ops/matmul.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using detail::shape_of_t;
constexpr var<"A", 2, 3> A;
constexpr var<"B", 3, 2> B;
constexpr var<"u", 2> u;
constexpr var<"v", 3> v;

static_assert(std::is_same_v<shape_of_t<decltype(A * B)>, shape<2, 2>>);  // matrix · matrix
static_assert(std::is_same_v<shape_of_t<decltype(A * v)>, shape<2>>);     // matrix · vector
static_assert(std::is_same_v<shape_of_t<decltype(u * A)>, shape<3>>);     // vector · matrix
static_assert(std::is_same_v<shape_of_t<decltype(A * B * A)>, shape<2, 3>>);
static_assert(std::is_same_v<decltype(A * B), decltype(matmul(A, B))>);  // * of two tensors is matmul
static_assert(std::is_same_v<decltype(A * B), binary<matmul_op, var<"A", 2, 3>, var<"B", 3, 2>>>);
static_assert(std::is_empty_v<decltype(A * v)>);

namespace {
constexpr tensor<double, 2, 3> a{{1, 2, 3, 4, 5, 6}};
constexpr tensor<double, 3, 2> b{{7, 8, 9, 10, 11, 12}};
}  // namespace

// The product and its adjoints are constexpr: dA = 1·Bᵀ sums B's rows, dB = Aᵀ·1 sums A's rows.
static_assert(eval(A * B, at(A = a, B = b)) == tensor<double, 2, 2>{{58, 64, 139, 154}});
static_assert(grad(sum(A * B), wrt(A, B), at(A = a, B = b))[A] == tensor<double, 2, 3>{{15, 19, 23, 15, 19, 23}});
static_assert(grad(sum(A * B), wrt(A, B), at(A = a, B = b))[B] == tensor<double, 3, 2>{{5, 5, 7, 7, 9, 9}});

TEST_CASE("ops/matmul: matrix·matrix, matrix·vector and vector·matrix give the textbook products") {
  const tensor<double, 3> w{{1, 0, -1}};
  const tensor<double, 2> r{{1, 2}};
  CHECK(eval(A * v, at(A = a, v = w)) == tensor<double, 2>{{-2, -2}});
  CHECK(eval(u * A, at(A = a, u = r)) == tensor<double, 3>{{9, 12, 15}});
  CHECK(eval(A * B * A, at(A = a, B = b)) == tensor<double, 2, 3>{{314, 436, 558, 755, 1048, 1341}});
  const tensor<float, 2, 3> af{{1, 2, 3, 4, 5, 6}};
  const tensor<float, 3, 2> bf{{7, 8, 9, 10, 11, 12}};
  const tensor<float, 2, 2> product = eval(matmul(A, B), at(A = af, B = bf));
  CHECK(product == tensor<float, 2, 2>{{58, 64, 139, 154}});
}

TEST_CASE("ops/matmul: the adjoints δ·Bᵀ and Aᵀ·δ match central finite differences") {
  using matrices = parameters<double, var<"A", 2, 3>, var<"B", 3, 2>>;
  check_tensor_gradient(squared_norm(A * B), random_values<matrices>(1));
  check_tensor_gradient(squared_norm(A * B * A), random_values<matrices>(2));
}

TEST_CASE("ops/matmul: vector operands on either side match central finite differences") {
  using operands = parameters<double, var<"A", 2, 3>, var<"u", 2>, var<"v", 3>>;
  check_tensor_gradient(dot(u, tanh(A * v)) + sum(sin(u * A)), random_values<operands>(3, -2.0, 2.0));
}
