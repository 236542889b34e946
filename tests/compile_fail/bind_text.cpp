// tests/compile_fail/bind_text.cpp: binding a variable to a string literal.
// expect: ctgrad::var::operator=: a variable can only be bound to a number (float, double, long double or an integer).
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto bound = x = "text";
#else
  [[maybe_unused]] auto bound = x = 1.0;
#endif
  return 0;
}
