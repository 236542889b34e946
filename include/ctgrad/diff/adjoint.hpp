// ctgrad/diff/adjoint.hpp: the adjoint the backward sweep carries, and how an op's derivative rule
// turns a node's adjoint into its operand's.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/placeholders.hpp>
#include <ctgrad/core/record.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/core/depends.hpp>
#include <ctgrad/ops/mul.hpp>  // is_scaled: a rule c·r contributes c to the factor
#include <ctgrad/ops/neg.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// The point at which a rule is evaluated: each placeholder it reads bound to a recorded value,
/// read_value(placeholder, record); a value the rule does not read may not have been recorded.
template <class Rule, class Record, class Read, class... Placeholders>
CTGRAD_ALWAYS_INLINE constexpr auto rule_point(const Record& record, Read read_value, Placeholders...) {
  const auto bind = [&](auto placeholder) {
    if constexpr (depends_on<std::remove_cvref_t<Rule>, decltype(placeholder)>) {
      return std::tuple{placeholder = read_value(placeholder, record)};
    } else {
      return std::tuple<>{};
    }
  };
  return std::apply([](const auto&... bound) { return at(bound...); }, std::tuple_cat(bind(Placeholders{})...));
}

/// A unary node's rule evaluated at element k reads its operand's, its own or its recorded
/// derivative's element k.
template <class Rule, class Record>
CTGRAD_ALWAYS_INLINE constexpr auto unary_point(const Record& record, std::size_t k) {
  // The record is a parameter of the lambda, so that only the member a rule reads is named.
  return rule_point<Rule>(
      record,
      [k](auto placeholder, const auto& node) {
        if constexpr (std::is_same_v<decltype(placeholder), first_operand>) {
          return read(node.arg, k);
        } else if constexpr (std::is_same_v<decltype(placeholder), result_value>) {
          return read(node, k);
        } else {
          return element(node.derivative, k);
        }
      },
      first_operand{}, result_value{}, recorded_derivative{});
}

/// A binary node's rule evaluated at element k reads its operands' or its own element k.
template <class Rule, class Record>
CTGRAD_ALWAYS_INLINE constexpr auto binary_point(const Record& record, std::size_t k) {
  return rule_point<Rule>(
      record,
      [k](auto placeholder, const auto& node) {
        if constexpr (std::is_same_v<decltype(placeholder), first_operand>) {
          return read(node.lhs, k);
        } else if constexpr (std::is_same_v<decltype(placeholder), second_operand>) {
          return read(node.rhs, k);
        } else {
          return read(node, k);
        }
      },
      first_operand{}, second_operand{}, result_value{});
}

// The rule points the sweeps pass to chain() are named types, not lambdas: a lambda's mangled
// name holds the sweep function's around it (the wrt list, the variables reached, the gradient
// type: O(n) long), and each node would add several such names (docs/compile-time.md).

/// point(i): a unary node's rule point at element base + i.
template <class Rule, class Record>
struct unary_rule_point {
  const Record& record;
  std::size_t base = 0;
  CTGRAD_ALWAYS_INLINE constexpr auto operator()(std::size_t i) const { return unary_point<Rule>(record, base + i); }
};

/// point(i): a binary node's rule point at element base + i.
template <class Rule, class Record>
struct binary_rule_point {
  const Record& record;
  std::size_t base = 0;
  CTGRAD_ALWAYS_INLINE constexpr auto operator()(std::size_t i) const { return binary_point<Rule>(record, base + i); }
};

/// Operand I (0 lhs, 1 rhs) of a binary node, or of its record.
template <std::size_t I, class Node>
CTGRAD_ALWAYS_INLINE constexpr const auto& operand_of(const Node& node) {
  if constexpr (I == 0) {
    return node.lhs;
  } else {
    return node.rhs;
  }
}

// An adjoint is carried as Factor·value with Factor a compile-time rational: constant factors of
// local derivatives (the 2 of x², the -1 of a - b) multiply the type, not the number, and are
// applied once, where the adjoint fans out to two operands or reaches a variable. For W1 this
// gives the hand-written -2·(y - ŷ) and nothing more. The value is a number or, below a tensor
// node, a tensor; a number below a tensor node stands for every element (the adjoint of sum).
template <class Factor, class V>
struct adjoint {
  V value;
};

