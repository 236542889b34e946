// tests/asm/wide_layers.cpp: the documented call, value_and_grad(loss, params, data), on the moons
// model with hidden layers 64 and 256 wide, whose weights the sweep in lanes keeps once instead of
// copying them into every lane (docs/guide/scaling.md, "Wide layers"). asm.wide_layers checks
// that these kernels call nothing but the cold paths the other documented kernels may call.
#include <ctgrad/ctgrad.hpp>

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

using namespace ctgrad;

namespace {
constexpr var<"x", 2> X;
constexpr var<"y"> Y;
template <std::size_t H>
using network = nn::mlp<"wide", 2, H, H, 1>;
template <std::size_t H>
constexpr auto loss = nn::hinge(network<H>{}(X), Y) + 1e-4 * nn::l2(network<H>::parameters());
template <std::size_t H>
using parameters_of = decltype(init_params(network<H>::parameters(), 0));
template <std::size_t H>
using result_of = decltype(value_and_grad(loss<H>, std::declval<const parameters_of<H>&>(),
                                          dataset(X = std::declval<std::vector<std::array<double, 2>>&>(),
                                                  Y = std::declval<std::vector<double>&>())));
using rows = decltype(dataset(X = std::declval<std::vector<std::array<double, 2>>&>(),
                              Y = std::declval<std::vector<double>&>()));
}  // namespace

void wide_64(const parameters_of<64>& params, const rows& data, result_of<64>& out) {
  out = value_and_grad(loss<64>, params, data);
}
void wide_256(const parameters_of<256>& params, const rows& data, result_of<256>& out) {
  out = value_and_grad(loss<256>, params, data);
}
