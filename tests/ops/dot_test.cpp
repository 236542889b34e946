// tests/ops/dot_test.cpp
#include <ctgrad/ops/dot.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using detail::shape_of_t;
constexpr var<"a", 3> a;
constexpr var<"b", 3> b;

static_assert(std::is_same_v<decltype(dot(a, b)), decltype(sum(hadamard(a, b)))>);  // no rule of its own
static_assert(std::is_same_v<shape_of_t<decltype(dot(a, b))>, shape<>>);

namespace {
constexpr tensor<double, 3> p{{1, 2, 3}};
constexpr tensor<double, 3> q{{4, -5, 6}};
}  // namespace

static_assert(eval(dot(a, b), at(a = p, b = q)) == 12.0);
static_assert(grad(dot(a, b), wrt(a, b), at(a = p, b = q))[a] == q);  // ∂(a·b)/∂a = b
static_assert(grad(dot(a, b), wrt(a, b), at(a = p, b = q))[b] == p);  // ∂(a·b)/∂b = a

TEST_CASE("ops/dot: a·a is the squared norm, and its gradient 2a adds both operands' adjoints") {
  CHECK(eval(dot(a, a), at(a = p)) == 14.0);
  CHECK(grad(dot(a, a), wrt(a), at(a = p))[a] == tensor<double, 3>{{2, 4, 6}});
  const tensor<float, 3> pf{{1, 2, 3}};
  const tensor<float, 3> qf{{4, -5, 6}};
  CHECK(eval(dot(a, b), at(a = pf, b = qf)) == 12.0f);
}

TEST_CASE("ops/dot: gradients match central finite differences") {
  using values = parameters<double, var<"a", 3>, var<"b", 3>>;
  check_tensor_gradient(dot(a, tanh(b)) * dot(exp(a), b), random_values<values>(31, -1.5, 1.5));
}
