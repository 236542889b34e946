// tests/core/tensor_test.cpp
#include <ctgrad/core/tensor.hpp>  // first: proves the header stands alone

#include <doctest/doctest.h>

#include <cstddef>
#include <numeric>
#include <type_traits>

using namespace ctgrad;

template <class T>
concept one_index = requires(T t) { t(0); };
template <class T>
concept two_indices = requires(T t) { t(0, 0); };

static_assert(tensor<double, 16, 2>::size == 32);
static_assert(std::is_same_v<tensor<double, 16, 2>::shape_type, shape<16, 2>>);
static_assert(std::is_same_v<tensor<float, 3>::value_type, float>);
static_assert(sizeof(tensor<double, 16, 2>) == 32 * sizeof(double));  // the numbers, nothing else
static_assert(std::is_aggregate_v<tensor<double, 2, 2>> && std::is_trivially_copyable_v<tensor<double, 2, 2>>);
// `tensor<double, 2, 2> t;` leaves the numbers unset (the sweeps write every element first); t{} zeroes.
static_assert(std::is_trivially_default_constructible_v<tensor<double, 2, 2>>);
static_assert(one_index<tensor<double, 3>> && !two_indices<tensor<double, 3>>);
static_assert(two_indices<tensor<double, 2, 3>> && !one_index<tensor<double, 2, 3>>);

// Row-major: (i, j) is element i·columns + j; usable in constant expressions.
static_assert([] {
  tensor<int, 2, 3> t{};
  t(1, 2) = 7;
  t(0, 1) = 5;
  return t[5] == 7 && t.values[1] == 5 && t[0] == 0;
}());

TEST_CASE("core/tensor: t{} is all zeros, and t(i, j) is t[i·columns + j]") {
  tensor<double, 3, 4> t{};
  for (const double element : t) CHECK(element == 0.0);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 4; ++j) t(i, j) = static_cast<double>(10 * i + j);
  }
  CHECK(t[0] == 0.0);
  CHECK(t[5] == 11.0);   // row 1, column 1
  CHECK(t[11] == 23.0);  // the last element
  CHECK(t.values[4] == t(1, 0));
  const tensor<double, 3, 4>& view = t;
  CHECK(view(2, 3) == 23.0);
}

TEST_CASE("core/tensor: begin and end cover every element in memory order") {
  tensor<float, 4> v{{1, 2, 3, 4}};
  CHECK(v.end() - v.begin() == 4);
  CHECK(std::accumulate(v.begin(), v.end(), 0.0f) == 10.0f);
  for (float& element : v) element *= 2;
  CHECK(v(3) == 8.0f);
  CHECK(v == tensor<float, 4>{{2, 4, 6, 8}});
  CHECK(v != tensor<float, 4>{{2, 4, 6, 9}});
}
