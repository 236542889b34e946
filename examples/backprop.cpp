// examples/backprop.cpp: the article's first ideas in ctgrad, for docs/tutorial.md: gradient
// descent on one parameter, the chain rule as ctgrad derives it, and one forward pass, backward
// pass and update, checked against the same steps done by hand (--help lists the options).
#include <ctgrad/ctgrad.hpp>

#include "options.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

using namespace ctgrad;
using namespace ctgrad::literals;  // 3_c: a constant in the type

constexpr var<"θ"> theta;
constexpr var<"x"> x;
constexpr var<"y"> y;

// Gradient descent: L(θ) = (θ − 3)² is smallest at θ = 3; each step moves θ against dL/dθ.
constexpr auto bowl = pow<2>(theta - 3_c);

// The chain rule: sin(x²) is sin of x², so its derivative is cos(x²) times (x²)' = 2x.
constexpr auto wave = sin(pow<2>(x));

// One neuron with one weight: the prediction ŷ = θ·x and its squared error.
constexpr auto prediction = theta * x;
constexpr auto neuron_loss = pow<2>(y - prediction);

int main(int argc, char** argv) {
  command_line options(argc, argv,
                       "[--steps N] [--graph FILE.dot]\n"
                       "  --steps N         gradient descent steps on (θ − 3)² (default 20)\n"
                       "  --graph FILE.dot  where to draw the neuron's graph with data and grad (default neuron.dot)\n");
  const int steps = options.count("--steps", 20);
  const std::string graph_path = options.text("--graph", "neuron.dot");
  options.finish();

  std::cout << "L(θ) = " << bowl << ", dL/dθ = " << d(bowl, theta) << '\n';
  double t = 0.0;
  const double learning_rate = 0.1;  // α
  for (int step = 0; step <= steps; ++step) {
    if (step % 5 == 0) std::printf("step %2d: θ = %.6f, L = %.6f\n", step, t, eval(bowl, at(theta = t)));
    t -= learning_rate * eval(d(bowl, theta), at(theta = t));  // θ ← θ − α·dL/dθ
  }

  std::cout << "\nd/dx " << wave << " = " << d(wave, x) << '\n';

  // Forward: ŷ and L at a point. Backward: ∂L/∂θ by the chain rule. Update: one descent step.
  const auto point = at(theta = 0.5, x = 2.0, y = 3.0);
  const auto [loss, g] = value_and_grad(neuron_loss, wrt(theta), point);
  const double by_hand = -2 * (3.0 - 0.5 * 2.0) * 2.0;  // ∂L/∂θ = −2(y − θx)·x
  std::cout << "\nL = " << neuron_loss << ", dL/dθ = " << d(neuron_loss, theta) << '\n';
  std::printf("forward:  ŷ = θ·x = %.4f, L = %.4f\n", eval(prediction, point), loss);
  std::printf("backward: dL/dθ = %.4f (by hand %.4f)\n", g[theta], by_hand);
  std::printf("update:   θ ← θ − α·dL/dθ = %.4f\n", 0.5 - learning_rate * g[theta]);

  std::ofstream(graph_path) << to_dot(neuron_loss, point);
  std::printf("graph with data and grad written to %s\n", graph_path.c_str());
  return std::abs(t - 3.0) < 0.05 && g[theta] == by_hand ? 0 : 1;
}
