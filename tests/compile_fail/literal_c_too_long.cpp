// tests/compile_fail/literal_c_too_long.cpp: _c of a decimal with more digits than a 64-bit fraction holds.
// expect: ctgrad::literals::_c: the number has too many digits for a fraction of 64-bit integers.
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad::literals;

int main() {
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] constexpr auto c = 3.14159265358979323846264_c;
#else
  [[maybe_unused]] constexpr auto c = 3.14159265358979_c;
#endif
  return 0;
}
