// bench/runtime/w3.cpp: W3 full-batch loss and gradient, ctgrad beside the hand-written kernel
// and the micrograd-style runtime graph; `--check` tests the hand-written gradient itself.
#include "../kernels/w3.hpp"
#include "network_bench.hpp"

#include <string_view>

namespace {
struct w3 {
  static constexpr std::string_view name = "w3";
  using data = bench::w3::data;
  using parameters = bench::w3::parameters;
  using loss_and_gradient = bench::w3::loss_and_gradient;
  static constexpr std::size_t rows = bench::w3::rows;
  static data make_data() { return bench::w3::make_data(); }
  static parameters make_parameters() { return bench::w3::make_parameters(); }
  static loss_and_gradient hand(const data& set, const parameters& theta) {
    return bench::w3::loss_and_gradient_hand(set, theta);
  }
  static void for_each_block(auto visit) {
    visit(&parameters::W1);
    visit(&parameters::b1);
    visit(&parameters::W2);
    visit(&parameters::b2);
    visit(&parameters::W3);
    visit(&parameters::b3);
  }
};
}  // namespace

int main(int argc, char** argv) {
  return bench::network_bench<w3>::main<bench::w3::loss_and_gradient_ctgrad,
                                        bench::w3::loss_and_gradient_hand,
                                        bench::w3::loss_and_gradient_micrograd,
                                        bench::w3::loss_and_gradient_ctgrad_tuned>(argc, argv);
}
