// bench/peers/workloads.hpp: W1, W2, W3 and Rosenbrock as the peer benchmarks see them: the
// data, parameters and hand-written kernel of bench/kernels, the parameters as one flat array
// (what an AD tool's independent variables are), and each loss written once as a template over
// the scalar type, so that every operator-overloading tool (ADOL-C, Sacado, Eigen) runs the same
// arithmetic, in the hand-written kernel's order.
#pragma once

#include "../kernels/rosenbrock.hpp"
#include "../kernels/w1.hpp"
#include "../kernels/w2.hpp"
#include "../kernels/w3.hpp"
#include "../kernels/wide.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace bench::peers {
/// A workload W has: name; data, parameters and result types; size, the number of parameters;
/// make_data(); benchmark_parameters(), the point timed, and other_parameters(), a second point
/// the checks also look at (ReLU units switch between the two, which a kept tape must survive);
/// hand(data, θ); loss_of(result) and make_result(loss, gradient);
/// for_each_block(p, f), which calls f(block name, span of its numbers) in the flat order; and
/// loss<S>(data, θ, relu), the loss of the flat parameters θ in scalar type S, with relu(z) the
/// tool's max(z, 0).

/// The parameters as a flat array, blocks in order.
template <class W>
std::array<double, W::size> flatten(const typename W::parameters& p) {
  std::array<double, W::size> flat{};
  std::size_t k = 0;
  W::for_each_block(p, [&](std::string_view, auto block) {
    for (const double v : block) flat[k++] = v;
  });
  return flat;
}

/// The inverse of flatten.
template <class W>
typename W::parameters unflatten(const double* flat) {
  typename W::parameters p{};
  std::size_t k = 0;
  W::for_each_block(p, [&](std::string_view, auto block) {
    for (double& v : block) v = flat[k++];
  });
  return p;
}

/// Flat entry k's name, as "W1[3]", or "b" for a block of one number: what a failed check names.
template <class W>
std::string entry_name(std::size_t k) {
  std::string name;
  std::size_t start = 0;
  const typename W::parameters shape{};
  W::for_each_block(shape, [&](std::string_view block_name, auto block) {
    if (name.empty() && k < start + block.size()) {
      name = std::string(block_name);
      if (block.size() > 1) name += "[" + std::to_string(k - start) + "]";
    }
    start += block.size();
  });
  return name;
}

struct w1 {
  static constexpr std::string_view name = "w1";
  using data = bench::w1::data;
  using parameters = bench::w1::parameters;
  using result = bench::w1::loss_and_gradient;
  static constexpr std::size_t size = 3;
  static data make_data() { return bench::w1::make_data(); }
  // bench/runtime/w1.cpp's point, and one on the other side of the solution (2, −3, 0.5).
  static parameters benchmark_parameters() { return bench::w1::make_parameters(); }
  static parameters other_parameters() { return {2.5, -1.0, -0.4}; }
  static result hand(const data& set, const parameters& theta) { return bench::w1::loss_and_gradient_hand(set, theta); }
  static double loss_of(const result& r) { return r.loss; }
  static result make_result(double loss, const parameters& gradient) { return {loss, gradient}; }
  template <class P, class F>
  static void for_each_block(P& p, F&& f) {
    f("θ1", std::span(p).subspan(0, 1));
    f("θ2", std::span(p).subspan(1, 1));
    f("b", std::span(p).subspan(2, 1));
  }

  template <class S, class Relu>
  static S loss(const data& set, const S* theta, Relu) {
    S sum = 0.0;
    for (std::size_t i = 0; i < bench::w1::rows; ++i) {
      S residual = set.y[i] - (theta[0] * set.x1[i] + theta[1] * set.x2[i] + theta[2]);
      sum += residual * residual;
    }
    S mean = sum * (1.0 / bench::w1::rows);
    return mean;
  }
};

struct w2 {
  static constexpr std::string_view name = "w2";
  using data = bench::w2::data;
  using parameters = bench::w2::parameters;
  using result = bench::w2::loss_and_gradient;
  static constexpr std::size_t hidden = bench::w2::hidden, inputs = bench::w2::inputs;
  // Offsets of the blocks in the flat array.
  static constexpr std::size_t W1 = 0, b1 = W1 + hidden * inputs, W2 = b1 + hidden, b2 = W2 + hidden;
  static constexpr std::size_t size = b2 + 1;
  static data make_data() { return bench::w2::make_data(); }
  static parameters benchmark_parameters() { return bench::w2::make_parameters(); }
  static parameters other_parameters() { return bench::w2::make_parameters(3); }
  static result hand(const data& set, const parameters& theta) { return bench::w2::loss_and_gradient_hand(set, theta); }
  static double loss_of(const result& r) { return r.loss; }
  static result make_result(double loss, const parameters& gradient) { return {loss, gradient}; }
  template <class P, class F>
  static void for_each_block(P& p, F&& f) {
    f("W1", std::span(p.W1));
    f("b1", std::span(p.b1));
    f("W2", std::span(p.W2));
    f("b2", std::span(p.b2));
  }

  template <class S, class Relu>
  static S loss(const data& set, const S* theta, Relu relu) {
    S total = 0.0;
    for (std::size_t n = 0; n < bench::w2::rows; ++n) {
      const auto& x = set.x[n];
      S prediction = theta[b2];
      for (std::size_t i = 0; i < hidden; ++i) {
        S z = theta[W1 + i * inputs] * x[0] + theta[W1 + i * inputs + 1] * x[1] + theta[b1 + i];
        S h = relu(z);
        prediction += theta[W2 + i] * h;
      }
      S residual = prediction - set.y[n];
      total += residual * residual;
    }
    S mean = total * (1.0 / bench::w2::rows);
    return mean;
  }
};

