// tests/compile_fail/save_name_with_space.cpp: save of a variable whose name has a space.
// expect: ctgrad::save: a variable's name is empty or has a space, tab or newline; rename it.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
#ifdef CTGRAD_EXPECT_FAIL
  parameters<double, var<"learning rate">> params;
#else
  parameters<double, var<"learning_rate">> params;
#endif
  if (false) save(params, "never-written.txt");  // instantiated, not run
  return 0;
}
