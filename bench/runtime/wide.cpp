// bench/runtime/wide.cpp: the 2-H-H-1 grid (bench/kernels/wide.hpp), H = 16, 64, 256 and N = 100,
// 1000: ctgrad's documented call beside the hand-written kernel at every point, with a GFLOP/s
// counter; each ctgrad result is checked against the hand-written one (relative 1e-10, two points)
// before it is timed. bench/peers/torch.cpp times libtorch on the same grid. The hand-written
// kernel is W3's (bench/kernels/w3.hpp's hand_kernel), which bench.w3.hand_gradient checks against
// central differences.
#include "../kernels/wide.hpp"
#include "../peers/peer_bench.hpp"

#include <cstddef>
#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  using namespace bench::peers;
  for_each_wide_point([]<class W>() {
    // The flop count assumes every row's backward pass: the timed point must have no flat hinge.
    const std::size_t active = bench::wide::active_rows<W::hidden>(benchmark_data<W>(), benchmark_point<W>());
    if (active != W::rows) {
      std::cerr << W::name << ": " << W::rows - active << " rows have a flat hinge at the timed point\n";
      std::exit(1);
    }
    add_hand<W>();
    add<W>("ctgrad", [](const typename W::data& set, const typename W::parameters& theta) {
      return bench::wide::documented<W::hidden>(set, theta);
    });
  });
  return run_benchmarks(argc, argv);
}
