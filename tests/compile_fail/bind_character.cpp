// tests/compile_fail/bind_character.cpp: binding a variable to a character, which is not a number.
// expect: ctgrad::var::operator=: a variable can only be bound to a number (float, double, long double or an integer).
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto bound = x = 'a';
#else
  [[maybe_unused]] auto bound = x = 97;
#endif
  return 0;
}
