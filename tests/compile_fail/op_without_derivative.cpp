// tests/compile_fail/op_without_derivative.cpp: a user op whose derivative rule takes one argument
// where the protocol passes two (a, result), differentiated.
// expect: ctgrad::value_and_grad: an op of the expression lacks a rule; give its tag eval(a) and derivative(a, result) (for two operands, eval(a, b) and partials(a, b, result)), as docs/adding-an-op.md shows.
// expect: op_lacking_rules<cube_op>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

#include <string_view>

using namespace ctgrad;

struct cube_op {
  static constexpr std::string_view name = "cube";
  static constexpr auto eval(auto a) { return a * a * a; }
#ifdef CTGRAD_EXPECT_FAIL
  static constexpr auto derivative(auto a) { return rational<3>{} * pow<2>(a); }
#else
  static constexpr auto derivative(auto a, auto) { return rational<3>{} * pow<2>(a); }
#endif
};

int main() {
  constexpr var<"x"> x;
  const auto f = unary<cube_op, var<"x">>{} + x;
  [[maybe_unused]] const auto [value, gradient] = value_and_grad(f, wrt(x), at(x = 2.0));
  return 0;
}
