// tests/diff/lanes_test.cpp: lanes<T, B> (core/lanes.hpp) and value_and_grad(loss, params, data)
// sweeping B rows at once in them, checked against the same loss swept one row at a time.
#include <ctgrad/ctgrad.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <span>
#include <vector>

using namespace ctgrad;

namespace {
using pack = lanes<double, 4>;

constexpr pack iota(double first) {
  pack p;
  for (std::size_t k = 0; k < 4; ++k) p.lane[k] = first + static_cast<double>(k);
  return p;
}

// Lane-wise arithmetic, comparison and choice, at compile time.
static_assert((iota(1) * iota(1) - 1.0).lane[3] == 15.0);
static_assert(select(iota(-2) < 0.0, pack{0.0}, iota(-2)).lane[1] == 0.0);
static_assert(select(iota(-2) < 0.0, pack{0.0}, iota(-2)).lane[3] == 1.0);
static_assert(select(!(iota(0) == 0.0) && iota(0) < 2.0, pack{1.0}, pack{0.0}).sum() == 1.0);
static_assert(all_zero(pack{}) && !all_zero(iota(0)));
static_assert(iota(1).sum() == 10.0);
static_assert((2.0 * iota(1)).lane[3] == 8.0 && (iota(1) * 0.5).lane[1] == 1.0);
static_assert(detail::rows_per_block<double> >= 4 && detail::rows_per_block<float> == 2 * detail::rows_per_block<double>);

constexpr var<"x", 2> X;
constexpr var<"y"> Y;
constexpr var<"W", 3, 2> W;
constexpr var<"b", 3> b;
constexpr var<"v", 1, 3> V;

using moons = nn::mlp<"moons", 2, 16, 16, 1>;
constexpr moons net;
constexpr auto hinge_loss = nn::hinge(net(X), Y) + 1e-4 * nn::l2(moons::parameters());

// Every branching op and every function of lanes in one row loss.
constexpr auto h = W * X + b;
constexpr auto branches = sum(abs(h) + max(h, 0.25 * h) + min(h, -h)) + where(sum(h), sqrt(abs(sum(h)) + 1.0), Y) +
                          sum(xlogy(relu(h), exp(h) + 1.0) + hadamard(sign(h), step(h)) + tanh(h) + sigmoid(h)) +
                          sum(V * (log(abs(h) + 2.0) + hadamard(sin(h), cos(h)))) * Y;

struct data_set {
  std::vector<std::array<double, 2>> x;
  std::vector<double> y;
};

data_set make_data(std::size_t rows, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> uniform(-1.5, 1.5);
  data_set data;
  for (std::size_t i = 0; i < rows; ++i) {
    data.x.push_back({uniform(generator), uniform(generator)});
    data.y.push_back(uniform(generator) > 0 ? 1.0 : -1.0);
  }
  return data;
}

/// The mean loss and gradient swept one row at a time: each row's share 1/N times its loss,
/// accumulated, then the terms no row reaches (split off as value_and_grad splits them).
template <class Loss, class Params, class Wrt>
auto per_row(const Loss& loss, const Params& params, Wrt wrt, const data_set& data) {
  const auto parts = detail::split_rows<std::remove_cvref_t<decltype(X)>, std::remove_cvref_t<decltype(Y)>>(loss);
  auto result = value_and_grad(loss, wrt, at(params, X = data.x[0], Y = data.y[0]));
  result.grad = result.grad * 0.0;
  result.value = 0;
  const auto share = (1.0 / static_cast<double>(data.y.size())) * parts.row;
  for (std::size_t i = 0; i < data.y.size(); ++i) {
    result.value += accumulate_grad(share, wrt, at(params, X = data.x[i], Y = data.y[i]), result.grad);
  }
  if constexpr (!detail::is_zero<decltype(parts.invariant)>) {
    result.value += accumulate_grad(parts.invariant, wrt, at(params), result.grad);
  }
  return result;
}

/// The largest difference between the two results' numbers, relative to the largest of them.
template <class A, class B>
double relative_difference(const A& a, const B& b) {
  std::vector<double> left(a.grad.numbers()), right(b.grad.numbers());
  a.grad.copy_to(std::span<double>(left));
  b.grad.copy_to(std::span<double>(right));
  left.push_back(a.value);
  right.push_back(b.value);
  double scale = 0, worst = 0;
  for (std::size_t k = 0; k < left.size(); ++k) {
    scale = std::max(scale, std::abs(left[k]));
    worst = std::max(worst, std::abs(left[k] - right[k]));
  }
  return worst / scale;
}
}  // namespace

