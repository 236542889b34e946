// tests/optim/schedule_test.cpp
#include <ctgrad/optim/schedule.hpp>  // first: proves the header stands alone

#include <doctest/doctest.h>

using namespace ctgrad;

static_assert(optim::schedule<optim::linear_decay>);
static_assert(optim::schedule<double (*)(int)>);
static_assert(!optim::schedule<double>);
static_assert(!optim::schedule<int (*)(const char*)>);
static_assert(optim::linear_decay{1.0, 0.1, 100}(0) == 1.0);  // constexpr
static_assert(optim::linear_decay{1.0, 0.1, 100}(100) == 0.1);

TEST_CASE("optim/schedule: linear_decay{1.0, 0.1, 100} is micrograd's 1.0 - 0.9*k/100") {
  constexpr optim::linear_decay decay{1.0, 0.1, 100};
  CHECK(decay(0) == 1.0);
  CHECK(decay(50) == doctest::Approx(0.55));
  CHECK(decay(100) == 0.1);
  for (int k = 0; k < 100; ++k) {
    CHECK(decay(k) == doctest::Approx(1.0 - 0.9 * k / 100).epsilon(1e-12));
  }
}

TEST_CASE("optim/schedule: linear_decay holds start before step 0 and end after the last step") {
  constexpr optim::linear_decay decay{0.5, 0.0, 10};
  CHECK(decay(-3) == 0.5);
  CHECK(decay(5) == doctest::Approx(0.25));
  CHECK(decay(10) == 0.0);
  CHECK(decay(1000) == 0.0);
}
