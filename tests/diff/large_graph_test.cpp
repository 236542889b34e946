// tests/diff/large_graph_test.cpp: graphs larger than sweep_piece_nodes, which the sweeps handle a
// piece per out-of-line function: values and gradients against hand-derived recurrences and sums,
// shared values read across pieces, and the data set's once-per-call nodes among them. A binary of
// its own (tests/CMakeLists.txt says why).
#include <ctgrad/diff/reverse.hpp>  // first: proves the header stands alone

#include <ctgrad/core/dataset.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/diff/jacobian.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include "support/counted_op.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

using namespace ctgrad;
using counting::counted;
using counting::counted_op;

namespace {
constexpr var<"a"> a;
constexpr var<"b"> b;
constexpr var<"x"> x;
constexpr var<"y"> y;

/// N steps of e ← sin(e)·v + u from e: three nodes per step.
template <std::size_t N, class E, class U = var<"x">, class V = var<"y">>
constexpr auto chain(const E& e, U u = x, V v = y) {
  if constexpr (N == 0) {
    return e;
  } else {
    return chain<N - 1>(sin(e) * v + u, u, v);
  }
}

/// The same recurrence by hand, with its derivatives: de' = cos(e)·de·y + (∂x, ∂y of sin(e)·y + x).
struct chain_reference {
  double value, d_x, d_y;
};
chain_reference chain_by_hand(std::size_t steps, double e, double d_x, double d_y, double px, double py) {
  for (std::size_t k = 0; k < steps; ++k) {
    const double s = std::sin(e);
    const double c = std::cos(e);
    d_x = c * d_x * py + 1.0;
    d_y = c * d_y * py + s;
    e = s * py + px;
  }
  return {e, d_x, d_y};
}

constexpr auto long_chain = chain<50>(x);
static_assert(detail::graph_t<decltype(long_chain)>::size > detail::sweep_piece_nodes,
              "the chain spans at least two pieces");

const std::vector<double> xs = {-1.5, -0.25, 0.5, 1.0, 2.75};
const std::vector<double> ys = {2.0, -1.0, 0.25, 1.5, -0.5};
}  // namespace

TEST_CASE("diff/large_graph: a chain of 150 nodes, swept in pieces, matches its hand-derived recurrence") {
  for (const auto& [px, py] : {std::pair{0.3, 0.9}, std::pair{-1.2, 0.7}}) {
    const auto [value, g] = value_and_grad(long_chain, wrt(x, y), at(x = px, y = py));
    const chain_reference expected = chain_by_hand(50, px, 1.0, 0.0, px, py);
    CHECK(value == doctest::Approx(expected.value).epsilon(1e-13));
    CHECK(g[x] == doctest::Approx(expected.d_x).epsilon(1e-12));
    CHECK(g[y] == doctest::Approx(expected.d_y).epsilon(1e-12));
    CHECK(eval(long_chain, at(x = px, y = py)) == value);
  }
}

TEST_CASE("diff/large_graph: a value shared by the first and the last piece is computed once") {
  // counted(x·y) starts the chain and is added again at its end: one node, read by both pieces.
  const auto shared = counted(x * y);
  const auto f = chain<50>(shared) * shared;
  counted_op::evaluations = 0;
  const auto [value, g] = value_and_grad(f, wrt(x, y), at(x = 0.4, y = 0.8));
  CHECK(counted_op::evaluations == 1);
  // f = c·s with s = x·y and c the chain from e = s: by the recurrence started at de = ds.
  const chain_reference c = chain_by_hand(50, 0.32, 0.8, 0.4, 0.4, 0.8);
  CHECK(value == doctest::Approx(c.value * 0.32).epsilon(1e-13));
  CHECK(g[x] == doctest::Approx(c.d_x * 0.32 + c.value * 0.8).epsilon(1e-12));
  CHECK(g[y] == doctest::Approx(c.d_y * 0.32 + c.value * 0.4).epsilon(1e-12));
}

