// tests/threads/threads.cpp: value_and_grad(loss, params, data, threads{k}) (ctgrad/threads.hpp):
// one thread gives the plain call's result bit for bit, k threads the same result to rounding and
// the same bits every time, a worker's error reaches the caller, and a call after the first
// allocates nothing (this binary counts every operator new).
#include <ctgrad/threads.hpp>  // first: proves the header stands alone

#include <ctgrad/ctgrad.hpp>

#include <doctest/doctest.h>

#include <array>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <new>
#include <random>
#include <string>
#include <vector>

namespace {
std::atomic<std::size_t> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc{};
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace ctgrad;

namespace {
using model = nn::mlp<"net", 2, 8, 8, 1>;
constexpr model net;
constexpr var<"x", 2> x;
constexpr var<"y"> y;
// micrograd's moons loss, as examples/moons.cpp writes it: a hinge per row and an L2 penalty.
constexpr auto loss = nn::hinge(net(x), y) + 1e-4 * nn::l2(model::parameters());

struct rows {
  std::vector<std::array<double, 2>> xs;
  std::vector<double> ys;
};
rows make_rows(std::size_t n) {
  std::mt19937 generator(7);
  std::uniform_real_distribution<double> uniform(-1.5, 1.5);
  rows data;
  for (std::size_t i = 0; i < n; ++i) {
    data.xs.push_back({uniform(generator), uniform(generator)});
    data.ys.push_back(data.xs.back()[0] * data.xs.back()[1] > 0 ? 1.0 : -1.0);
  }
  return data;
}

template <class Result>
std::vector<double> numbers_of(const Result& result) {
  std::vector<double> numbers(result.grad.numbers() + 1);
  numbers[0] = result.value;
  result.grad.copy_to(std::span<double>(numbers.data() + 1, result.grad.numbers()));
  return numbers;
}
}  // namespace

TEST_CASE("threads: one thread is the plain call, k threads agree to rounding and repeat bit for bit") {
  const rows r = make_rows(1001);  // not a multiple of 2 or 3: blocks of unequal size
  const auto data = dataset(x = r.xs, y = r.ys);
  const auto params = init_params(model::parameters(), 3);
  const auto plain = numbers_of(value_and_grad(loss, params, data));
  CHECK(numbers_of(value_and_grad(loss, params, data, threads{1})) == plain);
  for (const std::size_t k : {2, 3, 4}) {
    CAPTURE(k);
    const auto first = numbers_of(value_and_grad(loss, params, data, threads{k}));
    CHECK(numbers_of(value_and_grad(loss, params, data, threads{k})) == first);
    for (std::size_t i = 0; i < plain.size(); ++i) {
      CAPTURE(i);
      CHECK(std::fabs(first[i] - plain[i]) <= 1e-12 * std::max(1.0, std::fabs(plain[i])));
    }
  }
}

TEST_CASE("threads: fewer rows than threads, and no rows") {
  const rows r = make_rows(2);
  const auto params = init_params(model::parameters(), 3);
  const auto data = dataset(x = r.xs, y = r.ys);
  const auto plain = numbers_of(value_and_grad(loss, params, data));
  const auto four = numbers_of(value_and_grad(loss, params, data, threads{4}));
  for (std::size_t i = 0; i < plain.size(); ++i) CHECK(four[i] == doctest::Approx(plain[i]).epsilon(1e-14));
  const rows nothing = make_rows(0);
  const auto none = dataset(x = nothing.xs, y = nothing.ys);
  const auto empty = value_and_grad(loss, params, none, threads{2});
  CHECK(empty.value == 0.0);
  CHECK(global_norm(empty.grad) == 0.0);
}

TEST_CASE("threads: an error in a worker's block reaches the caller, naming the row") {
  rows r = make_rows(1000);
  r.xs[900][1] = std::numeric_limits<double>::quiet_NaN();  // in the second thread's block
  const auto data = dataset(x = r.xs, y = r.ys).require_finite();
  const auto params = init_params(model::parameters(), 3);
  std::string message;
  try {
    value_and_grad(loss, params, data, threads{2});
  } catch (const data_error& e) {
    message = e.what();
  }
  CHECK(message.find("row 900") != std::string::npos);
  CHECK(message.find("x") != std::string::npos);
  // The pool still works after it.
  r.xs[900][1] = 0.5;
  CHECK(std::isfinite(value_and_grad(loss, params, data, threads{2}).value));
}

TEST_CASE("threads: a call after the first allocates nothing") {
  const rows r = make_rows(4000);
  const auto data = dataset(x = r.xs, y = r.ys);
  const auto params = init_params(model::parameters(), 3);
  thread_pool pool(2);
  const std::size_t at_first = allocations.load();
  const double first = value_and_grad(loss, params, data, pool).value;
  const std::size_t before = allocations.load();
  CHECK(before > at_first);  // the first call made the results' storage: the count sees it
  double again = 0;
  for (int call = 0; call < 5; ++call) again = value_and_grad(loss, params, data, pool).value;
  CHECK(allocations.load() == before);
  CHECK(again == first);
}
