// ctgrad/optim/momentum.hpp: optim::momentum<Params>, gradient descent with a velocity per number.
#pragma once

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/optim/sgd.hpp>

namespace ctgrad::optim {
/// Gradient descent with momentum: v ← β·v + ∂L/∂p, then p ← p − η·v; made as momentum{params, η}.
template <class Params>
struct momentum {
  static_assert(detail::is_variable_values<Params>,
                "ctgrad::optim::momentum: make it from the parameters it will update, as in "
                "optim::momentum{params, 0.1}.");

  /// η; the training loop may change it between steps (opt.learning_rate = schedule(k)).
  double learning_rate;
  /// β, how much of the previous velocity each step keeps.
  double beta = 0.9;
  /// v, one number per parameter number, zero before the first step; stored here, no heap.
  Params velocity{};

  /// An optimizer for parameters like params (only their type is used: the velocity starts at 0).
  constexpr momentum(const Params&, double learning_rate, double beta = 0.9)
      : learning_rate(learning_rate), beta(beta) {}

  /// One step; grads may list more variables than params, in any order.
  template <class G, class... GradientVariables>
  constexpr void step(Params& params, const gradient<G, GradientVariables...>& grads) {
    if constexpr (!detail::gradient_covers<Params, gradient<G, GradientVariables...>>) {
      static_assert(detail::gradient_covers<Params, gradient<G, GradientVariables...>>,
                    "ctgrad::optim::momentum::step: the gradient lacks a parameter; differentiate "
                    "with respect to every parameter.");
    } else {
      using T = typename Params::value_type;
      const T rate = static_cast<T>(learning_rate);
      const T keep = static_cast<T>(beta);
      params.for_each([&](auto variable, auto& value) {
        detail::for_each_number(
            [rate, keep](T& p, const G& g, T& v) {
              v = keep * v + static_cast<T>(g);
              p -= rate * v;
            },
            value, grads[variable], velocity[variable]);
      });
    }
  }
};
}  // namespace ctgrad::optim