TEST_CASE("diff/large_graph: a Jacobian of a chain and a step of it in the middle, swept in pieces") {
  // chain<20>(x) is the first 20 steps of chain<50>(x): an output whose node lies inside the
  // graph, in a piece below the top, whose backward sweep starts there and whose tangents do too.
  const auto f = outputs(long_chain, chain<20>(x));
  using lowered = detail::graph_of_outputs<std::remove_cvref_t<decltype(long_chain)>, decltype(chain<20>(x))>;
  static_assert(lowered::type::size == detail::graph_t<decltype(long_chain)>::size, "the second output adds no node");
  static_assert(lowered::ids[1] < lowered::ids[0] && lowered::ids[0] == lowered::type::root);
  const chain_reference top = chain_by_hand(50, 0.3, 1.0, 0.0, 0.3, 0.9);
  const chain_reference middle = chain_by_hand(20, 0.3, 1.0, 0.0, 0.3, 0.9);
  for (const bool by_rows : {true, false}) {
    CAPTURE(by_rows);
    const auto [value, J] = by_rows ? value_and_jacobian(f, wrt(x, y), at(x = 0.3, y = 0.9), reverse_mode)
                                    : value_and_jacobian(f, wrt(x, y), at(x = 0.3, y = 0.9), forward_mode);
    CHECK(value[0] == doctest::Approx(top.value).epsilon(1e-13));
    CHECK(value[1] == doctest::Approx(middle.value).epsilon(1e-13));
    CHECK(J(0, x) == doctest::Approx(top.d_x).epsilon(1e-12));
    CHECK(J(0, y) == doctest::Approx(top.d_y).epsilon(1e-12));
    CHECK(J(1, x) == doctest::Approx(middle.d_x).epsilon(1e-12));
    CHECK(J(1, y) == doctest::Approx(middle.d_y).epsilon(1e-12));
  }
}

namespace {
template <std::size_t... I>
auto squared_distances(const std::array<double, sizeof...(I)>& c, std::index_sequence<I...>) {
  // Every term is of one type, so the graph shares them (core/graph.hpp, payload_alias); their
  // constants differ, so value_and_grad sweeps the graph that holds each term on its own.
  return ((pow<2>(x - c[I])) + ...);
}
}  // namespace

TEST_CASE("diff/large_graph: 60 runtime constants keep their own values across pieces") {
  std::array<double, 60> c{};
  for (std::size_t i = 0; i < c.size(); ++i) c[i] = 0.01 * static_cast<double>(i * i % 97) - 0.3;
  const auto f = squared_distances(c, std::make_index_sequence<60>{});
  static_assert(detail::shares_payloads<decltype(f)>);
  static_assert(std::size_t{detail::graph_t<decltype(f)>::size} < std::size_t{detail::unshared_graph_t<decltype(f)>::size});
  static_assert(detail::unshared_graph_t<decltype(f)>::size > detail::sweep_piece_nodes);
  const auto [value, g] = value_and_grad(f, wrt(x), at(x = 0.7));
  double sum = 0;
  double slope = 0;
  for (const double ci : c) {
    sum += (0.7 - ci) * (0.7 - ci);
    slope += 2 * (0.7 - ci);
  }
  CHECK(value == doctest::Approx(sum).epsilon(1e-13));
  CHECK(g[x] == doctest::Approx(slope).epsilon(1e-13));
}

TEST_CASE("diff/large_graph: over a data set, the once-per-call nodes among the pieces are swept once") {
  // A row's term of 80 nodes and a penalty of 80 nodes that no row reaches.
  constexpr auto row_term = chain<25>(a * x + b) - y;
  const auto loss = pow<2>(row_term) + counted(chain<25>(a * b, a, b));
  static_assert(detail::graph_t<decltype(loss)>::size > detail::sweep_piece_nodes);
  auto params = parameters<double, var<"a">, var<"b">>{};
  params[a] = 0.6;
  params[b] = -0.4;
  counted_op::evaluations = 0;
  const auto [value, g] = value_and_grad(loss, params, dataset(x = xs, y = ys));
  CHECK(counted_op::evaluations == 1);
  double mean[3]{};
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const auto [v, gi] = value_and_grad(loss, wrt(a, b), at(a = 0.6, b = -0.4, x = xs[i], y = ys[i]));
    mean[0] += v;
    mean[1] += gi[a];
    mean[2] += gi[b];
  }
  for (double& m : mean) m /= static_cast<double>(xs.size());
  CHECK(value == doctest::Approx(mean[0]).epsilon(1e-13));
  CHECK(g[a] == doctest::Approx(mean[1]).epsilon(1e-12));
  CHECK(g[b] == doctest::Approx(mean[2]).epsilon(1e-12));
}
