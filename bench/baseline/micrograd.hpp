// bench/baseline/micrograd.hpp: micrograd ported to C++ the way users write it, one heap node per
// scalar operation, a backward closure per node, a topological sort and a reverse pass; the
// runtime-graph baseline of W2 and W3.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <memory>
#include <unordered_set>
#include <utility>
#include <vector>

namespace bench::micrograd {
/// One scalar of the graph: its value, its adjoint, its operands and how it passes its adjoint on.
struct node {
  double data = 0.0;
  double grad = 0.0;
  std::vector<std::shared_ptr<node>> children;
  std::function<void()> backward;
};

/// micrograd's Value: a shared handle on a node; a double converts to a leaf, as Value(other) does.
class value {
 public:
  // Implicit, so that 2.0 * v works as in micrograd.
  value(double data) : node_(std::make_shared<node>()) { node_->data = data; }

  double data() const { return node_->data; }
  double grad() const { return node_->grad; }

  friend value operator+(const value& a, const value& b) {
    value out(a.data() + b.data(), {a.node_, b.node_});
    out.node_->backward = [a = a.node_.get(), b = b.node_.get(), out = out.node_.get()] {
      a->grad += out->grad;
      b->grad += out->grad;
    };
    return out;
  }

  friend value operator-(const value& a, const value& b) {
    value out(a.data() - b.data(), {a.node_, b.node_});
    out.node_->backward = [a = a.node_.get(), b = b.node_.get(), out = out.node_.get()] {
      a->grad += out->grad;
      b->grad -= out->grad;
    };
    return out;
  }

  friend value operator*(const value& a, const value& b) {
    value out(a.data() * b.data(), {a.node_, b.node_});
    out.node_->backward = [a = a.node_.get(), b = b.node_.get(), out = out.node_.get()] {
      a->grad += b->data * out->grad;
      b->grad += a->data * out->grad;
    };
    return out;
  }

  /// aᵏ for a constant exponent k.
  friend value pow(const value& a, double k) {
    value out(std::pow(a.data(), k), {a.node_});
    out.node_->backward = [a = a.node_.get(), k, out = out.node_.get()] {
      a->grad += k * std::pow(a->data, k - 1.0) * out->grad;
    };
    return out;
  }

  /// max(0, a), with relu'(0) = 0 as in micrograd.
  friend value relu(const value& a) {
    value out(a.data() < 0.0 ? 0.0 : a.data(), {a.node_});
    out.node_->backward = [a = a.node_.get(), out = out.node_.get()] {
      a->grad += (out->data > 0.0 ? 1.0 : 0.0) * out->grad;
    };
    return out;
  }

  /// Sets this node's adjoint to 1 and sweeps the graph below it in reverse topological order.
  void backward() {
    std::vector<node*> order;
    std::unordered_set<node*> visited;
    const std::function<void(node*)> build = [&](node* v) {
      if (!visited.insert(v).second) return;
      for (const auto& child : v->children) build(child.get());
      order.push_back(v);
    };
    build(node_.get());
    node_->grad = 1.0;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      if ((*it)->backward) (*it)->backward();
    }
  }

 private:
  value(double data, std::vector<std::shared_ptr<node>> children) : value(data) {
    node_->children = std::move(children);
  }

  std::shared_ptr<node> node_;
};

/// micrograd's Layer: out[i] = b[i] + Σⱼ w[i·n + j]·x[j], then relu if asked (w row-major, n = |x|).
inline std::vector<value> layer(const std::vector<value>& w, const std::vector<value>& b,
                                const std::vector<value>& x, bool nonlinear) {
  std::vector<value> out;
  out.reserve(b.size());
  for (std::size_t i = 0; i < b.size(); ++i) {
    value activation = b[i];
    for (std::size_t j = 0; j < x.size(); ++j) {
      activation = activation + w[i * x.size() + j] * x[j];
    }
    out.push_back(nonlinear ? relu(activation) : activation);
  }
  return out;
}

/// One leaf per number, as micrograd's Neuron makes its parameters.
template <std::size_t N>
std::vector<value> leaves(const std::array<double, N>& numbers) {
  return std::vector<value>(numbers.begin(), numbers.end());
}

/// The adjoints of leaves, after backward().
template <std::size_t N>
std::array<double, N> gradients(const std::vector<value>& leaves) {
  std::array<double, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = leaves[i].grad();
  return out;
}
}  // namespace bench::micrograd
