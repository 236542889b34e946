// ctgrad/threads.hpp: value_and_grad(loss, params, data, threads{k}): the rows of a data set split
// over k threads, each with its own sums, added up in a fixed order. Optional: include it where
// it is used; it adds <thread> and <mutex> to a translation unit, and the rest of ctgrad does not.
#pragma once

#include <ctgrad/core/dataset.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/diff/reverse.hpp>

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <stop_token>
#include <thread>
#include <type_traits>
#include <vector>

namespace ctgrad {
/// A fixed set of threads that value_and_grad(loss, params, data, pool) splits rows over: the
/// calling thread and size() − 1 workers, started here and kept until the pool is destroyed. A
/// call allocates nothing after the first of its result type (the pool keeps the per-thread
/// results' storage). One call runs at a time: concurrent calls on one pool wait for each other.
class thread_pool {
 public:
  /// A pool of `threads` threads in all (at least 1: the caller's own), so threads − 1 workers.
  explicit thread_pool(std::size_t threads) {
    if (threads == 0) throw std::invalid_argument("ctgrad::thread_pool: a pool needs at least one thread");
    workers_.reserve(threads - 1);
    for (std::size_t k = 1; k < threads; ++k) {
      workers_.emplace_back([this, k](std::stop_token stop) { work(stop, k); });
    }
  }
  thread_pool(const thread_pool&) = delete;
  thread_pool& operator=(const thread_pool&) = delete;

  /// How many threads run a call, the caller's included.
  std::size_t size() const { return workers_.size() + 1; }

  /// Runs task(k) for every k in [0, size()), k = 0 on the calling thread and each other k on its
  /// own worker, and returns when all have returned; rethrows the first exception one of them threw.
  template <class Task>
  void run(Task& task) {
    const std::lock_guard one_call_at_a_time(run_mutex_);
    {
      const std::lock_guard lock(mutex_);
      job_ = [](void* context, std::size_t k) { (*static_cast<Task*>(context))(k); };
      context_ = &task;
      pending_ = workers_.size();
      error_ = nullptr;
      ++generation_;
    }
    wake_.notify_all();
    std::exception_ptr own_error;
    try {
      task(0);
    } catch (...) {
      own_error = std::current_exception();
    }
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
    if (own_error) std::rethrow_exception(own_error);
    if (error_) std::rethrow_exception(error_);
  }

  /// Storage for `count` objects of the trivially copyable type R, kept from one call to the next
  /// (grown, never shrunk): the per-thread results. Valid until the next call of workspace.
  template <class R>
  R* workspace(std::size_t count) {
    static_assert(std::is_trivially_copyable_v<R> && std::is_trivially_destructible_v<R>,
                  "ctgrad::thread_pool::workspace: the results are plain values.");
    const std::size_t bytes = count * sizeof(R) + alignof(R);
    if (bytes > workspace_bytes_) {
      workspace_ = std::make_unique<std::byte[]>(bytes);
      workspace_bytes_ = bytes;
    }
    void* start = workspace_.get();
    std::size_t space = workspace_bytes_;
    return static_cast<R*>(std::align(alignof(R), count * sizeof(R), start, space));
  }

 private:
  void work(std::stop_token stop, std::size_t k) {
    std::size_t seen = 0;
    for (;;) {
      void (*job)(void*, std::size_t) = nullptr;
      void* context = nullptr;
      {
        std::unique_lock lock(mutex_);
        if (!wake_.wait(lock, stop, [&] { return generation_ != seen; })) return;  // the pool is going
        seen = generation_;
        job = job_;
        context = context_;
      }
      std::exception_ptr error;
      try {
        job(context, k);
      } catch (...) {
        error = std::current_exception();
      }
      const std::lock_guard lock(mutex_);
      if (error && !error_) error_ = error;
      if (--pending_ == 0) done_.notify_one();
    }
  }

