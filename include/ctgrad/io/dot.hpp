// ctgrad/io/dot.hpp: to_dot(f), the expression graph in Graphviz's language (micrograd's draw_dot).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/io/print.hpp>

#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>

namespace ctgrad {
namespace detail {
// Writes the nodes below e and returns the id of e's node. Each variable is drawn once, so a
// variable used twice shows as a node with two outgoing edges, as in micrograd's graphs.
struct dot_writer {
  std::ostream& out;
  std::map<std::string_view, int> variable_ids{};
  int next_id = 0;

  int node(std::string_view label, std::string_view shape) {
    const int id = next_id++;
    out << "  n" << id << " [label=\"";
    for (char c : label) {
      if (c == '"' || c == '\\') out << '\\';
      out << c;
    }
    out << "\", shape=" << shape << "];\n";
    return id;
  }
  void edge(int from, int to) { out << "  n" << from << " -> n" << to << ";\n"; }

  template <class E>
  int write(const E& e) {
    if constexpr (is_var<E>) {
      auto [position, inserted] = variable_ids.try_emplace(E::name, next_id);
      if (inserted) node(E::name, "ellipse");
      return position->second;
    } else if constexpr (is_constant<E> || is_rational<E>) {
      return node(to_string(e), "plaintext");
    } else if constexpr (is_unary<E>) {
      const int arg = write(e.arg);
      const int id = node(op_label<E>(), "box");
      edge(arg, id);
      return id;
    } else {
      const int lhs = write(e.lhs);
      const int rhs = write(e.rhs);
      const int id = node(E::op::name, "box");
      edge(lhs, id);
      edge(rhs, id);
      return id;
    }
  }

  template <class E>
  static std::string op_label() {
    if constexpr (is_power<E>) {
      std::string label = "^";  // not "^" + to_string(...): g++ 12 -O3 warns -Wrestrict there
      label += std::to_string(E::op::exponent);
      return label;
    } else {
      return std::string(E::op::name);
    }
  }
};
}  // namespace detail

/// The expression graph of f as a Graphviz digraph; render it with `dot -Tsvg`.
template <expression E>
std::string to_dot(const E& f) {
  std::ostringstream text;
  text << "digraph ctgrad {\n  rankdir=LR;\n";
  detail::dot_writer writer{text};
  writer.write(f);
  text << "}\n";
  return text.str();
}
}  // namespace ctgrad
