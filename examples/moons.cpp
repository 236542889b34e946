// examples/moons.cpp: micrograd's demo: make_moons(100, noise 0.1), a 2-16-16-1 ReLU network, the
// max-margin loss plus L2, 100 steps of SGD with a decaying rate; prints the model, step, loss and
// accuracy, then draws the decision boundary, the points and the loss curve as SVG (--help).
#include <ctgrad/ctgrad.hpp>

#include "options.hpp"
#include "plot.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <iostream>
#include <numbers>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace ctgrad;

using model = nn::mlp<"moons", 2, 16, 16, 1>;  // ReLU between layers, a linear score
constexpr model net;
constexpr var<"x", 2> X;
constexpr var<"y"> Y;

// micrograd's loss is mean(max(0, 1 − y·score)) + 1e-4·Σp², the penalty added once per batch.
// value_and_grad(loss, params, data) averages a per-row loss, and the average of the constant
// 1e-4·Σp² is itself: adding it to each row's hinge gives micrograd's total exactly.
constexpr auto loss = nn::hinge(net(X), Y) + 1e-4 * nn::l2(model::parameters());

struct points {
  std::vector<std::array<double, 2>> x;
  std::vector<double> y;  // −1 or +1, as micrograd's y * 2 − 1
};

// sklearn's make_moons(n, noise) unshuffled: an upper half circle (−1) and a lower one shifted
// right (+1), plus Gaussian noise by Box–Muller on mt19937's outputs (the same in every library).
points make_moons(std::size_t n, double noise, unsigned seed) {
  std::mt19937 generator(seed);
  const auto unit = [&] { return (static_cast<double>(generator()) + 0.5) / 4294967296.0; };
  const auto gaussian = [&] { return std::sqrt(-2.0 * std::log(unit())) * std::cos(2.0 * std::numbers::pi * unit()); };
  points data;
  const std::size_t outer = n / 2;
  for (std::size_t i = 0; i < n; ++i) {
    const bool upper = i < outer;
    const double t = std::numbers::pi * static_cast<double>(upper ? i : i - outer) /
                     static_cast<double>(upper ? outer - 1 : n - outer - 1);
    const double a = upper ? std::cos(t) : 1.0 - std::cos(t), b = upper ? std::sin(t) : 0.5 - std::sin(t);
    data.x.push_back({a + noise * gaussian(), b + noise * gaussian()});
    data.y.push_back(upper ? -1.0 : 1.0);
  }
  return data;
}

double score(const auto& params, const std::array<double, 2>& point) {
  return eval(net(X), at(params, X = point))[0];
}

double accuracy(const auto& params, const points& data) {
  std::size_t right = 0;
  for (std::size_t i = 0; i < data.y.size(); ++i) right += (score(params, data.x[i]) > 0) == (data.y[i] > 0);
  return static_cast<double>(right) / static_cast<double>(data.y.size());
}

