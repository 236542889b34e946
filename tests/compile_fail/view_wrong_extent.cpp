// tests/compile_fail/view_wrong_extent.cpp: a view of parameters over a buffer of another fixed size.
// expect: ctgrad::variable_values_view: the span must hold as many numbers as the variables, numbers() of them.
// max-lines: 25
#include <ctgrad/ctgrad.hpp>

#include <array>

using namespace ctgrad;

int main() {
  constexpr var<"W", 2, 3> W;
  constexpr var<"c"> c;
#ifdef CTGRAD_EXPECT_FAIL
  std::array<double, 6> numbers{};
#else
  std::array<double, 7> numbers{};
#endif
  [[maybe_unused]] const auto p = view(wrt(W, c), numbers);
  return 0;
}
