// ctgrad/nn/init.hpp: init_params and the init::scheme it draws from (uniform, He, Xavier).
#pragma once

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/variable_values.hpp>

#include <cmath>
#include <cstddef>
#include <numbers>
#include <random>
#include <type_traits>

namespace ctgrad {
namespace init {
/// How init_params draws each number; an enum, not tag types: init_params stays one template.
enum class scheme {
  uniform,  ///< U(−1, 1) for every number of every parameter, as micrograd's Neuron.
  he,       ///< N(0, 2/In) for a matrix var<Name, Out, In>; vectors and scalars 0.
  xavier,   ///< U(−a, a), a = √(6/(In+Out)), for a matrix var<Name, Out, In>; the rest 0.
};
using enum scheme;  // init::uniform, init::he, init::xavier
}  // namespace init

namespace detail {
// std::uniform_real_distribution and std::normal_distribution give different numbers under
// libstdc++ and libc++ (and may change), so the numbers come from the mt19937 outputs directly:
// the same seed gives the same parameters with every standard library.

/// A uniform double in [0, 1) from 53 bits of two mt19937 outputs (27 + 26, as genrand_res53).
inline double uniform_unit(std::mt19937& generator) {
  const auto high = generator() >> 5;
  const auto low = generator() >> 6;
  return (static_cast<double>(high) * 67108864.0 + static_cast<double>(low)) / 9007199254740992.0;
}

/// A uniform double in [−1, 1).
inline double uniform_symmetric(std::mt19937& generator) {
  return 2.0 * uniform_unit(generator) - 1.0;
}

/// A standard normal by Box–Muller, √(−2 ln u₁)·cos(2πu₂); the sine partner is dropped (simpler).
inline double standard_normal(std::mt19937& generator) {
  const double u1 = 1.0 - uniform_unit(generator);  // in (0, 1]: the logarithm stays finite
  const double u2 = uniform_unit(generator);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

/// The next number of a scalar or vector parameter: drawn for init::uniform, else 0 without a draw.
template <std::size_t... Extents>
double initial_value(init::scheme scheme, std::mt19937& generator, shape<Extents...>) {
  return scheme == init::uniform ? uniform_symmetric(generator) : 0.0;
}

/// The next number of a matrix parameter Out × In (weights map In inputs to Out outputs).
template <std::size_t Out, std::size_t In>
double initial_value(init::scheme scheme, std::mt19937& generator, shape<Out, In>) {
  switch (scheme) {
    case init::he:
      return std::sqrt(2.0 / static_cast<double>(In)) * standard_normal(generator);
    case init::xavier:
      return std::sqrt(6.0 / static_cast<double>(In + Out)) * uniform_symmetric(generator);
    case init::uniform:
      break;
  }
  return uniform_symmetric(generator);
}
}  // namespace detail

/// Fresh parameters for wrt(W1, b1, ...), drawn from std::mt19937(seed) in wrt order, row-major.
template <class T = double, class... Variables>
parameters<T, Variables...> init_params(variable_list<Variables...>, std::mt19937::result_type seed,
                                        init::scheme scheme = init::uniform) {
  static_assert(std::is_floating_point_v<T>,
                "ctgrad::init_params: parameters are float, double or long double; "
                "write init_params<float>(...) or leave the default, double.");
  std::mt19937 generator(seed);
  parameters<T, Variables...> params;
  params.for_each([&](auto variable, auto& value) {
    using shape_type = typename decltype(variable)::shape_type;
    if constexpr (shape_type::rank == 0) {
      value = static_cast<T>(detail::initial_value(scheme, generator, shape_type{}));
    } else {
      for (T& number : value) {
        number = static_cast<T>(detail::initial_value(scheme, generator, shape_type{}));
      }
    }
  });
  return params;
}
}  // namespace ctgrad
