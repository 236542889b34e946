// examples/checkpoint.cpp: a model's parameters between runs: its summary, its parameters printed
// as a table, the gradients of two halves of a data set merged and clipped, one step taken by
// hand, then the parameters saved to a text file and loaded back exactly (--help).
#include <ctgrad/ctgrad.hpp>

#include "options.hpp"

#include <array>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace ctgrad;

using model = nn::mlp<"net", 2, 3, 1>;
constexpr model net;
constexpr var<"x", 2> X;
constexpr var<"y"> Y;
constexpr auto loss = nn::mse(net(X), Y);

int main(int argc, char** argv) try {
  command_line options(argc, argv,
                       "[--output FILE.txt]\n"
                       "  --output FILE.txt  where to save the parameters (default checkpoint.txt)\n");
  const std::string path = options.text("--output", "checkpoint.txt");
  options.finish();

  std::cout << nn::summary(net) << '\n';
  auto params = init_params(model::parameters(), 1);
  std::cout << std::fixed << std::setprecision(2) << params << '\n';

  const std::vector<std::array<double, 2>> xs{{0.0, 1.0}, {1.0, 0.0}, {1.0, 1.0}, {0.5, -0.5}};
  const std::vector<double> ys{1.0, -1.0, 0.0, 0.5};
  const auto data = dataset(X = xs, Y = ys);
  // Each half's gradient is of its mean loss: their mean is the whole set's gradient.
  auto grads = value_and_grad(loss, params, data.slice(0, 2)).grad;
  grads += value_and_grad(loss, params, data.slice(2, 2)).grad;
  grads *= 0.5;
  const auto whole = value_and_grad(loss, params, data);
  std::cout << std::setprecision(6) << "loss " << whole.value << ", |g| = " << global_norm(whole.grad)
            << ", |merged − g| = " << std::scientific << std::setprecision(1)
            << global_norm(grads - whole.grad) << std::fixed << '\n';

  const double limit = 0.5;  // clip the step: no parameter moves far on one batch
  if (const double norm = global_norm(grads); norm > limit) grads *= limit / norm;
  params -= grads * 0.1;  // optim::sgd{0.1}.step(params, grads), by hand
  std::cout << std::setprecision(6) << "|g| after clipping = " << global_norm(grads) << "\n\n";

  save(params, path);
  auto loaded = init_params(model::parameters(), 2);  // other numbers, overwritten by load
  load(loaded, path);
  std::cout << "saved to " << path << " and loaded back: " << (loaded == params ? "identical" : "DIFFERENT")
            << '\n';
  return loaded == params ? 0 : 1;
} catch (const std::exception& error) {  // data_error from load, std::runtime_error from save
  std::cerr << "error: " << error.what() << '\n';
  return 1;
}
