// bench/runtime/w2.cpp: W2 full-batch loss and gradient, ctgrad beside the hand-written kernel
// and the micrograd-style runtime graph; `--check` tests the hand-written gradient itself.
#include "../kernels/w2.hpp"
#include "network_bench.hpp"

#include <string_view>

namespace {
struct w2 {
  static constexpr std::string_view name = "w2";
  using data = bench::w2::data;
  using parameters = bench::w2::parameters;
  using loss_and_gradient = bench::w2::loss_and_gradient;
  static constexpr std::size_t rows = bench::w2::rows;
  static data make_data() { return bench::w2::make_data(); }
  static parameters make_parameters() { return bench::w2::make_parameters(); }
  static loss_and_gradient hand(const data& set, const parameters& theta) {
    return bench::w2::loss_and_gradient_hand(set, theta);
  }
  static void for_each_block(auto visit) {
    visit(&parameters::W1);
    visit(&parameters::b1);
    visit(&parameters::W2);
    visit(&parameters::b2);
  }
};
}  // namespace

int main(int argc, char** argv) {
  return bench::network_bench<w2>::main<bench::w2::loss_and_gradient_ctgrad,
                                        bench::w2::loss_and_gradient_hand,
                                        bench::w2::loss_and_gradient_micrograd,
                                        bench::w2::loss_and_gradient_ctgrad_tuned>(argc, argv);
}
