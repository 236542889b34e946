// ctgrad/optim/sgd.hpp: optim::sgd, gradient descent p ← p − η·∇p, and the check that momentum and
// adam share.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/detail/type_traits.hpp>

namespace ctgrad {
namespace detail {
/// Whether the gradient holds a value for every variable of the parameters, in any order.
template <class Params, class Gradient>
inline constexpr bool gradient_covers = false;
template <class T, class... Variables, class G, class... GradientVariables>
inline constexpr bool gradient_covers<variable_values<T, Variables...>,
                                      variable_values<G, GradientVariables...>> =
    (one_of<Variables, GradientVariables...> && ...);
}  // namespace detail

namespace optim {
/// Gradient descent: p ← p − η·∂L/∂p for every number of every parameter; it keeps no state.
struct sgd {
  /// η; the training loop may change it between steps (opt.learning_rate = schedule(k)).
  double learning_rate;

  /// One descent step; grads may list more variables than params, in any order.
  template <class T, class... Variables, class G, class... GradientVariables>
  constexpr void step(parameters<T, Variables...>& params,
                      const gradient<G, GradientVariables...>& grads) const {
    if constexpr (!detail::gradient_covers<parameters<T, Variables...>,
                                           gradient<G, GradientVariables...>>) {
      static_assert(detail::gradient_covers<parameters<T, Variables...>,
                                            gradient<G, GradientVariables...>>,
                    "ctgrad::optim::sgd::step: the gradient lacks a parameter; differentiate with "
                    "respect to every parameter.");
    } else {
      const T rate = static_cast<T>(learning_rate);
      params.for_each([&](auto variable, auto& value) {
        detail::for_each_number([rate](T& p, const G& g) { p -= rate * static_cast<T>(g); }, value,
                                grads[variable]);
      });
    }
  }
};
}  // namespace optim
}  // namespace ctgrad