template <class Factor, class T>
CTGRAD_ALWAYS_INLINE constexpr T scaled(T v) {
  if constexpr (is_one<Factor>) {
    return v;
  } else if constexpr (std::is_same_v<Factor, rational<-1>>) {
    return -v;
  } else {
    return leaf_value<T>(Factor{}, bindings<>{}) * v;
  }
}

/// An adjoint below a tensor node, computed when read: at_element(k) = base[k]·rule(k). Deposited into a
/// gradient or passed to the next elementwise op, it costs no temporary and no extra loop; where
/// it would be read more than once (a fan-out, a matrix product) it is materialized first.
template <class Tensor, class Element>
struct lazy_product {
  using tensor_type = Tensor;
  Element at_element;
};

template <class V>
inline constexpr bool is_lazy = false;
template <class Tensor, class Element>
inline constexpr bool is_lazy<lazy_product<Tensor, Element>> = true;
template <class Tensor, class Element>
inline constexpr bool is_lazy<const lazy_product<Tensor, Element>*> = true;  // borrowed

/// The adjoint's value with its factor applied: the value itself (borrowed, not copied) when
/// the factor is 1, else a new number or tensor.
template <class Factor, class V>
CTGRAD_ALWAYS_INLINE constexpr decltype(auto) materialize(const adjoint<Factor, V>& a) {
  if constexpr (std::is_pointer_v<V>) {  // a borrowed tensor, or a borrowed lazy product
    if constexpr (is_one<Factor> && !is_lazy<V>) {
      return *a.value;
    } else {
      return materialize(adjoint<Factor, std::remove_cvref_t<decltype(*a.value)>>{*a.value});
    }
  } else if constexpr (is_lazy<V>) {
    typename V::tensor_type result;
    for (std::size_t k = 0; k < V::tensor_type::size; ++k) {
      result.values[k] = scaled<Factor>(element(a.value, k));
    }
    return result;
  } else if constexpr (is_one<Factor>) {
    return (a.value);
  } else if constexpr (!is_tensor<V>) {
    return scaled<Factor>(a.value);
  } else {
    V result;
    for (std::size_t k = 0; k < V::size; ++k) result.values[k] = scaled<Factor>(a.value.values[k]);
    return result;
  }
}

/// The adjoint's value borrowed rather than copied: what an operand receives when its local
/// derivative is a constant (the value is unchanged, only the factor moves). A lazy product is
/// borrowed too: a copy of its closure (a base, a record pointer, an index) was stored field by
/// field and reloaded as one 16-byte block, which the store buffer cannot forward, a stall at
/// every row that made W2's documented call 1.25x the hand-written kernel's time (now 1.10-1.14x).
template <class V>
CTGRAD_ALWAYS_INLINE constexpr auto borrow(const V& value) {
  if constexpr (is_tensor<V> || (is_lazy<V> && !std::is_pointer_v<V>)) {
    return &value;
  } else {
    return value;
  }
}

template <class Adjoint>
struct adjoint_factor_of;
template <class Factor, class V>
struct adjoint_factor_of<adjoint<Factor, V>> {
  using type = Factor;
};
template <class Adjoint>
using adjoint_factor = typename adjoint_factor_of<Adjoint>::type;
template <class Adjoint>
using adjoint_value = decltype(std::declval<Adjoint>().value);

template <class A, class B>
using product_t = decltype(make_rational<A::num * B::num, A::den * B::den>());

