// tests/compile_fail/literal_c_hexadecimal.cpp: _c of a literal that is not a decimal number.
// expect: ctgrad::literals::_c: write a decimal number such as 3_c, 2.5_c or 1e-4_c.
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad::literals;

int main() {
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] constexpr auto c = 0x1F_c;
#else
  [[maybe_unused]] constexpr auto c = 31_c;
#endif
  return 0;
}
