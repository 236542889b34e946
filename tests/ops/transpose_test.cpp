// tests/ops/transpose_test.cpp
#include <ctgrad/ops/transpose.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using detail::shape_of_t;
constexpr var<"A", 2, 3> A;
constexpr var<"C", 3, 2> C;
constexpr var<"u", 2> u;

static_assert(std::is_same_v<shape_of_t<decltype(transpose(A))>, shape<3, 2>>);
static_assert(std::is_same_v<shape_of_t<decltype(transpose(transpose(A)))>, shape<2, 3>>);
static_assert(std::is_same_v<shape_of_t<decltype(A * transpose(A))>, shape<2, 2>>);

namespace {
constexpr tensor<double, 2, 3> a{{1, 2, 3, 4, 5, 6}};
constexpr tensor<double, 3, 2> c{{1, -1, 2, -2, 3, -3}};
}  // namespace

static_assert(eval(transpose(A), at(A = a)) == tensor<double, 3, 2>{{1, 4, 2, 5, 3, 6}});
static_assert(eval(transpose(transpose(A)), at(A = a)) == a);
// The adjoint is transposed back: ∂Σ(Aᵀ ⊙ C)/∂A = Cᵀ.
static_assert(grad(sum(hadamard(transpose(A), C)), wrt(A), at(A = a, C = c))[A] ==
              tensor<double, 2, 3>{{1, 2, 3, -1, -2, -3}});

TEST_CASE("ops/transpose: element (i, j) of Aᵀ is element (j, i) of A") {
  const auto t = eval(transpose(A), at(A = a));
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 2; ++j) CHECK(t(i, j) == a(j, i));
  }
  CHECK(eval(A * transpose(A), at(A = a)) == tensor<double, 2, 2>{{14, 32, 32, 77}});
}

TEST_CASE("ops/transpose: gradients match central finite differences") {
  using values = parameters<double, var<"A", 2, 3>, var<"u", 2>>;
  // A appears on both sides of the product: its two adjoints add.
  check_tensor_gradient(squared_norm(A * transpose(A)) + sum(sin(transpose(A) * u)), random_values<values>(51));
}
