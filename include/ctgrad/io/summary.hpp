// ctgrad/io/summary.hpp: nn::summary(model), a table of a model's layers, their shapes and
// parameter counts.
#pragma once

#include <ctgrad/io/values.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace ctgrad {
namespace detail {
/// A layer: its weight and bias variables (nn::linear).
template <class M>
concept layer_model = requires {
  M::weight;
  M::bias;
};

/// A stack of layers: depth and layer<I> (nn::mlp, nn::basic_mlp).
template <class M>
concept stacked_model = requires {
  M::depth;
  typename M::template layer<0>;
};

/// The activation a stacked model applies between its layers, by the op's printed name.
template <class M>
constexpr std::string_view activation_name() {
  if constexpr (requires { M::activation::name; }) {
    return M::activation::name;
  } else {
    return "";
  }
}

/// One row of a summary: layer, inputs, outputs, activation, weight shape, bias shape, count;
/// the count is added to total.
template <class Layer>
std::vector<std::string> summary_row(std::string_view activation, std::size_t& total) {
  using weight_shape = typename std::remove_cvref_t<decltype(Layer::weight)>::shape_type;
  using bias_shape = typename std::remove_cvref_t<decltype(Layer::bias)>::shape_type;
  std::string_view name = Layer::weight.name;
  name.remove_suffix(2);  // "fc.W" is layer "fc"'s weight
  total += weight_shape::size + bias_shape::size;
  return {std::string(name),
          std::to_string(last_extent(weight_shape{})),
          std::to_string(weight_shape::size / last_extent(weight_shape{})),
          activation.empty() ? "–" : std::string(activation),
          shape_text(weight_shape{}),
          shape_text(bias_shape{}),
          std::to_string(weight_shape::size + bias_shape::size)};
}
}  // namespace detail

namespace nn {
/// A table of model's layers, one line each (name, inputs, outputs, the activation after it,
/// the shapes of W and b, and its parameter count), and a last line with the total.
template <class Model>
std::string summary(const Model&) {
  std::vector<std::vector<std::string>> rows{
      {"layer", "in", "out", "activation", "W", "b", "parameters"}};
  std::size_t total = 0;
  if constexpr (ctgrad::detail::layer_model<Model>) {
    rows.push_back(ctgrad::detail::summary_row<Model>("", total));
  } else if constexpr (ctgrad::detail::stacked_model<Model>) {
    [&rows, &total]<std::size_t... I>(std::index_sequence<I...>) {
      (rows.push_back(ctgrad::detail::summary_row<typename Model::template layer<I>>(
           I + 1 < Model::depth ? ctgrad::detail::activation_name<Model>() : "", total)),
       ...);
    }(std::make_index_sequence<Model::depth>{});
  } else {
    static_assert(ctgrad::detail::layer_model<Model>,
                  "ctgrad::nn::summary: the model must be an nn::linear layer or a stack of them "
                  "such as nn::mlp.");
  }
  rows.push_back({"total", "", "", "", "", "", std::to_string(total)});

  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], ctgrad::detail::display_width(row[c]));
    }
  }
  // Names and words left-aligned, numbers (in, out, parameters) right-aligned.
  const auto numeric = [](std::size_t c) { return c == 1 || c == 2 || c == 6; };
  std::string text;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string padding(widths[c] - ctgrad::detail::display_width(row[c]), ' ');
      line += c == 0 ? "" : "  ";
      line += numeric(c) ? padding + row[c] : row[c] + padding;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    text += line + '\n';
  }
  return text;
}
}  // namespace nn
}  // namespace ctgrad
