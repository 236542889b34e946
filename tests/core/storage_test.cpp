// tests/core/storage_test.cpp: tensor variables bound where the numbers are, by pointer: a
// std::span of a static or a run-time extent and a C array (core/storage.hpp); a run-time size
// that differs is an error naming both sizes, and a bound number changed is read.
#include <ctgrad/core/storage.hpp>  // first: proves the header stands alone

#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <array>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ctgrad;

namespace {
constexpr var<"v", 3> v;
constexpr var<"a"> a;
constexpr auto f = a * dot(v, v);
}  // namespace

TEST_CASE("core/storage: a span or a C array binds a tensor variable by pointer, without a copy") {
  double raw[3] = {1.0, 2.0, 3.0};
  std::vector<double> owned = {1.0, 2.0, 3.0};
  const auto on_array = v = raw;
  const auto on_span = v = std::span<const double, 3>(raw);
  const auto on_dynamic = v = std::span<const double>(owned);
  CHECK(on_array.data == raw);
  CHECK(on_span.data == raw);
  CHECK(on_dynamic.data == owned.data());
  CHECK(eval(f, at(a = 2.0, v = raw)) == 28.0);
  raw[2] = 0.0;  // read through the pointer: the new number counts
  CHECK(eval(f, at(a = 2.0, v = std::span<double, 3>(raw))) == 10.0);
  const auto [value, g] = value_and_grad(f, wrt(a, v), at(a = 2.0, v = std::span<const double>(owned)));
  CHECK(value == 28.0);
  CHECK(g[a] == 14.0);
  CHECK(g[v][1] == 8.0);  // 2·a·v
}

TEST_CASE("core/storage: a run-time extent other than the variable's is an error naming both sizes") {
  std::vector<double> four = {1.0, 2.0, 3.0, 4.0};
  CHECK_THROWS_WITH_AS(static_cast<void>(v = std::span<const double>(four)),
                       "ctgrad::var::operator=: v holds 3 numbers, but the bound storage has 4", std::invalid_argument);
}

static_assert(detail::bound_storage<std::span<const double, 4>>::size == 4);
static_assert(detail::bound_storage<std::span<float>>::size == 0);  // known at run time
static_assert(detail::bound_storage<double[2]>::bindable && !detail::bound_storage<double[2]>::view);
static_assert(!detail::bound_storage<std::span<int, 3>>::bindable, "integers are not bound by pointer");
