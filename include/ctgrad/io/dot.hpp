// ctgrad/io/dot.hpp: to_dot(f) and to_dot(f, at(...)), the expression graph in Graphviz's
// language (micrograd's draw_dot), with each node's value and adjoint when given a point.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/io/print.hpp>

#include <boost/hana/at.hpp>

#include <cstddef>
#include <cstdio>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace ctgrad {
namespace detail {
/// Whether a op b = b op a, so that the drawing need not say which operand is which.
template <class Op>
inline constexpr bool commutative_op = std::is_same_v<Op, add_op> || std::is_same_v<Op, mul_op> ||
                                       std::is_same_v<Op, max_op> || std::is_same_v<Op, min_op>;

/// One address per type: the key under which an empty type's node is drawn once.
template <class E>
inline constexpr char type_identity = 0;

/// Whether every node of E is a scalar: values and adjoints are drawn for those only.
template <class E>
constexpr bool all_scalar() {
  if constexpr (!is_scalar<E>) {
    return false;
  } else if constexpr (is_unary<E>) {
    return all_scalar<typename E::arg_type>();
  } else if constexpr (is_binary<E>) {
    return all_scalar<typename E::lhs_type>() && all_scalar<typename E::rhs_type>();
  } else {
    return true;
  }
}

// Collects the nodes below e in post-order (operands before the node), so node ids grow towards
// the root and the adjoints can be pushed down in one pass of decreasing ids. A node of an empty
// type (a variable, or an operation on empty types) is drawn once however often it is used:
// equal empty types are the same value. Constants are drawn once per use.
template <class Point>
struct dot_writer {
  struct node {
    std::string label;
    std::string_view shape;
    double value = 0;
    double adjoint = 0;
    std::vector<std::pair<int, double>> operands{};  // operand id and ∂node/∂operand
  };
  struct edge {
    int from;
    int to;
    std::string_view label;
  };

  const Point* point;  // nullptr: no values
  std::vector<node> nodes{};
  std::vector<edge> edges{};
  std::map<const void*, int> drawn{};

  template <class E>
  int write(const E& e) {
    if constexpr (std::is_empty_v<E> && !is_constant<E> && !is_rational<E>) {
      if (const auto found = drawn.find(&type_identity<E>); found != drawn.end()) return found->second;
      const int id = add(e);
      drawn.emplace(&type_identity<E>, id);
      return id;
    } else {
      return add(e);
    }
  }

  template <class E>
  int add(const E& e) {
    node n;
    std::vector<edge> in;
    if constexpr (is_var<E>) {
      n.label = std::string(E::name);
      n.shape = "ellipse";
    } else if constexpr (is_constant<E> || is_rational<E>) {
      n.label = to_string(e);
      n.shape = "plaintext";
    } else if constexpr (is_unary<E>) {
      const int arg = write(e.arg);
      n.label = op_label<E>();
      n.shape = "box";
      in.push_back({arg, -1, ""});
      if constexpr (has_point) n.operands.push_back({arg, number(E::op::derivative(e.arg, e))});
    } else {
      const int lhs = write(e.lhs);
      const int rhs = write(e.rhs);
      n.shape = "box";
      constexpr bool ordered = !commutative_op<typename E::op>;
      // Where order matters, the box says how the operands combine and the edges which is which.
      if constexpr (!ordered) {
        n.label = std::string(is_infix<E> ? E::op::name : call_name<E>());
      } else if constexpr (is_infix<E>) {
        n.label = "a " + std::string(E::op::name) + " b";
      } else {
        n.label = std::string(call_name<E>()) + "(a, b)";
      }
      in.push_back({lhs, -1, ordered ? "a" : ""});
      in.push_back({rhs, -1, ordered ? "b" : ""});
      if constexpr (has_point) {
        const auto partials = E::op::partials(e.lhs, e.rhs, e);
        n.operands.push_back({lhs, number(boost::hana::at_c<0>(partials))});
        n.operands.push_back({rhs, number(boost::hana::at_c<1>(partials))});
      }
    }
    if constexpr (has_point) n.value = number(e);
    const int id = static_cast<int>(nodes.size());
    nodes.push_back(std::move(n));
    for (auto& e_in : in) edges.push_back({e_in.from, id, e_in.label});
    return id;
  }

  static constexpr bool has_point = !std::is_same_v<Point, std::nullptr_t>;

  template <class F>
  double number(const F& f) const {
    if constexpr (has_point) {
      return static_cast<double>(eval(f, *point));
    } else {
      return 0;
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

  /// text escaped for a Graphviz label; in a record label, its field separators too.
  static std::string escape(std::string_view text, bool record) {
    std::string result;
    for (const char c : text) {
      const bool special = c == '"' || c == '\\' ||
                           (record && (c == '{' || c == '}' || c == '|' || c == '<' || c == '>'));
      if (special) result += '\\';
      result += c;
    }
    return result;
  }

  /// The digraph: with a point, each node is a record `{ label | data v | grad g }`, as
  /// micrograd's draw_dot writes it, the adjoints pushed from the root (∂f/∂f = 1) downwards.
  std::string text() {
    if constexpr (has_point) {
      nodes.back().adjoint = 1;
      for (std::size_t id = nodes.size(); id-- > 0;) {
        for (const auto& [operand, partial] : nodes[id].operands) {
          nodes[static_cast<std::size_t>(operand)].adjoint += nodes[id].adjoint * partial;
        }
      }
    }
    std::ostringstream out;
    out << "digraph ctgrad {\n  rankdir=LR;\n";
    for (std::size_t id = 0; id < nodes.size(); ++id) {
      const node& n = nodes[id];
      out << "  n" << id << " [label=\"";
      if constexpr (has_point) {
        char numbers[96];
        std::snprintf(numbers, sizeof numbers, " | data %.4f | grad %.4f }", n.value, n.adjoint);
        out << "{ " << escape(n.label, true) << numbers << "\", shape=record];\n";
      } else {
        out << escape(n.label, false) << "\", shape=" << n.shape << "];\n";
      }
    }
    for (const auto& e : edges) {
      out << "  n" << e.from << " -> n" << e.to;
      if (!e.label.empty()) out << " [label=\"" << e.label << "\"]";
      out << ";\n";
    }
    out << "}\n";
    return out.str();
  }
};
}  // namespace detail

/// The expression graph of f as a Graphviz digraph; render it with `dot -Tsvg`.
template <expression E>
std::string to_dot(const E& f) {
  detail::dot_writer<std::nullptr_t> writer{nullptr};
  writer.write(f);
  return writer.text();
}

/// The graph of f with each node's value at the point and its adjoint ∂f/∂node (micrograd's
/// `data | grad`); f and every node in it must be scalar.
template <expression E, class... Bindings>
std::string to_dot(const E& f, const bindings<Bindings...>& point) {
  static_assert(detail::all_scalar<E>(),
                "ctgrad::to_dot: values and adjoints are drawn for scalar expressions only; draw a "
                "tensor expression with to_dot(f).");
  detail::dot_writer<bindings<Bindings...>> writer{&point};
  writer.write(f);
  return writer.text();
}
}  // namespace ctgrad
