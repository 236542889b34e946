// tests/nn/init_test.cpp
#include <ctgrad/nn/init.hpp>  // first: proves the header stands alone

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <type_traits>

using namespace ctgrad;
constexpr var<"W", 2, 3> W;
constexpr var<"b", 2> b;
constexpr var<"c"> c;
constexpr var<"V", 64, 256> V;  // 64 outputs, 256 inputs: 16384 numbers

static_assert(std::is_same_v<decltype(init_params(wrt(W, b, c), 1)),
                             parameters<double, var<"W", 2, 3>, var<"b", 2>, var<"c">>>);
static_assert(std::is_same_v<decltype(init_params<float>(wrt(c, W), 1)),
                             parameters<float, var<"c">, var<"W", 2, 3>>>);

namespace {
struct moments {
  double mean;
  double stddev;
  double smallest;
  double largest;
};

template <class Tensor>
moments moments_of(const Tensor& values) {
  double sum = 0.0;
  double sum_of_squares = 0.0;
  for (double v : values) {
    sum += v;
    sum_of_squares += v * v;
  }
  const double n = static_cast<double>(Tensor::size);
  const double mean = sum / n;
  return {mean, std::sqrt(sum_of_squares / n - mean * mean),
          *std::min_element(values.begin(), values.end()),
          *std::max_element(values.begin(), values.end())};
}
}  // namespace

TEST_CASE("nn/init: the numbers are fixed by the seed, in wrt order and row-major") {
  // mt19937(42) and 53-bit uniforms: the same numbers as NumPy's RandomState(42).uniform(-1, 1).
  const auto p = init_params(wrt(W, b, c), 42);
  CHECK(p[W](0, 0) == -0.25091976230527502);
  CHECK(p[W](0, 1) == 0.90142861281983233);
  CHECK(p[W](1, 2) == -0.68801095932759471);
  CHECK(p[b](0) == -0.88383277566360108);
  CHECK(p[c] == 0.20223002348641761);

  const auto reordered = init_params(wrt(c, W, b), 42);
  CHECK(reordered[c] == p[W](0, 0));  // c is drawn first now
}

TEST_CASE("nn/init: the same seed gives the same parameters, another seed different ones") {
  for (const auto scheme : {init::uniform, init::he, init::xavier}) {
    CAPTURE(static_cast<int>(scheme));
    const auto first = init_params(wrt(W, b, c), 7, scheme);
    const auto again = init_params(wrt(W, b, c), 7, scheme);
    const auto other = init_params(wrt(W, b, c), 8, scheme);
    CHECK(first[W] == again[W]);
    CHECK(first[b] == again[b]);
    CHECK(first[c] == again[c]);
    CHECK(first[W] != other[W]);
  }
}

TEST_CASE("nn/init: float parameters are the double ones rounded") {
  const auto d = init_params(wrt(W, b, c), 3);
  const auto f = init_params<float>(wrt(W, b, c), 3);
  for (std::size_t k = 0; k < 6; ++k) {
    CHECK(f[W][k] == static_cast<float>(d[W][k]));
  }
  CHECK(f[c] == static_cast<float>(d[c]));
}

TEST_CASE("nn/init: uniform numbers lie in [-1, 1] with mean near 0") {
  const auto p = init_params(wrt(V, b, c), 2024);
  const auto m = moments_of(p[V]);
  CHECK(m.smallest >= -1.0);
  CHECK(m.largest <= 1.0);
  CHECK(m.smallest < -0.999);  // the whole interval is used
  CHECK(m.largest > 0.999);
  CHECK(std::abs(m.mean) < 0.02);  // the standard error is 0.0045
  CHECK(m.stddev == doctest::Approx(1.0 / std::sqrt(3.0)).epsilon(0.02));
  CHECK(p[b](0) != 0.0);  // uniform draws biases and scalars too
  CHECK(p[c] != 0.0);
}

TEST_CASE("nn/init: He draws weights with stddev sqrt(2/In) and zero biases") {
  const auto p = init_params(wrt(V, b, c), 11, init::he);
  const auto m = moments_of(p[V]);
  CHECK(std::abs(m.mean) < 0.003);  // the standard error is 0.0007
  CHECK(m.stddev == doctest::Approx(std::sqrt(2.0 / 256.0)).epsilon(0.03));
  CHECK(m.largest > 3.0 * std::sqrt(2.0 / 256.0));  // tails of a normal, not a uniform
  CHECK(p[b] == tensor<double, 2>{});
  CHECK(p[c] == 0.0);
  // Zero biases and scalars draw nothing: the weight gets the same numbers without them.
  CHECK(init_params(wrt(V), 11, init::he)[V] == p[V]);
}

TEST_CASE("nn/init: Xavier stays within sqrt(6/(In+Out)) and leaves biases zero") {
  const auto p = init_params(wrt(V, b, c), 5, init::xavier);
  const double bound = std::sqrt(6.0 / (256.0 + 64.0));
  const auto m = moments_of(p[V]);
  CHECK(m.smallest >= -bound);
  CHECK(m.largest <= bound);
  CHECK(m.largest > 0.99 * bound);
  CHECK(std::abs(m.mean) < 0.02 * bound);
  CHECK(p[b] == tensor<double, 2>{});
  CHECK(p[c] == 0.0);
}
