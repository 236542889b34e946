// bench/kernels/wide.cpp: ctgrad's documented call for the widths of the 2-H-H-1 grid (wide.hpp).
#include "wide.hpp"

#include <ctgrad/ctgrad.hpp>

#include <algorithm>

namespace bench::wide {
namespace {
/// The blocks of the hand-written layout beside the layers' variables of ctgrad's storage, in
/// order: visit(hand-written block, layer's W or b).
template <std::size_t H, class P, class Visit>
void for_each_layer_block(P& theta, Visit visit) {
  using model = typename network<H>::model;
  visit(theta.W1, model::template layer<0>::weight);
  visit(theta.b1, model::template layer<0>::bias);
  visit(theta.W2, model::template layer<1>::weight);
  visit(theta.b2, model::template layer<1>::bias);
  visit(theta.W3, model::template layer<2>::weight);
  visit(theta.b3, model::template layer<2>::bias);
}
}  // namespace

template <std::size_t H>
documented_loss_and_gradient<H> documented(const data& set, const parameters<H>& theta) {
  typename network<H>::parameters params;
  for_each_layer_block<H>(theta, [&params](const auto& from, auto variable) {
    std::copy(from.begin(), from.end(), params[variable].begin());
  });
  return {ctgrad::value_and_grad(network<H>::loss, params,
                                 ctgrad::dataset(network<H>::x_input = set.x, network<H>::y_label = set.y))};
}

template <std::size_t H>
documented_loss_and_gradient<H>::operator loss_and_gradient<H>() const {
  loss_and_gradient<H> converted{result.value, {}};
  for_each_layer_block<H>(converted.gradient, [this](auto& to, auto variable) {
    std::copy(result.grad[variable].begin(), result.grad[variable].end(), to.begin());
  });
  return converted;
}

template struct documented_loss_and_gradient<16>;
template struct documented_loss_and_gradient<64>;
template struct documented_loss_and_gradient<256>;
template documented_loss_and_gradient<16> documented<16>(const data&, const parameters<16>&);
template documented_loss_and_gradient<64> documented<64>(const data&, const parameters<64>&);
template documented_loss_and_gradient<256> documented<256>(const data&, const parameters<256>&);
}  // namespace bench::wide
