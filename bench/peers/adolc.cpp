// bench/peers/adolc.cpp: ADOL-C, reverse mode by taping, beside the hand-written kernels.
//   adolc_retape  records the tape on every call (trace_on with keep = 1, so the recording leaves
//                 the values fos_reverse needs) and runs one reverse sweep: what a caller does
//                 who does not manage tapes.
//   adolc_tape    records once and then reuses the tape: zos_forward at the new point (keep = 1)
//                 and fos_reverse. The tape holds the data as constants, so it is a tape of this
//                 data set's full-batch loss.
// ReLU and the hinge are ADOL-C's fmax(z, 0.0), an operation on the tape whose branch is chosen
// again at every point, so a kept tape stays valid when units switch on or off (zos_forward then
// returns 2, not 3). A branch in C++ on an adouble (if (z > 0)) would be taped as a comparison,
// and at a point where it goes the other way zos_forward returns a negative number and the tape
// computes another function: adolc_tape checks for that and records the tape again there.
#include "peer_bench.hpp"

#include <adolc/adolc.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {
using namespace bench::peers;

// Tape tags, one per (workload, variant): ADOL-C keeps each tag's tape until it is recorded again.
short next_tag() {
  static short tag = 0;
  return ++tag;
}

const auto relu = [](const adouble& z) { return adouble(fmax(z, 0.0)); };

/// Records W's loss at x on the tape `tag` and returns the loss. keep = 1 leaves the values of
/// this point ready for a reverse sweep, as zos_forward with keep = 1 does.
template <class W>
double record(short tag, const typename W::data& set, const std::array<double, W::size>& x, int keep) {
  double loss = 0.0;
  trace_on(tag, keep);
  {
    std::array<adouble, W::size> theta;
    for (std::size_t k = 0; k < W::size; ++k) theta[k] <<= x[k];
    adouble f = W::template loss<adouble>(set, theta.data(), relu);
    f >>= loss;
  }
  trace_off();
  return loss;
}

/// The gradient, by one reverse sweep over the values the last forward sweep (or recording) kept.
template <class W>
typename W::parameters reverse_sweep(short tag) {
  double weight = 1.0;  // ∂loss/∂loss
  std::array<double, W::size> gradient{};
  fos_reverse(tag, 1, static_cast<int>(W::size), &weight, gradient.data());
  return unflatten<W>(gradient.data());
}

template <class W>
struct retape {
  short tag = next_tag();
  typename W::result operator()(const typename W::data& set, const typename W::parameters& theta) const {
    const double loss = record<W>(tag, set, flatten<W>(theta), 1);
    return W::make_result(loss, reverse_sweep<W>(tag));
  }
};

/// What a kept tape went through during the checks, printed for the benchmarks page.
struct tape_log {
  std::string workload;
  int lowest_return = INT_MAX;  // of zos_forward: 3 same branches, 2 an fmax switched, < 0 invalid
  int recordings = 0;
};

template <class W>
struct kept_tape {
  short tag = next_tag();
  std::shared_ptr<tape_log> log;
  typename W::result operator()(const typename W::data& set, const typename W::parameters& theta) {
    const auto x = flatten<W>(theta);
    if (log->recordings == 0) {
      record<W>(tag, set, x, 0);
      ++log->recordings;
    }
    double loss = 0.0;
    const int returned = zos_forward(tag, 1, static_cast<int>(W::size), 1, x.data(), &loss);
    log->lowest_return = std::min(log->lowest_return, returned);
    if (returned < 0) {  // the tape took another branch than this point does: record it here
      loss = record<W>(tag, set, x, 1);
      ++log->recordings;
    }
    return W::make_result(loss, reverse_sweep<W>(tag));
  }
};
}  // namespace

int main(int argc, char** argv) {
  std::vector<std::shared_ptr<tape_log>> logs;
  for_each_workload([&]<class W>() {
    add_hand<W>();
    add<W>("adolc_retape", retape<W>{});
    logs.push_back(std::make_shared<tape_log>(tape_log{std::string(W::name)}));
    add<W>("adolc_tape", kept_tape<W>{.log = logs.back()});
  });
  for (const auto& log : logs) {
    std::cerr << log->workload << " adolc_tape: recorded " << log->recordings
              << (log->recordings == 1 ? " time" : " times") << ", lowest zos_forward return value "
              << log->lowest_return << '\n';
  }
  return run_benchmarks(argc, argv);
}
