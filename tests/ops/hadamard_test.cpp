// tests/ops/hadamard_test.cpp
#include <ctgrad/ops/hadamard.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using detail::shape_of_t;
constexpr var<"s"> s;
constexpr var<"A", 2, 2> A;
constexpr var<"B", 2, 2> B;

// Elementwise, where A * B would be the matrix product; with a scalar it is the scaling a * b.
static_assert(std::is_same_v<decltype(hadamard(A, B)), binary<mul_op, var<"A", 2, 2>, var<"B", 2, 2>>>);
static_assert(std::is_same_v<decltype(A * B), binary<matmul_op, var<"A", 2, 2>, var<"B", 2, 2>>>);
static_assert(std::is_same_v<decltype(hadamard(A, s)), decltype(A * s)>);
static_assert(std::is_same_v<shape_of_t<decltype(hadamard(A, B))>, shape<2, 2>>);

namespace {
constexpr tensor<double, 2, 2> a{{1, 2, 3, 4}};
constexpr tensor<double, 2, 2> b{{5, -6, 7, 0.5}};
}  // namespace

static_assert(eval(hadamard(A, B), at(A = a, B = b)) == tensor<double, 2, 2>{{5, -12, 21, 2}});
static_assert(grad(sum(hadamard(A, B)), wrt(A, B), at(A = a, B = b))[A] == b);
static_assert(grad(sum(hadamard(A, B)), wrt(A, B), at(A = a, B = b))[B] == a);

TEST_CASE("ops/hadamard: multiplies element by element, unlike the matrix product") {
  CHECK(eval(hadamard(A, B), at(A = a, B = b)) != eval(A * B, at(A = a, B = b)));
  CHECK(eval(hadamard(A, s), at(A = a, s = 0.5)) == tensor<double, 2, 2>{{0.5, 1, 1.5, 2}});
  CHECK(grad(sum(hadamard(A, s)), wrt(s), at(A = a, s = 0.5))[s] == 10.0);  // the scalar's adjoint sums
}

TEST_CASE("ops/hadamard: gradients match central finite differences") {
  using values = parameters<double, var<"A", 2, 2>, var<"B", 2, 2>, var<"s">>;
  check_tensor_gradient(sum(hadamard(sin(A), hadamard(B, B)) + hadamard(A, s)), random_values<values>(41, -2.0, 2.0));
}
