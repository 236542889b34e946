// tests/compile_fail/bind_string.cpp: binding a variable to a std::string.
// expect: ctgrad::var::operator=: a variable can only be bound to a number (float, double, long double or an integer).
#include <ctgrad/ctgrad.hpp>

#include <string>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto bound = x = std::string("1.0");
#else
  [[maybe_unused]] auto bound = x = 1.0;
#endif
  return 0;
}
