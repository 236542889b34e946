// tests/compile_fail/summary_not_a_model.cpp: nn::summary of an expression, not a model.
// expect: ctgrad::nn::summary: the model must be an nn::linear layer or a stack of them such as nn::mlp.
#include <ctgrad/ctgrad.hpp>

using namespace ctgrad;

int main() {
  [[maybe_unused]] constexpr var<"x", 2> x;
  constexpr nn::linear<"fc", 2, 1> fc;
#ifdef CTGRAD_EXPECT_FAIL
  [[maybe_unused]] const auto text = nn::summary(fc(x));
#else
  [[maybe_unused]] const auto text = nn::summary(fc);
#endif
  return 0;
}
