// tests/core/variable_values_test.cpp
#include <ctgrad/core/variable_values.hpp>  // first: proves the header stands alone

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <string_view>
#include <type_traits>
#include <vector>

using namespace ctgrad;
constexpr var<"W", 3, 2> W;
constexpr var<"b", 3> b;
constexpr var<"c"> c;
constexpr var<"x", 2> X;
using params_type = parameters<double, var<"W", 3, 2>, var<"b", 3>, var<"c">>;

// One value per variable, shaped like it: a number for a scalar, a tensor otherwise.
static_assert(std::is_same_v<decltype(std::declval<params_type&>()[W]), tensor<double, 3, 2>&>);
static_assert(std::is_same_v<decltype(std::declval<const params_type&>()[b]), const tensor<double, 3>&>);
static_assert(std::is_same_v<decltype(std::declval<params_type&>()[c]), double&>);
static_assert(std::is_same_v<params_type, gradient<double, var<"W", 3, 2>, var<"b", 3>, var<"c">>>);
static_assert(params_type::size() == 3);
static_assert(sizeof(params_type) == (6 + 3 + 1) * sizeof(double));  // fixed-size, no heap
static_assert([] {
  parameters<float, var<"b", 3>, var<"c">> p{};
  p[b](1) = 2.0f;
  p[c] = 0.5f;
  return p[b][1] * p[c] + p[b][0];
}() == 1.0f);

TEST_CASE("core/variable_values: values start at zero and p[v] reads and writes them") {
  params_type p;
  CHECK(p[W] == tensor<double, 3, 2>{});
  CHECK(p[c] == 0.0);
  p[W](2, 1) = 4.0;
  p[c] = -1.0;
  const params_type& read_only = p;
  CHECK(read_only[W][5] == 4.0);
  CHECK(read_only[c] == -1.0);
}

TEST_CASE("core/variable_values: for_each visits the variables in the order they were listed") {
  params_type p;
  std::vector<std::string_view> names;
  p.for_each([&](auto variable, auto& value) {
    names.push_back(decltype(variable)::name);
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, double>) {
      value = 1.0;
    } else {
      for (double& number : value) number = 1.0;
    }
  });
  CHECK(names == std::vector<std::string_view>{"W", "b", "c"});
  CHECK(p[W](0, 0) == 1.0);
  CHECK(p[b](2) == 1.0);
  CHECK(p[c] == 1.0);
}

TEST_CASE("core/variable_values: at(p, x = ...) binds every parameter, tensors by reference") {
  params_type p;
  p[W] = tensor<double, 3, 2>{{1, 2, 3, 4, 5, 6}};
  p[b] = tensor<double, 3>{{1, 1, 1}};
  p[c] = 0.5;
  const tensor<double, 2> x{{1, -1}};
  const auto f = sum(W * X + b) * c;
  const auto point = at(p, X = x);
  CHECK(eval(f, point) == (-1 - 1 - 1 + 3) * 0.5);
  p[W](0, 0) = 11.0;  // the binding sees the parameters' storage, not a copy
  CHECK(eval(f, point) == (9 - 1 - 1 + 3) * 0.5);
}

namespace {
// Values whose numbers are first, first + 1, ...: every number differs, so a slip of index shows.
constexpr params_type counting(double first) {
  params_type p;
  double next = first;
  p.for_each([&](auto, auto& value) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, double>) {
      value = next++;
    } else {
      for (double& number : value) number = next++;
    }
  });
  return p;
}
}  // namespace

// Arithmetic is number by number, and constexpr.
static_assert((counting(1) + counting(10))[W](2, 1) == 6 + 15);
static_assert((counting(1) - counting(10))[c] == 10 - 19);
static_assert((counting(1) * 2.0)[b](0) == 14.0 && (0.5 * counting(1))[b](2) == 4.5);
static_assert(dot(counting(1), counting(1)) == 385.0);  // 1² + 2² + ... + 10²

TEST_CASE("core/variable_values: +=, -=, *= change every number of every variable in place") {
  params_type total;
  total += counting(1);
  total += counting(1);
  CHECK(total == counting(1) * 2.0);
  total -= counting(1);
  CHECK(total == counting(1));
  total *= -1.0;
  CHECK(total[W](0, 0) == -1.0);
  CHECK(total[b](1) == -8.0);
  CHECK(total[c] == -10.0);
  CHECK(total + counting(1) == params_type{});
}

TEST_CASE("core/variable_values: copy_to and copy_from keep every number, in order, row-major") {
  static_assert(params_type::numbers() == 6 + 3 + 1);
  std::array<double, 10> flat{};
  for (std::size_t k = 0; k < flat.size(); ++k) flat[k] = 0.5 * static_cast<double>(k) - 1.0;
  params_type p{};
  p.copy_from(flat);
  CHECK(p[W](0, 0) == -1.0);
  CHECK(p[W](0, 1) == -0.5);  // row-major: W's second number is row 0, column 1
  CHECK(p[W](2, 1) == 1.5);
  CHECK(p[b][0] == 2.0);  // b follows W
  CHECK(p[c] == 3.5);
  std::array<double, 10> back{};
  p.copy_to(back);
  CHECK(back == flat);
  p[c] = 7.0;
  p.copy_to(back);
  CHECK(back[9] == 7.0);
}

TEST_CASE("core/variable_values: dot and global_norm read every number; global_norm clips") {
  const params_type g = counting(1);
  CHECK(dot(g, counting(0)) == 330.0);  // Σ k·(k − 1) for k = 1..10
  CHECK(global_norm(g) == doctest::Approx(std::sqrt(385.0)));
  CHECK(global_norm(params_type{}) == 0.0);
  params_type clipped = g;
  const double limit = 1.0;
  if (global_norm(clipped) > limit) clipped *= limit / global_norm(clipped);
  CHECK(global_norm(clipped) == doctest::Approx(1.0));
  CHECK(clipped[c] / clipped[W](0, 0) == doctest::Approx(10.0));  // the direction is kept

  using float_values = parameters<float, var<"b", 3>>;
  float_values f;
  f[b] = tensor<float, 3>{{3.0f, 0.0f, 4.0f}};
  static_assert(std::is_same_v<decltype(global_norm(f)), float>);
  CHECK(global_norm(f) == 5.0f);
}