TEST_CASE("lanes: the moons loss over any number of rows matches the row-by-row sweep") {
  auto params = init_params(moons::parameters(), 3);
  constexpr std::size_t block = detail::rows_per_block<double>;
  for (const std::size_t rows : {std::size_t{2}, block - 1, block, block + 1, 3 * block + 2, std::size_t{103}}) {
    CAPTURE(rows);
    const data_set data = make_data(rows, 7 + static_cast<unsigned>(rows));
    const auto lanes_result = value_and_grad(hinge_loss, params, dataset(X = data.x, Y = data.y));
    const auto row_result = per_row(hinge_loss, params, moons::parameters(), data);
    CHECK(relative_difference(row_result, lanes_result) <= 1e-13);
    CHECK(lanes_result.value > 0);
  }
}

TEST_CASE("lanes: parameters viewed in the caller's memory give the parameters' result") {
  auto params = init_params(moons::parameters(), 4);
  std::vector<double> buffer(params.numbers());
  params.copy_to(std::span<double>(buffer));
  const data_set data = make_data(23, 3);
  const auto owned = value_and_grad(hinge_loss, params, dataset(X = data.x, Y = data.y));
  const auto viewed = value_and_grad(hinge_loss, view(moons::parameters(), buffer), dataset(X = data.x, Y = data.y));
  CHECK(relative_difference(owned, viewed) == 0.0);
  const auto row_result = per_row(hinge_loss, params, moons::parameters(), data);
  CHECK(relative_difference(row_result, viewed) <= 1e-13);
}

TEST_CASE("lanes: one row is the row-by-row sweep bit for bit") {
  // Lane 0 holds the row and the other lanes have share 0, so every sum adds exact zeros.
  auto params = init_params(moons::parameters(), 5);
  const data_set data = make_data(1, 11);
  const auto lanes_result = value_and_grad(hinge_loss, params, dataset(X = data.x, Y = data.y));
  const auto row_result = per_row(hinge_loss, params, moons::parameters(), data);
  CHECK(relative_difference(row_result, lanes_result) == 0.0);
}

TEST_CASE("lanes: every branching op and function takes each lane's own branch") {
  const auto wrt_all = wrt(W, b, V);
  const auto params = init_params(wrt_all, 3);
  // Rows on both sides of every kink: h has entries above and below 0 across the rows.
  const data_set data = make_data(37, 5);
  const auto lanes_result = value_and_grad(branches, params, dataset(X = data.x, Y = data.y));
  const auto row_result = per_row(branches, params, wrt_all, data);
  CHECK(relative_difference(row_result, lanes_result) <= 1e-13);

  // And against central differences of the loss itself, so both sweeps are checked.
  std::vector<double> flat(params.numbers()), analytic(params.numbers());
  params.copy_to(std::span<double>(flat));
  lanes_result.grad.copy_to(std::span<double>(analytic));
  const auto mean_loss = [&](const std::vector<double>& numbers) {
    auto p = params;
    p.copy_from(std::span<const double>(numbers));
    return value_and_grad(branches, p, dataset(X = data.x, Y = data.y)).value;
  };
  for (std::size_t k = 0; k < flat.size(); ++k) {
    CAPTURE(k);
    auto up = flat, down = flat;
    up[k] += 1e-6;
    down[k] -= 1e-6;
    CHECK(analytic[k] == doctest::Approx((mean_loss(up) - mean_loss(down)) / 2e-6).epsilon(1e-6));
  }
}

TEST_CASE("lanes: a NaN in one row reaches the mean, as it does row by row") {
  auto params = init_params(moons::parameters(), 3);
  data_set data = make_data(9, 2);
  data.x[6][1] = std::numeric_limits<double>::quiet_NaN();
  const auto result = value_and_grad(hinge_loss, params, dataset(X = data.x, Y = data.y));
  CHECK(std::isnan(result.value));
}