  std::mutex run_mutex_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::condition_variable done_;
  void (*job_)(void*, std::size_t) = nullptr;
  void* context_ = nullptr;
  std::size_t generation_ = 0;
  std::size_t pending_ = 0;
  std::exception_ptr error_;
  std::unique_ptr<std::byte[]> workspace_;
  std::size_t workspace_bytes_ = 0;
  std::vector<std::jthread> workers_;  // last: stopped and joined first, while the rest still exists
};

/// threads{k}: run value_and_grad(loss, params, data, threads{k}) on k threads, from a pool of k
/// that ctgrad makes on the first such call and keeps (one pool per k, shared by the program).
struct threads {
  std::size_t count;
};

namespace detail {
/// The program's pool of k threads, made on first use.
inline thread_pool& shared_pool(std::size_t k) {
  static std::mutex pools_mutex;
  static std::map<std::size_t, std::unique_ptr<thread_pool>> pools;
  const std::lock_guard lock(pools_mutex);
  auto& pool = pools[k];
  if (!pool) pool = std::make_unique<thread_pool>(k);
  return *pool;
}

/// Rows [begin(k), begin(k + 1)) go to thread k: contiguous blocks whose sizes differ by one at
/// most, fixed by the row count and the thread count alone.
constexpr std::size_t block_begin(std::size_t rows, std::size_t threads, std::size_t k) {
  return rows / threads * k + (k < rows % threads ? k : rows % threads);
}

/// Thread k's part of a call: value_and_grad of its block of rows, into results[k].
template <class E, class Params, class Table, class Result>
struct block_task {
  const E& f;
  const Params& params;
  const Table& data;
  std::size_t rows;
  std::size_t threads;
  Result* results;
  void operator()(std::size_t k) const {
    const std::size_t begin = block_begin(rows, threads, k);
    const std::size_t end = block_begin(rows, threads, k + 1);
    results[k] = end > begin ? value_and_grad(f, params, data.slice(begin, end - begin)) : Result{};
  }
};
}  // namespace detail

/// value_and_grad(f, params, data) with the rows split over the pool's threads: thread k sweeps
/// its block of rows with its own sums, and the blocks' means are added up, weighted by their
/// rows, in the order of k. So one pool size always gives bit-identical results, and one thread
/// gives the plain call's; different sizes differ by rounding only.
template <class E, class Params, class... Columns>
auto value_and_grad(const E& f, const Params& params, const table<Columns...>& data, thread_pool& pool) {
  using result_type = decltype(value_and_grad(f, params, data));
  using T = decltype(result_type::value);
  const std::size_t rows = data.size();
  const std::size_t count = pool.size();
  result_type* results = pool.workspace<result_type>(count);
  detail::block_task<E, Params, table<Columns...>, result_type> task{f, params, data, rows, count, results};
  pool.run(task);
  result_type total = results[0];
  if (rows == 0) return total;
  const T first_weight = static_cast<T>(detail::block_begin(rows, count, 1)) / static_cast<T>(rows);
  if (first_weight != T{1}) {
    total.value *= first_weight;
    total.grad *= first_weight;
  }
  for (std::size_t k = 1; k < count; ++k) {
    const std::size_t block = detail::block_begin(rows, count, k + 1) - detail::block_begin(rows, count, k);
    if (block == 0) continue;
    const T weight = static_cast<T>(block) / static_cast<T>(rows);
    total.value += weight * results[k].value;
    auto weighted = results[k].grad;
    weighted *= weight;
    total.grad += weighted;
  }
  return total;
}

/// The same on k threads from the program's shared pool of k (made by the first call with k).
template <class E, class Params, class... Columns>
auto value_and_grad(const E& f, const Params& params, const table<Columns...>& data, threads k) {
  if (k.count == 0) throw std::invalid_argument("ctgrad::threads: run on at least one thread");
  return value_and_grad(f, params, data, detail::shared_pool(k.count));
}
}  // namespace ctgrad
