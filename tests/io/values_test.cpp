// tests/io/values_test.cpp
#include <ctgrad/io/values.hpp>  // first: proves the header stands alone

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <iomanip>
#include <numbers>
#include <sstream>
#include <string>

using namespace ctgrad;
constexpr var<"θ1"> theta;
constexpr var<"W1", 3, 2> W;
constexpr var<"bias", 3> b;
constexpr var<"x", 2> X;
using params_type = parameters<double, var<"θ1">, var<"W1", 3, 2>, var<"bias", 3>>;

namespace {
params_type example() {
  params_type p;
  p[theta] = 1.5;
  p[W] = tensor<double, 3, 2>{{1, -2.25, 3, 4, 5e-7, 6}};
  p[b] = tensor<double, 3>{{0.1, 0.2, -0.3}};
  return p;
}

template <class... Manipulators, class Value>
std::string print(const Value& value, Manipulators... manipulators) {
  std::ostringstream out;
  (out << ... << manipulators) << value;
  return out.str();
}
}  // namespace

TEST_CASE("io/values: parameters print one aligned line per variable and matrix row") {
  // Names and shapes padded to the widest (θ is one column, not two bytes), numbers right-aligned
  // to the widest number, a matrix's later rows under its first.
  CHECK(print(example()) ==
        "θ1    scalar    1.5\n"
        "W1    3×2         1  -2.25\n"
        "                  3      4\n"
        "              5e-07      6\n"
        "bias  3         0.1    0.2   -0.3\n");
}

TEST_CASE("io/values: the stream's precision and floatfield choose how numbers print") {
  CHECK(print(example(), std::fixed, std::setprecision(2)) ==
        "θ1    scalar   1.50\n"
        "W1    3×2      1.00  -2.25\n"
        "               3.00   4.00\n"
        "               0.00   6.00\n"
        "bias  3        0.10   0.20  -0.30\n");
  CHECK(print(example()[b], std::scientific, std::setprecision(1)) == "3   1.0e-01   2.0e-01  -3.0e-01");
  // The default is the stream's: 6 significant digits.
  parameters<double, var<"θ1">> one;
  one[theta] = std::numbers::pi;
  CHECK(print(one) == "θ1  scalar  3.14159\n");
  CHECK(print(one, std::setprecision(17)) == "θ1  scalar  3.1415926535897931\n");
}

TEST_CASE("io/values: a tensor prints its shape and numbers; a field width is ignored, not applied to its first piece") {
  CHECK(print(example()[W]) ==
        "3×2      1  -2.25\n"
        "         3      4\n"
        "     5e-07      6");
  CHECK(print(tensor<float, 2>{{0.5f, -1.0f}}) == "2  0.5   -1");
  std::ostringstream out;
  out << std::setw(8) << example()[b] << '|' << 7;
  CHECK(out.str() == "3   0.1   0.2  -0.3|7");
}

TEST_CASE("io/values: value_and_gradient prints the value, then the gradient indented") {
  const params_type p = example();
  const tensor<double, 2> x{{1.0, 2.0}};
  // θ·Σ(W·x + b) = 1.5·(−3.4 + 11.2 + 11.7000005); ∂/∂θ is the sum, ∂/∂b is θ = 1.5 for each element.
  const auto result = value_and_grad(theta * sum(W * X + b), wrt(theta, b), at(p, X = x));
  CHECK(print(result) ==
        "value 29.25\n"
        "gradient\n"
        "  θ1    scalar  19.5\n"
        "  bias  3        1.5   1.5   1.5\n");
}
