// bench/runtime/checked_main.hpp: the main function of a benchmark binary that first checks its
// ctgrad kernel against the hand-written one, and whose `--check` tests the hand-written
// derivative itself against central differences.
#pragma once

#include <benchmark/benchmark.h>

#include <string_view>

namespace bench {
/// `--check`: hand_matches_finite_differences() alone; otherwise ctgrad_agrees() must hold before
/// Google Benchmark runs (a kernel whose derivative differs is never timed).
template <class HandCheck, class Agrees>
int checked_main(int argc, char** argv, HandCheck hand_matches_finite_differences, Agrees ctgrad_agrees) {
  if (argc == 2 && std::string_view(argv[1]) == "--check") return hand_matches_finite_differences() ? 0 : 1;
  if (!ctgrad_agrees()) return 1;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
}  // namespace bench
