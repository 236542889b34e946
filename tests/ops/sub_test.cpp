// tests/ops/sub_test.cpp
#include <ctgrad/ops/sub.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>  // sum, exp, hadamard, transpose: what reads a shape

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
static_assert(std::is_same_v<decltype(x - 0_c), X>);                    // a - 0 → a
static_assert(std::is_same_v<decltype(0_c - x), unary<neg_op, X>>);     // 0 - b → -b
static_assert(std::is_same_v<decltype(x - x), zero>);                   // a - a → 0
static_assert(std::is_same_v<decltype(x - -y), binary<add_op, X, Y>>);  // a - (-b) → a + b
static_assert(std::is_same_v<decltype(1_c - 3_c), rational<-2>>);
static_assert(std::is_same_v<decltype(rational<1, 2>{} - rational<1, 3>{}), rational<1, 6>>);
static_assert(std::is_same_v<decltype(d(x - y, x)), one>);
static_assert(std::is_same_v<decltype(d(x - y, y)), rational<-1>>);
static_assert(eval(x - y, at(x = 1.5, y = 2.0)) == -0.5);
static_assert(grad(x - y, wrt(x, y), at(x = 1.5, y = 2.0))[y] == -1.0);

TEST_CASE("ops/sub: value is the built-in - in float and double") {
  check_value(
      x - y, wrt(x, y), [](auto a, auto b) { return a - b; }, sample_points(-1e3, 1e3, 100));
  check_value(
      2.0 - x, wrt(x), [](auto a) { return decltype(a){2} - a; }, sample_points(-5.0, 5.0, 50));
}

TEST_CASE("ops/sub: value and derivative match central finite differences") {
  check_gradient(x - y, wrt(x, y), sample_points(-3.0, 3.0));
  check_gradient(2.0 - x, wrt(x), sample_points(-3.0, 3.0));
  check_gradient(x - (y - x), wrt(x, y), sample_points(-3.0, 3.0));
}

// a - a → 0 only for a scalar: a tensor's difference keeps its shape (issue 12).
namespace {
constexpr var<"s"> s;
constexpr var<"v", 3> v;
constexpr var<"W", 2, 2> W;
constexpr var<"M", 2, 3> M;
using detail::shape_of_t;
}  // namespace
static_assert(std::is_same_v<shape_of_t<decltype(v - v)>, shape<3>>);
static_assert(std::is_same_v<shape_of_t<decltype(W - W)>, shape<2, 2>>);
static_assert(std::is_same_v<shape_of_t<decltype(M * (v - v))>, shape<2>>);
static_assert(std::is_same_v<shape_of_t<decltype(transpose(W - W))>, shape<2, 2>>);

TEST_CASE("ops/sub: a tensor minus itself is a tensor of zeros, not the scalar 0") {
  const tensor<double, 2, 2> w{{1, 2, 3, 4}};
  const tensor<double, 3> a{{1, 2, 3}};
  const tensor<double, 2, 3> m{{1, 2, 3, 4, 5, 6}};
  const auto point = at(W = w, v = a, M = m);
  CHECK(eval(sum(exp(W - W)), point) == 4.0);  // was 1: one element counted instead of four
  const auto zeros = eval(v - v, point);       // was a double
  static_assert(std::is_same_v<decltype(zeros), const tensor<double, 3>>);
  for (const double element : zeros) CHECK(element == 0.0);
  CHECK(eval(M * (v - v), point) == tensor<double, 2>{{0, 0}});
  CHECK(eval(transpose(W - W), point) == tensor<double, 2, 2>{{0, 0, 0, 0}});
}

TEST_CASE("ops/sub: a - a matches central finite differences for scalar, vector and matrix a") {
  check_gradient(x * (x - x + y), wrt(x, y), sample_points(-3.0, 3.0));
  check_tensor_gradient(sum(hadamard(v, v - v + s)), random_values<parameters<double, var<"v", 3>, var<"s">>>(71));
  check_tensor_gradient(sum(hadamard(W, exp(W - W) * s)) + sum(M - M),
                        random_values<parameters<double, var<"W", 2, 2>, var<"M", 2, 3>, var<"s">>>(72));
}
