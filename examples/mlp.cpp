// examples/mlp.cpp: the article's §5.2 program done right: x of shape [N, 2], a hidden ReLU layer
// of 16 units, a linear output and the mean squared error, trained by gradient descent (lr = 0.1);
// draws the loss curve and can save the trained parameters (ctgrad_example_mlp --help).
#include <ctgrad/ctgrad.hpp>

#include "options.hpp"
#include "plot.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ctgrad;

// The article multiplies x [N, 2] by θ1 of shape [1, 2], which cannot be: θ1 must be 2×H, a row
// convention (x·θ1). ctgrad takes one row as a column vector and computes W·x, so its W1 is H×2,
// θ1 transposed, and W2 is 1×H for the article's θ2 (H×1). We add the biases b1, b2 it leaves out.
constexpr std::size_t hidden = 16;
constexpr var<"W1", hidden, 2> W1;
constexpr var<"b1", hidden> b1;
constexpr var<"W2", 1, hidden> W2;
constexpr var<"b2", 1> b2;
constexpr var<"x", 2> X;
constexpr var<"y"> Y;

// One row's loss; value_and_grad over a dataset averages it, as tf.reduce_mean does.
constexpr auto loss = nn::mse(W2 * relu(W1 * X + b1) + b2, Y);

struct rows {
  std::vector<std::array<double, 2>> x;
  std::vector<double> y;
};

// y = x1² − x2 / 2 + 0.3·sin(3·x1·x2), x uniform on [−1, 1]²: curved, so the ReLU layer has work.
rows synthetic_rows(std::size_t count) {
  std::mt19937 generator(42);
  std::uniform_real_distribution<double> feature(-1.0, 1.0);
  rows data;
  for (std::size_t n = 0; n < count; ++n) {
    const double a = feature(generator), b = feature(generator);
    data.x.push_back({a, b});
    data.y.push_back(a * a - 0.5 * b + 0.3 * std::sin(3 * a * b));
  }
  return data;
}

rows csv_rows(const char* path) {
  rows data;
  for (const auto& [a, b, target] : read_csv<3>(path, {"x1", "x2", "y"})) {
    data.x.push_back({a, b});
    data.y.push_back(target);
  }
  return data;
}

template <class Tensor>
void print_row(const char* name, const Tensor& values, std::size_t first, std::size_t count) {
  std::printf("%s", name);
  for (std::size_t k = first; k < first + count; ++k) std::printf(" %6.2f", values[k]);
  std::printf("\n");
}

int main(int argc, char** argv) try {
  command_line options(argc, argv,
                       "[--data FILE.csv] [--steps N] [--loss-curve FILE.svg] [--linear-scale] [--save FILE.txt]\n"
                       "  --data FILE.csv        rows x1,x2,y with a header (default: 256 seeded rows)\n"
                       "  --steps N              gradient descent steps (default 1000)\n"
                       "  --loss-curve FILE.svg  where to draw the loss per step (default mlp_loss.svg)\n"
                       "  --linear-scale         draw the loss on a linear scale, not a logarithmic one\n"
                       "  --save FILE.txt        save the trained parameters there (ctgrad::save)\n");
  const std::string data_path = options.text("--data", "");
  const int steps = options.count("--steps", 1000);
  const std::string curve_path = options.text("--loss-curve", "mlp_loss.svg");
  const bool linear_scale = options.flag("--linear-scale");
  const std::string save_path = options.text("--save", "");
  options.finish();
  const bool from_file = !data_path.empty();
  const rows data = from_file ? csv_rows(data_path.c_str()) : synthetic_rows(256);
  const auto table = dataset(X = data.x, Y = data.y);
  // He initialisation draws W1 from N(0, 1), the article's tf.random_normal; biases start at 0.
  auto params = init_params(wrt(W1, b1, W2, b2), 7, init::he);
  const optim::sgd descent{0.1};
  double first_loss = 0.0;
  std::vector<double> losses;
  for (int step = 0; step < steps; ++step) {
    const auto [value, grads] = value_and_grad(loss, params, table);
    if (step == 0) first_loss = value;
    losses.push_back(value);
    if (step % 100 == 0) std::printf("Step: %d Loss: %.6f\n", step, value);
    descent.step(params, grads);
  }
  const double final_loss = value_and_grad(loss, params, table).value;
  losses.push_back(final_loss);
  std::printf("Final loss: %.6f (%.1fx lower)\n\nlearned parameters, θ1 = W1ᵀ and θ2 = W2ᵀ:\n", final_loss,
              first_loss / final_loss);
  const auto theta1 = eval(transpose(W1), at(params));  // 2×16, the article's layout
  print_row("θ1[0] ", theta1, 0, hidden);
  print_row("θ1[1] ", theta1, hidden, hidden);
  print_row("b1    ", params[b1], 0, hidden);
  print_row("θ2    ", params[W2], 0, hidden);
  print_row("b2    ", params[b2], 0, 1);
  if (!write_loss_curve(curve_path, "The article's 2-16-1 ReLU network: mean squared error", losses,
                        !linear_scale)) {
    std::cerr << "error: cannot write " << curve_path << '\n';
    return 1;
  }
  std::printf("\nloss curve written to %s\n", curve_path.c_str());
  if (!save_path.empty()) {
    save(params, save_path);
    std::printf("parameters saved to %s\n", save_path.c_str());
  }
  if (!from_file && !(final_loss * 10 <= first_loss)) {
    std::fprintf(stderr, "error: the loss fell less than 10x\n");
    return 1;
  }
} catch (const std::runtime_error& error) {  // data_error from --data, or --save failing
  std::cerr << "error: " << error.what() << '\n';
  return 1;
}
