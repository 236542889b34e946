// tests/ops/div_test.cpp
#include <ctgrad/ops/div.hpp>  // first: proves the header stands alone

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
static_assert(std::is_same_v<decltype(x / 1_c), X>);     // a/1 → a
static_assert(std::is_same_v<decltype(0_c / x), zero>);  // 0/b → 0
static_assert(std::is_same_v<decltype(1_c / 2_c), rational<1, 2>>);
static_assert(std::is_same_v<decltype(6_c / 4_c), rational<3, 2>>);
static_assert(std::is_same_v<decltype(1_c / rational<-2, 3>{}), rational<-3, 2>>);  // sign moves up
static_assert(std::is_same_v<decltype(d(x / y, x)), binary<div_op, one, Y>>);
// ∂(a/b)/∂b = -(a/b)·(1/b) reuses the quotient and the reciprocal of ∂(a/b)/∂a: one division.
static_assert(std::is_same_v<decltype(d(x / y, y)),
                             unary<neg_op, binary<mul_op, binary<div_op, X, Y>, binary<div_op, one, Y>>>>);
static_assert(grad(x / y, wrt(x, y), at(x = 1.0, y = 2.0))[x] == 0.5);
static_assert(grad(x / y, wrt(x, y), at(x = 1.0, y = 2.0))[y] == -0.25);

TEST_CASE("ops/div: value is the built-in / in float and double") {
  check_value(
      x / y, wrt(x, y), [](auto a, auto b) { return a / b; },
      sample_points({{-1e3, 1e3}, {0.1, 1e3}}, 100));
  CHECK(eval(x / 2, at(x = 3)) ==
        1.5);  // integers are bound and folded as double, never divided as int
  CHECK(eval(3 / x, at(x = 2)) == 1.5);
}

TEST_CASE("ops/div: value and partials match central finite differences") {
  check_gradient(x / y, wrt(x, y), sample_points({{-3.0, 3.0}, {0.5, 3.0}}));
  check_gradient(x / y, wrt(x, y), sample_points({{-3.0, 3.0}, {-3.0, -0.5}}));
  check_gradient(1.0 / x, wrt(x), sample_points(1e-2, 1e2));
  check_gradient(x / 3_c, wrt(x), sample_points(-3.0, 3.0));
}

// 0/b → 0 only for a scalar b: 0/v keeps v's shape (issue 12).
namespace {
constexpr var<"s"> s;
constexpr var<"v", 3> v;
constexpr var<"M", 2, 3> M;
using detail::shape_of_t;
}  // namespace
static_assert(std::is_same_v<shape_of_t<decltype(0_c / v)>, shape<3>>);
static_assert(std::is_same_v<shape_of_t<decltype(0_c / M)>, shape<2, 3>>);

TEST_CASE("ops/div: zero over a tensor is a tensor of zeros, not the scalar 0") {
  const tensor<double, 3> a{{1, 2, 3}};
  const tensor<double, 2, 3> m{{1, 2, 3, 4, 5, 6}};
  CHECK(eval(sum(0_c / v + 1.0), at(v = a)) == 3.0);  // was 1
  CHECK(eval(sum(0_c / M + 1.0), at(M = m)) == 6.0);
}

TEST_CASE("ops/div: 0/b matches central finite differences for scalar, vector and matrix b") {
  check_gradient(x * (0_c / x + y), wrt(x, y), sample_points(0.5, 3.0));
  check_tensor_gradient(sum(hadamard(v, 0_c / v + s)),
                        random_values<parameters<double, var<"v", 3>, var<"s">>>(75, 0.5, 2.0));
  check_tensor_gradient(sum(hadamard(M, 0_c / M + s)),
                        random_values<parameters<double, var<"M", 2, 3>, var<"s">>>(76, 0.5, 2.0));
}