/// The blocks of the 2-H-H-1 network's parameters (W3's and the wide grid's), in the flat order.
struct network_blocks {
  template <class P, class F>
  static void for_each_block(P& p, F&& f) {
    f("W1", std::span(p.W1));
    f("b1", std::span(p.b1));
    f("W2", std::span(p.W2));
    f("b2", std::span(p.b2));
    f("W3", std::span(p.W3));
    f("b3", std::span(p.b3));
  }
};

struct w3 : network_blocks {
  static constexpr std::string_view name = "w3";
  using data = bench::w3::data;
  using parameters = bench::w3::parameters;
  using result = bench::w3::loss_and_gradient;
  static constexpr std::size_t hidden = bench::w3::hidden, inputs = bench::w3::inputs;
  static constexpr std::size_t W1 = 0, b1 = W1 + hidden * inputs, W2 = b1 + hidden,
                               b2 = W2 + hidden * hidden, W3 = b2 + hidden, b3 = W3 + hidden;
  static constexpr std::size_t size = b3 + 1;
  static data make_data() { return bench::w3::make_data(); }
  static parameters benchmark_parameters() { return bench::w3::make_parameters(); }
  static parameters other_parameters() { return bench::w3::make_parameters(3); }
  static result hand(const data& set, const parameters& theta) { return bench::w3::loss_and_gradient_hand(set, theta); }
  static double loss_of(const result& r) { return r.loss; }
  static result make_result(double loss, const parameters& gradient) { return {loss, gradient}; }

  template <class S, class Relu>
  static S loss(const data& set, const S* theta, Relu relu) {
    S hinge = 0.0;
    for (std::size_t n = 0; n < bench::w3::rows; ++n) {
      const auto& x = set.x[n];
      std::array<S, hidden> h1;
      for (std::size_t i = 0; i < hidden; ++i) {
        S z = theta[W1 + i * inputs] * x[0] + theta[W1 + i * inputs + 1] * x[1] + theta[b1 + i];
        h1[i] = relu(z);
      }
      S score = theta[b3];
      for (std::size_t i = 0; i < hidden; ++i) {
        S z = theta[b2 + i];
        for (std::size_t j = 0; j < hidden; ++j) z += theta[W2 + i * hidden + j] * h1[j];
        S h2 = relu(z);
        score += theta[W3 + i] * h2;
      }
      S margin = 1.0 - set.y[n] * score;
      hinge += relu(margin);
    }
    S loss = hinge * (1.0 / bench::w3::rows);
    for (std::size_t k = 0; k < size; ++k) loss += bench::w3::alpha * theta[k] * theta[k];
    return loss;
  }
};

/// The point (H, N) of the 2-H-H-1 grid (bench/kernels/wide.hpp), wide_H<H>_N<N>: W3's network with
/// H units per layer on N rows, timed at make_parameters<H>(); flops is one call's count.
template <std::size_t H, std::size_t N>
struct wide : network_blocks {
  static inline const std::string name = "wide_H" + std::to_string(H) + "_N" + std::to_string(N);
  using data = bench::wide::data;
  using parameters = bench::wide::parameters<H>;
  using result = bench::wide::loss_and_gradient<H>;
  static constexpr std::size_t hidden = H, rows = N;
  static constexpr std::size_t size = H * bench::wide::inputs + H + H * H + H + H + 1;
  static constexpr double flops = bench::wide::flops(H, N);
  static data make_data() { return bench::wide::make_data(N); }
  static parameters benchmark_parameters() { return bench::wide::make_parameters<H>(); }
  static parameters other_parameters() { return bench::wide::make_parameters<H>(3); }
  static result hand(const data& set, const parameters& theta) { return bench::wide::hand<H>(set, theta); }
  static double loss_of(const result& r) { return r.loss; }
  static result make_result(double loss, const parameters& gradient) { return {loss, gradient}; }
};

/// Calls f.template operator()<wide<H, N>>() for every point of the grid, H then N.
template <class F>
void for_each_wide_point(F&& f) {
  namespace grid = bench::wide;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    constexpr std::size_t columns = grid::row_counts.size();
    (f.template operator()<wide<grid::widths[I / columns], grid::row_counts[I % columns]>>(), ...);
  }(std::make_index_sequence<grid::widths.size() * grid::row_counts.size()>{});
}

template <std::size_t N>
struct rosenbrock {
  static inline const std::string name = "rosenbrock" + std::to_string(N);
  struct data {};  // f has no data; its point is the parameters
  using parameters = bench::rosenbrock::point<N>;
  using result = bench::rosenbrock::value_and_gradient<N>;
  static constexpr std::size_t size = N;
  static data make_data() { return {}; }
  static parameters benchmark_parameters() { return bench::rosenbrock::make_point<N>(); }
  static parameters other_parameters() { return bench::rosenbrock::make_point<N>(2); }
  static result hand(const data&, const parameters& x) { return bench::rosenbrock::value_and_gradient_hand<N>(x); }
  static double loss_of(const result& r) { return r.value; }
  static result make_result(double value, const parameters& gradient) { return {value, gradient}; }
  template <class P, class F>
  static void for_each_block(P& p, F&& f) {
    f("x", std::span(p));
  }

  template <class S, class Relu>
  static S loss(const data&, const S* x, Relu) {
    S f = 0.0;
    for (std::size_t i = 0; i < N; i += 2) {
      S valley = x[i + 1] - x[i] * x[i];
      S offset = 1.0 - x[i];
      f += 100.0 * valley * valley + offset * offset;
    }
    return f;
  }
};
}  // namespace bench::peers
