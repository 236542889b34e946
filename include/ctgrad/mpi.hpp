// ctgrad/mpi.hpp: synchronous data parallelism over MPI ranks: value_and_grad(loss, params,
// shard, ranks{comm}), each rank's rows swept on that rank and one MPI_Allreduce of the packed
// loss and gradient per call. Optional: it needs an MPI implementation (Debian libopenmpi-dev),
// and the rest of ctgrad does not include it.
#pragma once

#include <ctgrad/core/dataset.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/diff/reverse.hpp>

// MPI's C interface only: Open MPI's and MPICH's mpi.h otherwise also bring their deprecated C++
// bindings, which warn under -Wextra (a cast between function types).
#ifndef OMPI_SKIP_MPICXX
#define OMPI_SKIP_MPICXX 1
#endif
#ifndef MPICH_SKIP_MPICXX
#define MPICH_SKIP_MPICXX 1
#endif
#include <mpi.h>

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace ctgrad {
/// ranks{comm}: run value_and_grad(loss, params, shard, ranks{comm}) on every rank of comm, each
/// with its own shard of the rows.
struct ranks {
  MPI_Comm communicator = MPI_COMM_WORLD;
};

namespace detail {
/// MPI's name for the number type T.
template <class T>
MPI_Datatype mpi_datatype() {
  static_assert(std::is_floating_point_v<T>, "ctgrad::ranks: the numbers are float, double or long double.");
  if constexpr (std::is_same_v<T, float>) {
    return MPI_FLOAT;
  } else if constexpr (std::is_same_v<T, double>) {
    return MPI_DOUBLE;
  } else {
    return MPI_LONG_DOUBLE;
  }
}

/// Throws std::runtime_error naming the MPI call and MPI's message, where MPI returned an error
/// (with MPI_ERRORS_RETURN set on the communicator; by default MPI aborts first).
inline void check_mpi(int code, const char* call) {
  if (code == MPI_SUCCESS) return;
  char message[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, message, &length);
  throw std::runtime_error(std::string("ctgrad::ranks: ") + call + " failed: " + std::string(message, length));
}
}  // namespace detail

/// The mean over the rows of every rank's shard of f and of its gradient, the same numbers on
/// every rank: each rank sweeps its own shard (value_and_grad(f, params, shard)), packs
/// [rows·loss, rows·gradient..., rows] and adds the packs of all ranks by one MPI_Allreduce (sum);
/// the sums divided by the total row count are the result. Every rank must call it with
/// parameters identical on all ranks (identical_on_all_ranks checks them); the shards may differ
/// in size, and a rank may hold none. The result differs from one process's over all the rows by
/// rounding only (the rows are summed in another order). With a last argument threads{k} or a
/// thread_pool (ctgrad/threads.hpp), each rank sweeps its shard on k threads.
template <class E, class Params, class... Columns, class... OnEachRank>
auto value_and_grad(const E& f, const Params& params, const table<Columns...>& shard, ranks group,
                    OnEachRank&&... on_each_rank) {
  static_assert(sizeof...(OnEachRank) <= 1,
                "ctgrad::ranks: after ranks{...}, at most one argument: threads{k} or a thread_pool.");
  auto local = value_and_grad(f, params, shard, std::forward<OnEachRank>(on_each_rank)...);
  using T = decltype(local.value);
  const std::size_t rows = shard.size();
  constexpr std::size_t numbers = decltype(local.grad)::numbers();
  std::vector<T> pack(numbers + 2);
  const T weight = static_cast<T>(rows);
  pack[0] = weight * local.value;
  local.grad *= weight;
  local.grad.copy_to(std::span<T, numbers>(pack.data() + 1, numbers));
  pack[numbers + 1] = weight;
  detail::check_mpi(MPI_Allreduce(MPI_IN_PLACE, pack.data(), static_cast<int>(pack.size()), detail::mpi_datatype<T>(),
                                  MPI_SUM, group.communicator),
                    "MPI_Allreduce");
  const T total_rows = pack[numbers + 1];
  if (total_rows == T{0}) return decltype(local){};
  const T share = T{1} / total_rows;
  local.value = pack[0] * share;
  for (std::size_t k = 1; k <= numbers; ++k) pack[k] *= share;
  local.grad.copy_from(std::span<const T, numbers>(pack.data() + 1, numbers));
  return local;
}

/// Whether values (parameters, a gradient) hold the same bits on every rank of the group, as
/// synchronous data parallelism must keep them: rank 0's are broadcast and compared on each rank.
template <class T, class... Variables>
bool identical_on_all_ranks(const variable_values<T, Variables...>& values, ranks group) {
  constexpr std::size_t numbers = variable_values<T, Variables...>::numbers();
  std::vector<T> mine(numbers), first(numbers);
  values.copy_to(std::span<T, numbers>(mine.data(), numbers));
  first = mine;
  detail::check_mpi(MPI_Bcast(first.data(), static_cast<int>(numbers), detail::mpi_datatype<T>(), 0, group.communicator),
                    "MPI_Bcast");
  int same = 1;  // equal numbers, or NaN in both places (no memcmp: long double has padding bytes)
  for (std::size_t k = 0; k < numbers; ++k) {
    if (!(mine[k] == first[k] || (mine[k] != mine[k] && first[k] != first[k]))) same = 0;
  }
  detail::check_mpi(MPI_Allreduce(MPI_IN_PLACE, &same, 1, MPI_INT, MPI_LAND, group.communicator), "MPI_Allreduce");
  return same == 1;
}
}  // namespace ctgrad
