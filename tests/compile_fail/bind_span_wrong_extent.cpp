// tests/compile_fail/bind_span_wrong_extent.cpp: a std::span of another extent than the variable's.
// expect: ctgrad::var::operator=: the bound storage holds another number of numbers than the variable's shape (both are named beside this sentence).
// max-lines: 25
#include <ctgrad/ctgrad.hpp>

#include <span>

using namespace ctgrad;

int main() {
  constexpr var<"v", 3> v;
  double numbers[4] = {1, 2, 3, 4};
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] const auto b = v = std::span<const double, 4>(numbers);
#else
  [[maybe_unused]] const auto b = v = std::span<const double, 3>(numbers, 3);
#endif
  return 0;
}