// The plane [−1.5, 2.5] × [−1, 1.5] at 160 pixels per unit: red where the score is negative, blue
// over runs of 0.02-wide cells where it is positive, then the points.
bool write_svg(const std::string& path, const auto& params, const points& data) {
  constexpr double left = -1.5, top = 1.5, cell = 0.02;
  figure chart("Decision boundary of the trained 2-16-16-1 network", {left, 2.5, "x1"}, {-1.0, top, "x2"}, 640, 400);
  std::ostringstream svg;
  svg << "<rect x=\"" << chart.x(left) << "\" y=\"" << chart.y(top) << "\" width=\"640\" height=\"400\" fill=\"#f8cfcb\"/>\n"
      << "<g fill=\"#c6dbef\" shape-rendering=\"crispEdges\">\n";
  for (int row = 0; row < 125; ++row) {
    const auto positive = [&](int column) {
      return score(params, {left + (column + 0.5) * cell, top - (row + 0.5) * cell}) > 0;
    };
    for (int start = 0, end = 0; start < 200; start = end) {
      const bool inside = positive(start);
      for (end = start + 1; end < 200 && positive(end) == inside;) ++end;
      if (inside) {
        svg << "<rect x=\"" << chart.x(left + start * cell) << "\" y=\"" << chart.y(top - row * cell)
            << "\" width=\"" << chart.x(left + end * cell) - chart.x(left + start * cell) << "\" height=\""
            << chart.y(top - cell) - chart.y(top) << "\"/>\n";
      }
    }
  }
  svg << "</g>\n";
  for (std::size_t i = 0; i < data.y.size(); ++i) {
    svg << "<circle cx=\"" << chart.x(data.x[i][0]) << "\" cy=\"" << chart.y(data.x[i][1])
        << "\" r=\"5\" stroke=\"black\" fill=\"" << (data.y[i] > 0 ? "#1f77b4" : "#d62728") << "\"/>\n";
  }
  chart.add(svg.str())
      .legend("<circle cx=\"5\" cy=\"5\" r=\"5\" stroke=\"black\" fill=\"#1f77b4\"/>", "point, y = +1")
      .legend("<circle cx=\"5\" cy=\"5\" r=\"5\" stroke=\"black\" fill=\"#d62728\"/>", "point, y = −1")
      .legend("<rect width=\"10\" height=\"10\" fill=\"#c6dbef\" stroke=\"#888\"/>", "score > 0")
      .legend("<rect width=\"10\" height=\"10\" fill=\"#f8cfcb\" stroke=\"#888\"/>", "score < 0");
  return chart.write(path);
}

int main(int argc, char** argv) {
  command_line options(argc, argv,
                       "[--output FILE.svg] [--steps N] [--loss-curve FILE.svg] [--linear-scale]\n"
                       "  --output FILE.svg      where to draw the decision boundary (default moons.svg)\n"
                       "  --steps N              gradient descent steps (default 100)\n"
                       "  --loss-curve FILE.svg  where to draw the loss per step (default moons_loss.svg)\n"
                       "  --linear-scale         draw the loss on a linear scale, not a logarithmic one\n");
  const std::string path = options.text("--output", "moons.svg");
  const int steps = options.count("--steps", 100);
  const std::string curve_path = options.text("--loss-curve", "moons_loss.svg");
  const bool linear_scale = options.flag("--linear-scale");
  options.finish();
  std::cout << nn::summary(net) << '\n';
  const points data = make_moons(100, 0.1, 3);  // seed 3 for the data and the weights: 100% by step 50
  const auto rows = dataset(X = data.x, Y = data.y);
  auto params = init_params(model::parameters(), 3);  // U(−1, 1), micrograd's weights...
  params.for_each([](auto variable, auto& value) {
    if constexpr (decltype(variable)::shape_type::rank == 1) value = {};  // ...and its biases, 0
  });
  optim::sgd descent{1.0};
  const optim::linear_decay schedule{1.0, 0.1, steps};  // micrograd's 1.0 − 0.9·k/100
  std::vector<double> losses;
  for (int k = 0; k < steps; ++k) {
    const auto [value, grads] = value_and_grad(loss, params, rows);
    losses.push_back(value);
    if (k % 10 == 0 || k == steps - 1) {
      std::printf("step %d loss %.6f, accuracy %.0f%%\n", k, value, 100 * accuracy(params, data));
    }
    descent.learning_rate = schedule(k);
    descent.step(params, grads);
  }
  const double trained = accuracy(params, data);
  const double final_loss = value_and_grad(loss, params, rows).value;
  losses.push_back(final_loss);
  std::printf("trained: loss %.6f, accuracy %.0f%%\n", final_loss, 100 * trained);
  if (!write_svg(path, params, data) ||
      !write_loss_curve(curve_path, "Moons: hinge loss + L2 penalty", losses, !linear_scale)) {
    std::cerr << "error: cannot write " << path << " or " << curve_path << '\n';
    return 1;
  }
  std::printf("decision boundary written to %s, loss curve to %s\n", path.c_str(), curve_path.c_str());
  return trained == 1.0 ? 0 : 1;
}
