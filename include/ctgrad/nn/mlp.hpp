// ctgrad/nn/mlp.hpp: nn::mlp<"name", 2, 16, 16, 1>, a multilayer perceptron of linear layers.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/detail/fixed_string.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/nn/linear.hpp>
#include <ctgrad/ops/relu.hpp>

#include <array>
#include <cstddef>
#include <utility>

namespace ctgrad::nn {
/// Linear layers of the given widths with Activation (an op tag such as relu_op or tanh_op)
/// between them and a linear output; layer i's parameters are named "name.i.W" and "name.i.b".
template <class Activation, ctgrad::detail::fixed_string Name, std::size_t... Widths>
struct basic_mlp {
  static_assert(sizeof...(Widths) >= 2,
                "ctgrad::nn::mlp: give at least an input and an output width, as in mlp<name, 2, 1>.");
  static constexpr std::array<std::size_t, sizeof...(Widths)> widths{Widths...};
  static constexpr std::size_t depth = sizeof...(Widths) - 1;
  /// The op applied between layers (relu_op for nn::mlp).
  using activation = Activation;

  /// Layer I, from widths[I] to widths[I + 1] units.
  template <std::size_t I>
  using layer = linear<ctgrad::detail::join(ctgrad::detail::join(Name, ctgrad::detail::fixed_string(".")),
                                            ctgrad::detail::decimal<I>()),
                       widths[I], widths[I + 1]>;

  /// The network applied to an input expression of widths[0] elements.
  constexpr expression auto operator()(expression auto x) const { return apply<0>(x); }

  /// wrt(every layer's W and b), in layer order: W and b of layer 0, then of layer 1, ...
  static constexpr auto parameters() {
    return []<std::size_t... I>(std::index_sequence<I...>) {
      return (variable_list<>{} + ... + layer<I>::parameters());
    }(std::make_index_sequence<depth>{});
  }

 private:
  template <std::size_t I>
  static constexpr expression auto apply(expression auto x) {
    if constexpr (I + 1 == depth) {
      return layer<I>{}(x);
    } else {
      return apply<I + 1>(ctgrad::detail::make_unary<Activation>(layer<I>{}(x)));
    }
  }
};

/// A ReLU multilayer perceptron with a linear output: mlp<"net", 2, 16, 16, 1> is micrograd's
/// moons model.
template <ctgrad::detail::fixed_string Name, std::size_t... Widths>
using mlp = basic_mlp<relu_op, Name, Widths...>;
}  // namespace ctgrad::nn
