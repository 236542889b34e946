// examples/mlp.cpp: the article's §5.2 program done right: x of shape [N, 2], a hidden ReLU layer
// of 16 units, a linear output and the mean squared error, trained by gradient descent (lr = 0.1).
//   ctgrad_example_mlp                 synthetic data (seeded)
//   ctgrad_example_mlp --data F.csv    columns x1,x2,y with a header
#include <ctgrad/ctgrad.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <iostream>
#include <random>
#include <string_view>
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
  const bool from_file = argc == 3 && std::string_view(argv[1]) == "--data";
  if (argc != 1 && !from_file) {
    std::cerr << "usage: " << argv[0] << " [--data FILE.csv]   (columns x1,x2,y)\n";
    return 2;
  }
  const rows data = from_file ? csv_rows(argv[2]) : synthetic_rows(256);
  const auto table = dataset(X = data.x, Y = data.y);
  // He initialisation draws W1 from N(0, 1), the article's tf.random_normal; biases start at 0.
  auto params = init_params(wrt(W1, b1, W2, b2), 7, init::he);
  const optim::sgd descent{0.1};
  double first_loss = 0.0;
  for (int step = 0; step < 1000; ++step) {
    const auto [value, grads] = value_and_grad(loss, params, table);
    if (step == 0) first_loss = value;
    if (step % 100 == 0) std::printf("Step: %d Loss: %.6f\n", step, value);
    descent.step(params, grads);
  }
  const double final_loss = value_and_grad(loss, params, table).value;
  std::printf("Final loss: %.6f (%.1fx lower)\n\nlearned parameters, θ1 = W1ᵀ and θ2 = W2ᵀ:\n", final_loss,
              first_loss / final_loss);
  const auto theta1 = eval(transpose(W1), at(params));  // 2×16, the article's layout
  print_row("θ1[0] ", theta1, 0, hidden);
  print_row("θ1[1] ", theta1, hidden, hidden);
  print_row("b1    ", params[b1], 0, hidden);
  print_row("θ2    ", params[W2], 0, hidden);
  print_row("b2    ", params[b2], 0, 1);
  if (!from_file && !(final_loss * 10 <= first_loss)) {
    std::fprintf(stderr, "error: the loss fell less than 10x\n");
    return 1;
  }
} catch (const data_error& error) {
  std::cerr << "error: " << error.what() << '\n';
  return 1;
}