TEST_CASE("lanes: where's branch not taken reaches no lane, though its rule is infinite there") {
  // Rows with y = 0 take the second branch, whose first branch a/y has the rule 1/y = ∞: in a
  // block where other rows take the first, that lane meets it with adjoint 0. The mean is what
  // the rows swept one at a time give, finite.
  constexpr var<"a"> A;
  constexpr auto loss = sum(W * X + b) * A + where(Y * Y, A / Y, A * A);
  auto params = init_params(wrt(W, b, A), 6);
  params[A] = 1.5;
  data_set data = make_data(11, 4);
  data.y[2] = 0.0;
  data.y[9] = 0.0;
  const auto result = value_and_grad(loss, params, dataset(X = data.x, Y = data.y));
  const auto expected = per_row(loss, params, wrt(W, b, A), data);
  CHECK(std::isfinite(result.value));
  CHECK(std::isfinite(result.grad[A]));
  CHECK(relative_difference(expected, result) <= 1e-13);
}

TEST_CASE("lanes: a number times lanes, and the sum of lanes into one number, as lane by lane") {
  // Both run on vector types outside constant evaluation (core/lanes.hpp): the same operations.
  std::mt19937 generator(17);
  std::uniform_real_distribution<double> uniform(-3.0, 3.0);
  for (int trial = 0; trial < 100; ++trial) {
    pack a;
    for (double& lane : a.lane) lane = uniform(generator);
    const double s = uniform(generator);
    const pack left = s * a, right = a * s, broadcast = pack{s} * a;
    for (std::size_t k = 0; k < 4; ++k) {
      CHECK(left.lane[k] == broadcast.lane[k]);
      CHECK(right.lane[k] == broadcast.lane[k]);
    }
    detail::lane_total<double, 4> total{1.0};
    total += a;
    CHECK(total.value == 1.0 + ((a.lane[0] + a.lane[2]) + (a.lane[1] + a.lane[3])));
  }
}

TEST_CASE("lanes: a wide layer's weights, read once per block, give the row-by-row gradient") {
  // A 96×96 matrix would take 288 KiB per copy in lanes: it is read in place and its partials
  // are summed across the lanes as they come; the 96×2 one (6 KiB) is still broadcast.
  using wide = nn::mlp<"wide", 2, 96, 96, 1>;
  constexpr wide wide_net;
  constexpr auto loss = nn::hinge(wide_net(X), Y) + 1e-4 * nn::l2(wide::parameters());
  using L = lanes<double, detail::rows_per_block<double>>;
  static_assert(detail::kept_once<var<"wide.1.W", 96, 96>, L>);
  static_assert(!detail::kept_once<var<"wide.0.W", 96, 2>, L>);
  static_assert(detail::kept_once<var<"wide.1.W", 64, 64>, L>);
  static_assert(!detail::kept_once<var<"wide.1.W", 32, 32>, L>);
  static_assert(!detail::kept_once<var<"moons.1.W", 16, 16>, L>);
  auto params = init_params(wide::parameters(), 5);
  std::vector<double> buffer(params.numbers());
  params.copy_to(std::span<double>(buffer));
  for (const std::size_t rows : {std::size_t{1}, detail::rows_per_block<double> + 1, std::size_t{103}}) {
    CAPTURE(rows);
    const data_set data = make_data(rows, 13 + static_cast<unsigned>(rows));
    const auto lanes_result = value_and_grad(loss, params, dataset(X = data.x, Y = data.y));
    const auto row_result = per_row(loss, params, wide::parameters(), data);
    CHECK(relative_difference(row_result, lanes_result) <= 1e-13);
    const auto viewed = value_and_grad(loss, view(wide::parameters(), buffer), dataset(X = data.x, Y = data.y));
    CHECK(relative_difference(lanes_result, viewed) == 0.0);
  }
}

