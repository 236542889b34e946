// tests/compile_fail/column_wrong_row_shape.cpp: a data column whose rows have 3 numbers for a variable of 2.
// expect: ctgrad::var::operator=: a data column's rows must each be what the variable binds: a number for a scalar, a tensor of the variable's shape or a std::array of as many numbers for a tensor variable.
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

#include <array>
#include <vector>

using namespace ctgrad;

int main() {
  constexpr var<"x", 2> x;
  constexpr var<"y"> y;
  const std::vector<double> ys{1.0, 2.0};
  parameters<double, var<"w", 2>> params{};
  constexpr var<"w", 2> w;
#ifdef CTGRAD_EXPECT_FAIL
  const std::vector<std::array<double, 3>> xs{{{1.0, 2.0, 3.0}}, {{4.0, 5.0, 6.0}}};
#else
  const std::vector<std::array<double, 2>> xs{{{1.0, 2.0}}, {{4.0, 5.0}}};
#endif
  [[maybe_unused]] const auto result = value_and_grad(pow<2>(dot(w, x) - y), params, dataset(x = xs, y = ys));
  return 0;
}