// A rule splits into a compile-time factor and the rest that must be computed: c → (c, nothing),
// c·r → (c, r), -r → (-1, r), r → (1, r).
struct nothing {};
template <class Rule>
constexpr auto rule_factor() {
  if constexpr (static_constant<Rule>) {
    return Rule{};
  } else if constexpr (is_scaled<Rule>) {
    return typename Rule::lhs_type{};
  } else if constexpr (is_unary_of<Rule, neg_op>) {
    return rational<-1>{};
  } else {
    return one{};
  }
}
template <class Rule>
constexpr auto rule_rest(const Rule& rule) {
  if constexpr (static_constant<Rule>) {
    return nothing{};
  } else if constexpr (is_scaled<Rule>) {
    return rule.rhs;
  } else if constexpr (is_unary_of<Rule, neg_op>) {
    return rule.arg;
  } else {
    return rule;
  }
}

/// adjoint·rule at one element. A rule that is a unary op with a `times(adjoint, a)` hook (step's:
/// a select) is applied through it, at the operand's value; any other rule is multiplied.
template <class T, class Rest, class Point>
CTGRAD_ALWAYS_INLINE constexpr T times_rule(T adjoint_value, const Rest& rest, const Point& point) {
  if constexpr (requires { Rest::op::times(adjoint_value, adjoint_value); } && is_unary<Rest>) {
    return static_cast<T>(Rest::op::times(adjoint_value, value<T>(rest.arg, point)));
  } else {
    return adjoint_value * value<T>(rest, point);
  }
}

/// The operand's adjoint through an elementwise op: the node's adjoint times the rule at each
/// element, summed over the elements when the operand is a broadcast scalar. point(k) binds the
/// placeholders to the recorded values at element k.
template <class T, class NodeShape, class OperandShape, class Factor, class V, class Rule, class Point>
CTGRAD_ALWAYS_INLINE constexpr auto chain(const adjoint<Factor, V>& a, const Rule& rule, Point point) {
  using factor = product_t<Factor, decltype(rule_factor<Rule>())>;
  const auto rest = rule_rest(rule);
  constexpr bool computed = !std::is_same_v<decltype(rest), const nothing>;
  if constexpr (NodeShape::rank == 0) {
    if constexpr (computed) {
      return adjoint<factor, T>{times_rule<T>(a.value, rest, point(0))};
    } else {
      return adjoint<factor, T>{a.value};
    }
  } else if constexpr (OperandShape::rank > 0) {  // same shape as the node
    if constexpr (computed) {
      const auto base = borrow(a.value);
      const auto at_element = [base, rest, point](std::size_t k) {
        return times_rule<T>(element(base, k), rest, point(k));
      };
      using lazy = lazy_product<value_t<T, NodeShape>, decltype(at_element)>;
      return adjoint<factor, lazy>{lazy{at_element}};
    } else {
      return adjoint<factor, decltype(borrow(a.value))>{borrow(a.value)};
    }
  } else {  // a scalar operand broadcast over the node: its adjoint sums over the elements
    T sum = empty_sum<T>;
    for (std::size_t k = 0; k < NodeShape::size; ++k) {
      if constexpr (computed) {
        sum += times_rule<T>(element(a.value, k), rest, point(k));
      } else {
        sum += element(a.value, k);
      }
    }
    return adjoint<factor, T>{sum};
  }
}

/// target = v (first = true) or target += v, elementwise for tensors; v may be a broadcast scalar.
template <bool First, class Target, class V>
CTGRAD_ALWAYS_INLINE constexpr void deposit(Target& target, const V& v) {
  if constexpr (is_tensor<Target>) {
    for (std::size_t k = 0; k < Target::size; ++k) {
      if constexpr (First) {
        target.values[k] = element(v, k);
      } else {
        target.values[k] += element(v, k);
      }
    }
  } else if constexpr (First) {
    target = v;
  } else {
    target += v;
  }
}

/// Whether the sweep must reach E: E depends on a variable of wrt(...).
template <class Wrt, class E>
inline constexpr bool needs_adjoint = false;
template <class... Variables, class E>
inline constexpr bool needs_adjoint<variable_list<Variables...>, E> = depends_on<E, Variables...>;

/// The list of variables reached once variable V has received its first contribution.
template <class Seen, class V>
using seen_with = std::conditional_t<Seen::template contains<V>, Seen, typename Seen::template append<V>>;
}  // namespace
}  // namespace ctgrad::detail