namespace huge {
using net_type = nn::mlp<"huge", 2, 512, 512, 1>;
constexpr net_type net;
constexpr auto loss = nn::hinge(net(X), Y) + 1e-4 * nn::l2(net_type::parameters());
using params_type = decltype(init_params(net_type::parameters(), 0));

/// One call's mean loss and one partial, in a frame of its own: value_and_grad is inlined into
/// its caller, so a function calling it three times would hold three calls' stack at once.
[[gnu::noinline]] std::array<double, 2> mean_and_partial(const params_type& params, const data_set& data) {
  const auto result = value_and_grad(loss, params, dataset(X = data.x, Y = data.y));
  return {result.value, result.grad[net_type::layer<1>::weight](3, 5)};
}
}  // namespace huge

TEST_CASE("lanes: a 512-wide layer fits a thread's stack, and its gradient is right") {
  // Copied per lane, this network's 512×512 weights and their partials took 16 MiB of stack,
  // which overflowed a thread's 8 MiB; kept once, a call takes 4 MiB, its gradient and the sum.
  static auto params = init_params(huge::net_type::parameters(), 2);  // 2 MiB: not on the stack
  const data_set data = make_data(9, 21);
  const double analytic = huge::mean_and_partial(params, data)[1];
  double& w = params[huge::net_type::layer<1>::weight](3, 5);
  const double saved = w;
  w = saved + 1e-6;
  const double up = huge::mean_and_partial(params, data)[0];
  w = saved - 1e-6;
  const double down = huge::mean_and_partial(params, data)[0];
  w = saved;
  CHECK(analytic != 0.0);
  CHECK(analytic == doctest::Approx((up - down) / 2e-6).epsilon(1e-6));
}

TEST_CASE("lanes: a wide variable read by elementwise ops and a transpose gets each lane's partials") {
  // Every way a kept-once matrix's partials are collected: a product's rows and columns, an
  // elementwise node of it (hadamard) and a transpose, each summed across the lanes.
  constexpr var<"Ww", 1100, 2> WW;
  constexpr var<"bw", 1100> BW;
  constexpr var<"vw", 1, 1100> VW;
  static_assert(detail::kept_once<var<"Ww", 1100, 2>, lanes<double, detail::rows_per_block<double>>>);
  constexpr auto hw = WW * X + BW;
  constexpr auto loss = sum(abs(hw) + max(hw, 0.25 * hw)) + sum(VW * tanh(hw)) * Y +
                        sum(hadamard(WW, WW) * X) * Y + sum(transpose(WW) * relu(hw));
  const auto wrt_all = wrt(WW, BW, VW);
  const auto params = init_params(wrt_all, 9);
  const data_set data = make_data(29, 6);
  const auto lanes_result = value_and_grad(loss, params, dataset(X = data.x, Y = data.y));
  const auto row_result = per_row(loss, params, wrt_all, data);
  CHECK(relative_difference(row_result, lanes_result) <= 1e-13);
  CHECK(std::abs(lanes_result.grad[WW](7, 1)) > 0);
}

// A named namespace, as counted_op's (tests/support): clang flags the op's name and latex as
// unused in an anonymous one. A user op that does not say lane_wise: its eval branches with ?:,
// which lanes do not have.
namespace clipping {
struct clipped_op {
  static constexpr std::string_view name = "clipped";
  static constexpr std::string_view latex = "\\operatorname{clipped}";
  static constexpr auto eval(auto a) { return a > 1 ? decltype(a){1} : a; }
  static constexpr auto derivative(auto a, auto) { return step(1.0 - a); }
};
constexpr auto clipped(expression auto a) { return detail::make_unary<clipped_op>(a); }
}  // namespace clipping

TEST_CASE("lanes: an op that does not say lane_wise is swept a row at a time") {
  constexpr auto loss = sum(clipping::clipped(W * X + b)) * Y;
  static_assert(!detail::sweeps_in_lanes<decltype(loss)>);
  static_assert(detail::sweeps_in_lanes<decltype(branches)>);
  const auto params = init_params(wrt(W, b), 8);
  const data_set data = make_data(10, 9);
  const auto result = value_and_grad(loss, params, dataset(X = data.x, Y = data.y));
  const auto expected = per_row(loss, params, wrt(W, b), data);
  CHECK(relative_difference(expected, result) <= 1e-15);
}
