// examples/print_and_draw.cpp: micrograd's README expression, printed as text and LaTeX and drawn
// as a Graphviz graph with each node's data and grad (micrograd's draw_dot); its value and
// gradients match the numbers micrograd publishes.
//   ctgrad_example_print_and_draw [--output FILE.dot]   writes the graph there (expression.dot)
#include <ctgrad/ctgrad.hpp>

#include "options.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

using namespace ctgrad;
using namespace ctgrad::literals;

constexpr var<"a"> a;
constexpr var<"b"> b;

// micrograd updates c and d in place (c += ...); an expression's type is fixed, so each update
// is a new name. Integer constants are written n_c, so the whole graph is an empty type.
constexpr auto c1 = a + b;
constexpr auto d1 = a * b + pow<3>(b);
constexpr auto c2 = c1 + (c1 + 1_c);                 // c += c + 1
constexpr auto c3 = c2 + (1_c + c2 + (-a));          // c += 1 + c + (-a)
constexpr auto d2 = d1 + (d1 * 2_c + relu(b + a));   // d += d * 2 + (b + a).relu()
constexpr auto d3 = d2 + (3_c * d2 + relu(b - a));   // d += 3 * d + (b - a).relu()
constexpr auto e = c3 - d3;
constexpr auto f = pow<2>(e);
constexpr auto g = f / 2_c + 10_c / f;               // g = f / 2.0; g += 10.0 / f
static_assert(std::is_empty_v<decltype(g)>);

bool close(double got, double want) { return std::abs(got - want) < 5e-5; }

int main(int argc, char** argv) {
  command_line options(argc, argv,
                       "[--output FILE.dot]\n"
                       "  --output FILE.dot  where to write the Graphviz graph (default expression.dot)\n");
  const std::string path = options.text("--output", "expression.dot");
  options.finish();

  std::cout << "e = " << e << "\n\n"
            << "g = " << to_string(g) << "\n\n"
            << "LaTeX: " << to_latex(g) << "\n\n"
            << "de/da = " << d(e, a) << "\n\n";

  const auto point = at(a = -4.0, b = 2.0);
  const auto [value, grad] = value_and_grad(g, wrt(a, b), point);
  std::printf("g     = %.4f   (micrograd: 24.7041)\n", value);
  std::printf("dg/da = %.4f  (micrograd: 138.8338)\n", grad[a]);
  std::printf("dg/db = %.4f  (micrograd: 645.5773)\n\n", grad[b]);

  std::ofstream file(path);
  file << to_dot(g, point);  // each node: { op | data | grad }; to_dot(g) draws the bare graph
  if (!file) {
    std::cerr << "error: cannot write " << path << '\n';
    return 1;
  }
  std::cout << "wrote the graph to " << path << "; draw it with\n"
            << "  dot -Tsvg " << path << " -o expression.svg\n";

  if (!close(value, 24.7041) || !close(grad[a], 138.8338) || !close(grad[b], 645.5773)) {
    std::cerr << "error: the result differs from micrograd's\n";
    return 1;
  }
}
