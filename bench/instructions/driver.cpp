// bench/instructions/driver.cpp: calls one kernel of one workload a fixed number of times, for
// valgrind --tool=callgrind to count the instructions it executes (bench/instructions/run).
// Built once per workload with -DWORKLOAD=w1|w2|w3.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#define BENCH_STRINGIFY(x) #x
#define BENCH_WORKLOAD_HEADER(w) BENCH_STRINGIFY(../kernels/w.hpp)
#include BENCH_WORKLOAD_HEADER(WORKLOAD)

int main(int argc, char** argv) {
  namespace workload = bench::WORKLOAD;
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s ctgrad|hand CALLS\n", argv[0]);
    return 2;
  }
  const auto set = workload::make_data();
  const auto theta = workload::make_parameters();
  const bool ctgrad = std::strcmp(argv[1], "ctgrad") == 0;
  const int calls = std::atoi(argv[2]);
  double total = 0;  // printed, so that no call is optimised away
  for (int i = 0; i < calls; ++i) {
    // ctgrad's result converts to the hand-written layout outside the kernel, which is what is counted.
    total += ctgrad ? workload::loss_and_gradient(workload::loss_and_gradient_ctgrad(set, theta)).loss
                    : workload::loss_and_gradient_hand(set, theta).loss;
  }
  std::printf("%.17g\n", total);
}
