// tests/core/eval_test.cpp
#include <ctgrad/core/eval.hpp>  // first: proves the header stands alone

#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

using namespace ctgrad;
using namespace ctgrad::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;

static_assert(eval(x * x + 3_c * y - 1_c, at(x = 2.0, y = 3.0)) == 12.0);  // constexpr
static_assert(eval(x / 2, at(x = 3)) == 1.5);  // int constant and int binding: no integer division
static_assert(eval(1_c / 3_c, at()) == 1.0 / 3.0);
static_assert(eval(pow<-1>(2_c), at()) == 0.5);  // no variables: double

// The value type is the point's: float, double and long double bindings give that type.
constexpr auto f = sin(x) * y + pow<2>(x) * 0.5;
static_assert(std::is_same_v<decltype(eval(f, at(x = 1.0f, y = 2.0f))), float>);
static_assert(std::is_same_v<decltype(eval(f, at(x = 1.0, y = 2.0))), double>);
static_assert(std::is_same_v<decltype(eval(f, at(x = 1.0L, y = 2.0L))), long double>);
static_assert(std::is_same_v<decltype(eval(f, at(x = 1.0f, y = 2.0))), double>);
static_assert(std::is_same_v<decltype(eval(f, at(x = 1, y = 2))), double>);
static_assert(std::is_same_v<decltype(eval(3_c * x, at(x = 1.0f))), float>);

namespace {
// Builds an expression from locals that die when it returns: nodes must hold copies.
auto make_model(double scale, double shift) {
  auto scaled = x * scale;
  auto shifted = scaled + shift;
  return sin(shifted) * y + exp(-(scaled * scaled));
}
}  // namespace

TEST_CASE("core/eval: values match the same formula written with <cmath>") {
  const double a = 0.7, b = -1.3;
  CHECK(eval(f, at(x = a, y = b)) == doctest::Approx(std::sin(a) * b + a * a * 0.5));
  CHECK(eval(sqrt(x * x + y * y), at(x = 3.0, y = 4.0)) == 5.0);
  CHECK(eval(log(exp(x)), at(x = 2.0)) == doctest::Approx(2.0));
  CHECK(eval(max(x, y) - min(x, y), at(x = a, y = b)) == doctest::Approx(std::fabs(a - b)));
}

TEST_CASE("core/eval: float, double and long double points compute in their own type") {
  const auto in_float = eval(exp(x), at(x = 1.0f));
  const auto in_double = eval(exp(x), at(x = 1.0));
  const auto in_long_double = eval(exp(x), at(x = 1.0L));
  CHECK(in_float == std::exp(1.0f));
  CHECK(in_double == std::exp(1.0));
  CHECK(in_long_double == std::exp(1.0L));
  if constexpr (sizeof(long double) > sizeof(double)) {
    CHECK(static_cast<double>(in_long_double) == std::exp(1.0));
    CHECK(in_long_double != static_cast<long double>(in_double));  // not computed in double
  }
}

TEST_CASE("core/eval: expressions kept in auto variables never dangle") {
  const auto model = make_model(2.0, 0.5);  // every local of make_model is gone
  for (const double v : {-1.0, 0.25, 2.0}) {
    const double expected = std::sin(2.0 * v + 0.5) * 3.0 + std::exp(-(2.0 * v) * (2.0 * v));
    CHECK(eval(model, at(x = v, y = 3.0)) == doctest::Approx(expected).epsilon(1e-15));
  }
  auto e = x * 2.0;
  auto kept = e + y * 3.0;  // built from a named sub-expression and a temporary
  e = x * 100.0;            // changing the part afterwards does not change the whole
  CHECK(eval(kept, at(x = 1.0, y = 1.0)) == 5.0);
}
