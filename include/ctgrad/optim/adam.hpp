// ctgrad/optim/adam.hpp: optim::adam<Params>, Kingma & Ba's Adam with bias correction.
#pragma once

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/optim/sgd.hpp>

#include <cmath>

namespace ctgrad::optim {
/// Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − η·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ),
/// v̂ = v/(1−β₂ᵗ); made as adam{params} or adam{params, η, β₁, β₂, ε}.
template <class Params>
struct adam {
  static_assert(detail::is_variable_values<Params>,
                "ctgrad::optim::adam: make it from the parameters it will update, as in "
                "optim::adam{params}.");

  /// η; the training loop may change it between steps (opt.learning_rate = schedule(k)).
  double learning_rate = 1e-3;
  /// β₁, the decay of the first-moment estimate m.
  double beta1 = 0.9;
  /// β₂, the decay of the second-moment estimate v.
  double beta2 = 0.999;
  /// ε, added to √v̂ so that a zero gradient does not divide by zero.
  double epsilon = 1e-8;
  /// t, the number of steps taken; the bias corrections use it.
  int step_count = 0;
  /// m, the running mean of the gradient, one number per parameter number.
  Params first_moment{};
  /// v, the running mean of the squared gradient, one number per parameter number.
  Params second_moment{};

  /// An optimizer for parameters like params (only their type is used: m and v start at 0).
  constexpr adam(const Params&, double learning_rate = 1e-3, double beta1 = 0.9,
                 double beta2 = 0.999, double epsilon = 1e-8)
      : learning_rate(learning_rate), beta1(beta1), beta2(beta2), epsilon(epsilon) {}

  /// One step; grads may list more variables than params, in any order. Not constexpr: std::sqrt.
  template <class G, class... GradientVariables>
  void step(Params& params, const gradient<G, GradientVariables...>& grads) {
    if constexpr (!detail::gradient_covers<Params, gradient<G, GradientVariables...>>) {
      static_assert(detail::gradient_covers<Params, gradient<G, GradientVariables...>>,
                    "ctgrad::optim::adam::step: the gradient lacks a parameter; differentiate with "
                    "respect to every parameter.");
    } else {
      using T = typename Params::value_type;
      ++step_count;
      const T rate = static_cast<T>(learning_rate);
      const T b1 = static_cast<T>(beta1);
      const T b2 = static_cast<T>(beta2);
      const T eps = static_cast<T>(epsilon);
      const T correction1 = static_cast<T>(1.0 - std::pow(beta1, step_count));
      const T correction2 = static_cast<T>(1.0 - std::pow(beta2, step_count));
      params.for_each([&](auto variable, auto& value) {
        detail::for_each_number(
            [&](T& p, const G& gradient_number, T& m, T& v) {
              const T g = static_cast<T>(gradient_number);
              m = b1 * m + (T{1} - b1) * g;
              v = b2 * v + (T{1} - b2) * g * g;
              p -= rate * (m / correction1) / (std::sqrt(v / correction2) + eps);
            },
            value, grads[variable], first_moment[variable], second_moment[variable]);
      });
    }
  }
};
}  // namespace ctgrad::optim
