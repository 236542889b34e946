// tests/compile_fail/op_without_eval.cpp: a user op of two operands whose value rule is misspelled
// (evaluate, not eval), evaluated.
// expect: ctgrad::eval: an op of the expression lacks a value rule; give its tag eval(a) (for two operands, eval(a, b)), as docs/adding-an-op.md shows.
// expect: op_lacking_rules<hypot_op>
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

#include <boost/hana/basic_tuple.hpp>

#include <cmath>
#include <string_view>

using namespace ctgrad;

struct hypot_op {
  static constexpr std::string_view name = "hypot";
#ifdef CTGRAD_EXPECT_FAIL
  static auto evaluate(auto a, auto b) { return std::hypot(a, b); }
#else
  static auto eval(auto a, auto b) { return std::hypot(a, b); }
#endif
  static constexpr auto partials(auto a, auto b, auto r) { return boost::hana::make_basic_tuple(a / r, b / r); }
};

int main() {
  constexpr var<"x"> x;
  constexpr var<"y"> y;
  const auto f = binary<hypot_op, var<"x">, var<"y">>{} * x;
  [[maybe_unused]] const double value = eval(f, at(x = 3.0, y = 4.0));
  return 0;
}
