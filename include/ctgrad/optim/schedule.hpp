// ctgrad/optim/schedule.hpp: optim::schedule, what a learning-rate schedule is, and
// optim::linear_decay.
#pragma once

#include <type_traits>

namespace ctgrad::optim {
/// A learning-rate schedule: a callable double(int k); the loop sets opt.learning_rate = s(k).
template <class F>
concept schedule = std::is_invocable_r_v<double, const F&, int>;

/// η(k) = start + (end − start)·k/steps, start before step 0 and end from step `steps` on;
/// micrograd's demo, 1.0 − 0.9·k/100, is linear_decay{1.0, 0.1, 100}.
struct linear_decay {
  /// η(0).
  double start;
  /// η(steps) and after.
  double end;
  /// The step at which η reaches end.
  int steps;

  /// The learning rate for step k.
  constexpr double operator()(int k) const {
    if (k >= steps) {
      return end;
    }
    if (k <= 0) {
      return start;
    }
    return start + (end - start) * static_cast<double>(k) / static_cast<double>(steps);
  }
};
}  // namespace ctgrad::optim
