// tests/ops/pow_test.cpp
#include <ctgrad/ops/pow.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>  // sum, hadamard: what reads a shape

#include "support/check_gradient.hpp"
#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

using X = var<"x">;
static_assert(std::is_same_v<decltype(pow<1>(x)), X>);    // a¹ → a
static_assert(std::is_same_v<decltype(pow<0>(x)), one>);  // a⁰ → 1
static_assert(std::is_same_v<decltype(pow<2>(3_c)), rational<9>>);
static_assert(std::is_same_v<decltype(pow<3>(rational<-2, 3>{})), rational<-8, 27>>);
static_assert(std::is_same_v<decltype(d(pow<2>(x), x)), binary<mul_op, rational<2>, X>>);
static_assert(
    std::is_same_v<decltype(d(pow<3>(x), x)), binary<mul_op, rational<3>, unary<power_op<2>, X>>>);
static_assert(std::is_same_v<decltype(d(pow<-1>(x), x)), unary<neg_op, unary<power_op<-2>, X>>>);
static_assert(eval(pow<5>(x), at(x = 2.0)) == 32.0);
static_assert(eval(pow<-2>(x), at(x = 2.0)) == 0.25);
static_assert(eval(pow<3>(x), at(x = -2.0)) == -8.0);
static_assert(eval(d(pow<3>(x), x), at(x = 2.0)) == 12.0);
static_assert(eval(d(d(pow<4>(x), x), x), at(x = 2.0)) == 48.0);  // second derivative 12x²
static_assert(grad(pow<-1>(x), wrt(x), at(x = 2.0))[x] == -0.25);

TEST_CASE("ops/pow: pow<N> value is std::pow(x, N) in float and double") {
  const auto reference = [](int n) { return [n](auto v) { return std::pow(v, decltype(v)(n)); }; };
  check_value(pow<2>(x), wrt(x), reference(2), sample_points(-10.0, 10.0, 50));
  check_value(pow<3>(x), wrt(x), reference(3), sample_points(-10.0, 10.0, 50), 4);
  check_value(pow<5>(x), wrt(x), reference(5), sample_points(-10.0, 10.0, 50), 8);
  check_value(pow<8>(x), wrt(x), reference(8), sample_points(-10.0, 10.0, 50), 8);
  check_value(pow<-1>(x), wrt(x), reference(-1), sample_points(0.1, 10.0, 50));
  check_value(pow<-3>(x), wrt(x), reference(-3), sample_points(0.1, 10.0, 50), 8);
}

TEST_CASE("ops/pow: pow(a, b) value is std::pow in float and double") {
  check_value(
      pow(x, y), wrt(x, y), [](auto a, auto b) { return std::pow(a, b); },
      sample_points({{1e-3, 10.0}, {-3.0, 3.0}}, 100));
  check_value(
      pow(x, 2.5), wrt(x), [](auto a) { return std::pow(a, decltype(a){2.5}); },
      sample_points(0.0, 10.0, 50));
}

TEST_CASE("ops/pow: pow<N> value and derivative match central finite differences") {
  check_gradient(pow<2>(x), wrt(x), sample_points(-3.0, 3.0));
  check_gradient(pow<3>(x), wrt(x), sample_points(-3.0, 3.0));
  check_gradient(pow<7>(x), wrt(x), sample_points(-2.0, 2.0));
  check_gradient(pow<-1>(x), wrt(x), sample_points(0.1, 10.0));
  check_gradient(pow<-3>(x), wrt(x), sample_points(-3.0, -0.5));
  check_gradient(pow<3>(x * y - 1.0), wrt(x, y), sample_points(-2.0, 2.0));
}

TEST_CASE("ops/pow: pow(a, b) value and partials match central finite differences for a > 0") {
  check_gradient(pow(x, y), wrt(x, y), sample_points({{0.1, 4.0}, {-3.0, 3.0}}));
  check_gradient(pow(x, y), wrt(x, y), sample_points({{1e-3, 1e-1}, {0.5, 2.0}}));  // base near 0+
  check_gradient(pow(x, 2.5), wrt(x), sample_points(1e-2, 10.0));
  check_gradient(pow(2.0, x), wrt(x), sample_points(-5.0, 5.0));
}

TEST_CASE("ops/pow: a constant exponent gives a finite slope for a negative base") {
  // ∂/∂b = log(a)·a^b is NaN for a < 0, but a constant exponent has no adjoint: it is never formed.
  CHECK(grad(pow(x, 2.0), wrt(x), at(x = -3.0))[x] == doctest::Approx(-6.0));
  CHECK(eval(d(pow(x, 2.0), x), at(x = -3.0)) == doctest::Approx(-6.0));
}

TEST_CASE("ops/pow: the slope in b of a^b at a = 0, b > 0 is 0 (a^b is 0 there for every b > 0)") {
  const auto g = grad(pow(x, y), wrt(x, y), at(x = 0.0, y = 2.0));
  CHECK(g[x] == 0.0);
  CHECK(g[y] == 0.0);  // xlogy(0, 0) = 0, where log(0)·0^2 would be -inf·0 = NaN
}

// a^0 → 1 only for a scalar a: a tensor's v^0 is a tensor of ones (issue 12).
namespace {
constexpr var<"s"> s;
constexpr var<"v", 3> v;
constexpr var<"M", 2, 3> M;
using detail::shape_of_t;
}  // namespace
static_assert(std::is_same_v<shape_of_t<decltype(pow<0>(v))>, shape<3>>);
static_assert(std::is_same_v<shape_of_t<decltype(pow<0>(M))>, shape<2, 3>>);

TEST_CASE("ops/pow: a tensor to the power 0 is a tensor of ones, not the scalar 1") {
  const tensor<double, 3> a{{1, 0, -3}};
  const tensor<double, 2, 3> m{{1, 2, 3, 4, 5, 6}};
  CHECK(eval(sum(pow<0>(v)), at(v = a)) == 3.0);  // was 1
  CHECK(eval(sum(pow<0>(M)), at(M = m)) == 6.0);
  CHECK(grad(sum(pow<0>(v)), wrt(v), at(v = a))[v] == tensor<double, 3>{{0, 0, 0}});  // 0 at 0 too
}

TEST_CASE("ops/pow: a^0 matches central finite differences for scalar, vector and matrix a") {
  check_gradient(x * (pow<0>(x) + y), wrt(x, y), sample_points(-3.0, 3.0));
  check_tensor_gradient(sum(hadamard(v, pow<0>(v) * s)), random_values<parameters<double, var<"v", 3>, var<"s">>>(77));
  check_tensor_gradient(sum(hadamard(M, pow<0>(M) * s)), random_values<parameters<double, var<"M", 2, 3>, var<"s">>>(78));
}
