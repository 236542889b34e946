// tests/core/shape_of_test.cpp
#include <ctgrad/core/shape_of.hpp>  // first: proves the header stands alone

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/nn.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using detail::shape_of_t;
constexpr var<"x"> x;
constexpr var<"W", 16, 2> W;
constexpr var<"b", 16> b;
constexpr var<"v", 2> v;
constexpr var<"M", 2, 3> M;

template <class E, class S>
inline constexpr bool has_shape = std::is_same_v<shape_of_t<E>, S>;

static_assert(shape<>::rank == 0 && shape<>::size == 1);
static_assert(shape<16>::rank == 1 && shape<16>::size == 16);
static_assert(shape<16, 2>::rank == 2 && shape<16, 2>::size == 32);

// Leaves and elementwise operations: a scalar operand is broadcast.
static_assert(has_shape<decltype(x), shape<>>);
static_assert(has_shape<decltype(W), shape<16, 2>>);
static_assert(has_shape<decltype(x * 2.5), shape<>>);
static_assert(has_shape<decltype(relu(b)), shape<16>>);
static_assert(has_shape<decltype(exp(W) - x), shape<16, 2>>);
static_assert(has_shape<decltype(x / W), shape<16, 2>>);
static_assert(has_shape<decltype(max(b, 0.0)), shape<16>>);
static_assert(has_shape<decltype(pow(b, x)), shape<16>>);

// Operations that change shapes.
static_assert(has_shape<decltype(W * v), shape<16>>);
static_assert(has_shape<decltype(relu(W * v + b)), shape<16>>);
static_assert(has_shape<decltype(transpose(W)), shape<2, 16>>);
static_assert(has_shape<decltype(transpose(W) * W), shape<2, 2>>);
static_assert(has_shape<decltype(v * M), shape<3>>);
static_assert(has_shape<decltype(sum(W)), shape<>>);
static_assert(has_shape<decltype(mean(W)), shape<>>);
static_assert(has_shape<decltype(dot(b, b)), shape<>>);
static_assert(has_shape<decltype(squared_norm(W * v)), shape<>>);
static_assert(has_shape<decltype(nn::mlp<"net", 2, 16, 1>{}(v)), shape<1>>);
static_assert(has_shape<decltype(nn::hinge(nn::mlp<"net", 2, 16, 1>{}(v), x)), shape<>>);

// What the shape errors are computed from.
static_assert(detail::broadcastable<shape<16>, shape<16>> && detail::broadcastable<shape<>, shape<16>>);
static_assert(!detail::broadcastable<shape<16>, shape<3>> && !detail::broadcastable<shape<2>, shape<2, 1>>);
static_assert(detail::can_matmul<shape<16, 2>, shape<2>> && detail::can_matmul<shape<2>, shape<2, 3>>);
static_assert(!detail::can_matmul<shape<16, 2>, shape<3>> && !detail::can_matmul<shape<2>, shape<2>>);
static_assert(!detail::is_scalar<decltype(W * v)> && detail::is_scalar<decltype(sum(W * v))>);
static_assert(detail::has_tensor<decltype(sum(W * v))> && !detail::has_tensor<decltype(x * x)>);
static_assert(std::is_same_v<detail::value_t<float, shape<>>, float>);
static_assert(std::is_same_v<detail::value_t<float, shape<2, 3>>, tensor<float, 2, 3>>);

TEST_CASE("core/shape_of: eval returns a value of the expression's shape") {
  const tensor<double, 16, 2> w{};
  const tensor<double, 16> c{};
  const tensor<double, 2> row{{1.0, 2.0}};
  const auto hidden = eval(relu(W * v + b) + x, at(W = w, b = c, v = row, x = 1.5));
  static_assert(std::is_same_v<decltype(hidden), const tensor<double, 16>>);
  for (const double h : hidden) CHECK(h == 1.5);
  const auto first = eval(transpose(W) * W, at(W = w));
  static_assert(std::is_same_v<decltype(first), const tensor<double, 2, 2>>);
  CHECK(first == tensor<double, 2, 2>{});
}
