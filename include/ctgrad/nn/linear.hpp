// ctgrad/nn/linear.hpp: nn::linear<"name", In, Out>, an affine layer W·x + b with named parameters.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/detail/fixed_string.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/mul.hpp>

#include <cstddef>

namespace ctgrad::nn {
/// The layer x ↦ W·x + b from In inputs to Out outputs; its parameters are the variables
/// var<"name.W", Out, In> and var<"name.b", Out>, so a model needs no hand-declared matrices.
template <ctgrad::detail::fixed_string Name, std::size_t In, std::size_t Out>
struct linear {
  /// The Out×In weight matrix W.
  static constexpr var<ctgrad::detail::join(Name, ctgrad::detail::fixed_string(".W")), Out, In> weight{};
  /// The Out-element bias b.
  static constexpr var<ctgrad::detail::join(Name, ctgrad::detail::fixed_string(".b")), Out> bias{};

  /// W·x + b for an input expression x of In elements.
  constexpr expression auto operator()(expression auto x) const { return weight * x + bias; }

  /// wrt(W, b): what init_params and value_and_grad take.
  static constexpr auto parameters() { return wrt(weight, bias); }
};
}  // namespace ctgrad::nn
