// tests/compile_fail/column_temporary.cpp: a column of a temporary vector, gone before dataset reads it.
// expect: ctgrad::var::operator=: a tensor or a column is bound by reference; bind a named object, not a temporary that would be gone before it is read.
// max-lines: 20
#include <ctgrad/ctgrad.hpp>

#include <vector>

using namespace ctgrad;

int main() {
  constexpr var<"x"> x;
  const std::vector<double> xs{1.0, 2.0};
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] auto data = dataset(x = std::vector<double>{1.0, 2.0});
#else
  [[maybe_unused]] auto data = dataset(x = xs);
#endif
  return 0;
}
