// examples/distributed_training.cpp: micrograd's moons model trained by synchronous data
// parallelism over MPI ranks (ctgrad/mpi.hpp): every rank makes the same seeded data set, keeps
// its shard of the rows, and each step is one value_and_grad per rank and one MPI_Allreduce;
// every rank then takes the same SGD step. Rank 0 also trains one process on all the rows and
// compares: the parameters must agree to 1e-12 relative and be identical on every rank.
//   mpirun -np 4 --oversubscribe ctgrad_example_distributed_training [--rows N] [--steps N] [--threads N]
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/mpi.hpp>
#include <ctgrad/threads.hpp>

#include "options.hpp"

#include <mpi.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <random>
#include <span>
#include <vector>

using namespace ctgrad;

using model = nn::mlp<"moons", 2, 16, 16, 1>;
constexpr model net;
constexpr var<"x", 2> X;
constexpr var<"y"> Y;
constexpr auto loss = nn::hinge(net(X), Y) + 1e-4 * nn::l2(model::parameters());

namespace {
struct points {
  std::vector<std::array<double, 2>> x;
  std::vector<double> y;
};

// Two interleaved half circles with Gaussian noise, as make_moons draws them, n rows.
points make_moons(std::size_t n, unsigned seed) {
  std::mt19937 generator(seed);
  std::normal_distribution<double> noise(0.0, 0.1);
  std::uniform_real_distribution<double> angle(0.0, 3.141592653589793);
  points p;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = angle(generator);
    const bool inner = i % 2 == 1;
    p.x.push_back({(inner ? 1.0 - std::cos(t) : std::cos(t)) + noise(generator),
                   (inner ? 0.5 - std::sin(t) : std::sin(t)) + noise(generator)});
    p.y.push_back(inner ? 1.0 : -1.0);
  }
  return p;
}

template <class Params>
std::vector<double> numbers_of(const Params& params) {
  std::vector<double> numbers(Params::numbers());
  params.copy_to(std::span<double>(numbers));
  return numbers;
}

// The model after `steps` steps of SGD at rate 0.5 from the same start, on `data` (all the rows of
// one process, or one rank's shard with ranks{...}).
template <class... Group>
auto train(const auto& data, int steps, Group... group) {
  auto params = init_params(model::parameters(), 5);
  const optim::sgd descent{0.5};
  double last = 0;
  for (int k = 0; k < steps; ++k) {
    const auto [value, grads] = value_and_grad(loss, params, data, group...);
    descent.step(params, grads);
    last = value;
  }
  return std::pair{params, last};
}
}  // namespace

int main(int argc, char** argv) {
  // The options first: --help and a wrong option end the program before MPI starts.
  command_line options(argc, argv,
                       "[--rows N] [--steps N] [--threads N]   (under mpirun -np K)\n"
                       "  --rows N     rows of the data set, split over the ranks (default 100000)\n"
                       "  --steps N    SGD steps (default 10)\n"
                       "  --threads N  threads sweeping each rank's shard (default 1)\n");
  const auto rows = static_cast<std::size_t>(options.count("--rows", 100000));
  const int steps = options.count("--steps", 10);
  const auto thread_count = static_cast<std::size_t>(options.count("--threads", 1));
  options.finish();

  MPI_Init(&argc, &argv);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int status = 0;
  {
    const points all = make_moons(rows, 7);  // every rank makes the same rows...
    const auto data = dataset(X = all.x, Y = all.y);
    const std::size_t begin = rows * static_cast<std::size_t>(rank) / static_cast<std::size_t>(size);
    const std::size_t end = rows * static_cast<std::size_t>(rank + 1) / static_cast<std::size_t>(size);
    const auto shard = data.slice(begin, end - begin);  // ...and keeps its own

    MPI_Barrier(MPI_COMM_WORLD);
    const auto start = std::chrono::steady_clock::now();
    const auto [params, last_loss] = thread_count == 1 ? train(shard, steps, ranks{MPI_COMM_WORLD})
                                                       : train(shard, steps, ranks{MPI_COMM_WORLD}, threads{thread_count});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const bool identical = identical_on_all_ranks(params, ranks{MPI_COMM_WORLD});

    // The cost of the step's one MPI_Allreduce, alone: the packed loss, gradient and row count.
    std::vector<double> pack(decltype(params)::numbers() + 2, 1.0);
    constexpr int repeats = 200;
    MPI_Barrier(MPI_COMM_WORLD);
    const auto reduce_start = std::chrono::steady_clock::now();
    for (int k = 0; k < repeats; ++k) {
      MPI_Allreduce(MPI_IN_PLACE, pack.data(), static_cast<int>(pack.size()), MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    }
    const double reduce_us =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - reduce_start).count() / repeats;

    if (rank == 0) {
      const auto [alone, alone_loss] = train(data, steps);
      const auto a = numbers_of(params);
      const auto b = numbers_of(alone);
      double worst = std::fabs(last_loss - alone_loss) / std::max(1.0, std::fabs(alone_loss));
      for (std::size_t k = 0; k < a.size(); ++k) worst = std::max(worst, std::fabs(a[k] - b[k]) / std::max(1.0, std::fabs(b[k])));
      std::printf("%d rank%s of %zu thread%s, %zu rows, %zu per rank, %d steps: loss %.6f\n", size, size == 1 ? "" : "s",
                  thread_count, thread_count == 1 ? "" : "s", rows, end - begin, steps, last_loss);
      std::printf("time per step %.3f ms, of which one MPI_Allreduce of %zu numbers %.1f us\n",
                  1e3 * seconds / steps, pack.size(), reduce_us);
      std::printf("parameters identical on every rank: %s\n", identical ? "yes" : "NO");
      std::printf("largest relative difference to one process on all the rows: %.3g (%s 1e-12)\n", worst,
                  worst <= 1e-12 ? "within" : "NOT within");
      status = identical && worst <= 1e-12 ? 0 : 1;
    }
  }
  MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
  MPI_Finalize();
  return status;
}
