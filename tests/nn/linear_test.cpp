// tests/nn/linear_test.cpp
#include <ctgrad/nn/linear.hpp>  // first: proves the header stands alone

#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/nn/loss.hpp>
#include <ctgrad/ops.hpp>

#include "support/check_tensor_gradient.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace ctgrad;
using layer = nn::linear<"fc", 2, 3>;
constexpr layer fc;
constexpr var<"x", 2> X;
constexpr var<"y", 3> Y;

// The parameters are named after the layer and shaped Out × In (column convention: W·x).
static_assert(std::is_same_v<std::remove_cv_t<decltype(layer::weight)>, var<"fc.W", 3, 2>>);
static_assert(std::is_same_v<std::remove_cv_t<decltype(layer::bias)>, var<"fc.b", 3>>);
static_assert(std::is_same_v<decltype(layer::parameters()), variable_list<var<"fc.W", 3, 2>, var<"fc.b", 3>>>);
static_assert(std::is_same_v<decltype(fc(X)), decltype(layer::weight * X + layer::bias)>);
static_assert(std::is_same_v<detail::shape_of_t<decltype(fc(X))>, shape<3>>);
static_assert(std::is_empty_v<decltype(fc(X))>);

TEST_CASE("nn/linear: the layer computes W·x + b") {
  parameters<double, var<"fc.W", 3, 2>, var<"fc.b", 3>> p;
  p[layer::weight] = tensor<double, 3, 2>{{1, 2, 3, 4, 5, 6}};
  p[layer::bias] = tensor<double, 3>{{0.5, -0.5, 1}};
  const tensor<double, 2> x{{1, -1}};
  CHECK(eval(fc(X), at(p, X = x)) == tensor<double, 3>{{-0.5, -1.5, 0}});
}

TEST_CASE("nn/linear: the gradient of a loss through the layer matches central finite differences") {
  using weights = parameters<double, var<"fc.W", 3, 2>, var<"fc.b", 3>>;
  using row = parameters<double, var<"x", 2>, var<"y", 3>>;
  check_tensor_gradient(nn::mse(tanh(fc(X)), Y), random_values<weights>(81), random_values<row>(82, -2.0, 2.0));
}
