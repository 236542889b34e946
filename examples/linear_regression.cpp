// examples/linear_regression.cpp: the article's §4.3 linear regression, plus a bias, fitted by
// gradient descent on the exact gradient that ctgrad derives; prints the derivative formulas and
// draws the loss curve (ctgrad_example_linear_regression --help lists the options).
#include <ctgrad/ctgrad.hpp>

#include "options.hpp"
#include "plot.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace ctgrad;

constexpr var<"θ1"> theta1;
constexpr var<"θ2"> theta2;
constexpr var<"b"> bias;
constexpr var<"x1"> x1;
constexpr var<"x2"> x2;
constexpr var<"y"> y;

// One row's loss; the article's L = (y − θ1·x1 − θ2·x2)², with a bias. The full loss is its mean.
constexpr auto row_loss = square(y - (theta1 * x1 + theta2 * x2 + bias));

constexpr std::array<double, 3> true_parameters{2.0, -3.0, 0.5};  // θ1, θ2, b

std::vector<std::array<double, 3>> synthetic_rows(std::size_t count) {
  std::mt19937 generator(42);
  std::uniform_real_distribution<double> feature(-1.0, 1.0);
  std::normal_distribution<double> noise(0.0, 0.001);
  std::vector<std::array<double, 3>> rows(count);
  for (auto& [a, b, target] : rows) {
    a = feature(generator);
    b = feature(generator);
    target = true_parameters[0] * a + true_parameters[1] * b + true_parameters[2] + noise(generator);
  }
  return rows;
}

int main(int argc, char** argv) try {
  command_line options(argc, argv,
                       "[--data FILE.csv] [--steps N] [--loss-curve FILE.svg] [--linear-scale]\n"
                       "  --data FILE.csv        rows x1,x2,y with a header (default: 1024 seeded rows from known θ)\n"
                       "  --steps N              gradient descent steps (default 1000)\n"
                       "  --loss-curve FILE.svg  where to draw the loss per step (default linear_regression_loss.svg)\n"
                       "  --linear-scale         draw the loss on a linear scale, not a logarithmic one\n");
  const std::string data_path = options.text("--data", "");
  const int steps = options.count("--steps", 1000);
  const std::string curve_path = options.text("--loss-curve", "linear_regression_loss.svg");
  const bool linear_scale = options.flag("--linear-scale");
  options.finish();
  const bool from_file = !data_path.empty();
  const auto rows = from_file ? read_csv<3>(data_path, {"x1", "x2", "y"}) : synthetic_rows(1024);

  // The article writes ∂L/∂θ1 = 2(y − θ1x1 − θ2x2)x1 and loses the minus sign; ctgrad derives it:
  std::cout << "dL/dθ1 = " << d(row_loss, theta1) << "\n"
            << "dL/dθ2 = " << d(row_loss, theta2) << "\n"
            << "dL/db  = " << d(row_loss, bias) << "\n\n";

  std::array<double, 3> parameters{0.0, 0.0, 0.0};
  const double learning_rate = 0.1;  // the article's α
  const double rows_count = static_cast<double>(rows.size());
  double loss = 0.0;
  std::vector<double> losses;
  for (int step = 0; step <= steps; ++step) {
    loss = 0.0;
    std::array<double, 3> gradient{0.0, 0.0, 0.0};
    for (const auto& [a, b, target] : rows) {
      const auto [value, g] = value_and_grad(
          row_loss, wrt(theta1, theta2, bias),
          at(theta1 = parameters[0], theta2 = parameters[1], bias = parameters[2], x1 = a, x2 = b,
             y = target));
      loss += value / rows_count;
      gradient[0] += g[theta1] / rows_count;
      gradient[1] += g[theta2] / rows_count;
      gradient[2] += g[bias] / rows_count;
    }
    losses.push_back(loss);
    if (step % 100 == 0 || step == steps) std::printf("Step: %d Loss: %.6g\n", step, loss);
    for (std::size_t i = 0; i < parameters.size(); ++i) parameters[i] -= learning_rate * gradient[i];
  }

  if (!write_loss_curve(curve_path, "Linear regression: mean squared error", losses, !linear_scale)) {
    std::cerr << "error: cannot write " << curve_path << '\n';
    return 1;
  }
  std::printf("\nloss curve written to %s\n", curve_path.c_str());
  std::printf("\nlearned θ1 = %.6f, θ2 = %.6f, b = %.6f\n", parameters[0], parameters[1], parameters[2]);
  if (!from_file) {
    std::printf("true    θ1 = %.6f, θ2 = %.6f, b = %.6f\n", true_parameters[0], true_parameters[1],
                true_parameters[2]);
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      if (std::abs(parameters[i] - true_parameters[i]) > 1e-3) {
        std::fprintf(stderr, "error: parameter %zu is off by more than 1e-3\n", i);
        return 1;
      }
    }
    std::printf("recovered within 1e-3\n");
  }
} catch (const data_error& error) {
  std::cerr << "error: " << error.what() << '\n';
  return 1;
}
