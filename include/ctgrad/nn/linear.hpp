// ctgrad/nn/linear.hpp: nn::linear<"name", In, Out>, an affine layer W·x + b with named parameters.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/names.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/detail/fixed_string.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/mul.hpp>

#include <cstddef>

namespace ctgrad::nn {
namespace detail {
/// Whether an input of shape InputShape fits a layer of In inputs: a vector of In; the condition of the layer's error, which the compiler prints with the layer's name
/// (as variable_named<'n', 'e', 't', '.', '0'>), its width and the input's shape.
template <class LayerName, std::size_t In, class InputShape>
inline constexpr bool input_fits = false;
template <class LayerName, std::size_t In>
inline constexpr bool input_fits<LayerName, In, shape<In>> = true;
}  // namespace detail

/// The layer x ↦ W·x + b from In inputs to Out outputs; its parameters are the variables
/// var<"name.W", Out, In> and var<"name.b", Out>, so a model needs no hand-declared matrices.
template <ctgrad::detail::fixed_string Name, std::size_t In, std::size_t Out>
struct linear {
  /// The Out×In weight matrix W.
  static constexpr var<ctgrad::detail::join(Name, ctgrad::detail::fixed_string(".W")), Out, In> weight{};
  /// The Out-element bias b.
  static constexpr var<ctgrad::detail::join(Name, ctgrad::detail::fixed_string(".b")), Out> bias{};

  /// W·x + b for an input expression x of In elements.
  template <expression X>
  constexpr expression auto operator()(X x) const {
    using layer_name = typename ctgrad::detail::name_of<var<Name>>::type;
    if constexpr (!detail::input_fits<layer_name, In, ctgrad::detail::shape_of_t<X>>) {
      static_assert(detail::input_fits<layer_name, In, ctgrad::detail::shape_of_t<X>>,
                    "ctgrad::nn::linear: the input's width is not the layer's; give the layer (for an "
                    "mlp, its first width) as many inputs as the input has elements.");
      return bias;  // the layer's output shape, so that the layers above add no error
    } else {
      return weight * x + bias;
    }
  }

  /// wrt(W, b): what init_params and value_and_grad take.
  static constexpr auto parameters() { return wrt(weight, bias); }
};
}  // namespace ctgrad::nn
