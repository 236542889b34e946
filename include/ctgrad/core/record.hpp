// ctgrad/core/record.hpp: the forward sweep, which records every node's value in a structure
// shaped like the expression; eval and the reverse sweep read it.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/placeholders.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/core/tensor.hpp>
#include <ctgrad/core/var.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
// Records are filled in place: returning child records by value would copy each subtree once
// per level above it. A bound tensor variable is read where it lies (view_record), not copied.
template <class V>
struct leaf_record {
  V value;
};
template <class U>
struct view_record {
  const U* data;
};
template <class V, class Arg>
struct unary_record {
  Arg arg;
  V value;
};
/// The record of an op that records its derivative (relu): the forward sweep keeps relu'(a) = 0
/// or 1 beside relu(a), in its vectorised loop, and the backward sweep multiplies by it. Evaluated
/// in the backward loop instead, the select between the adjoint and 0 becomes a branch per unit
/// (g++ -O2), taken at random, and that loop no longer vectorises; a hand-written layer keeps the
/// 0-or-1 step for the same reason.
template <class V, class Arg>
struct unary_record_with_derivative {
  Arg arg;
  V value;
  V derivative;
};
template <class V, class Lhs, class Rhs>
struct binary_record {
  Lhs lhs;
  Rhs rhs;
  V value;
};

template <class T>
inline constexpr bool is_tensor = false;
template <class T, std::size_t... Extents>
inline constexpr bool is_tensor<tensor<T, Extents...>> = true;

template <class Variable, class U>
U bound_element(const binding<Variable, U>&);  // declared only: names a binding's element type

/// The record of E evaluated in T at a point of type B.
template <class T, class E, class B>
struct record_of {
  using type = leaf_record<T>;
};
template <class T, fixed_string Name, std::size_t First, std::size_t... Rest, class B>
struct record_of<T, var<Name, First, Rest...>, B> {
  using type = view_record<decltype(bound_element<var<Name, First, Rest...>>(std::declval<B>()))>;
};
template <class T, class Op, class Arg, class B>
struct record_of<T, unary<Op, Arg>, B> {
  using value_type = value_t<T, shape_of_t<unary<Op, Arg>>>;
  using arg_type = typename record_of<T, Arg, B>::type;
  using type = std::conditional_t<records_derivative<Op>, unary_record_with_derivative<value_type, arg_type>,
                                  unary_record<value_type, arg_type>>;
};
template <class T, class Op, class Lhs, class Rhs, class B>
struct record_of<T, binary<Op, Lhs, Rhs>, B> {
  using type = binary_record<value_t<T, shape_of_t<binary<Op, Lhs, Rhs>>>,
                             typename record_of<T, Lhs, B>::type, typename record_of<T, Rhs, B>::type>;
};

/// The k-th element of a value, or of the tensor a pointer borrows; a scalar is its own every
/// element (broadcast).
template <class V>
CTGRAD_ALWAYS_INLINE constexpr auto element(const V& v, [[maybe_unused]] std::size_t k) {
  if constexpr (is_tensor<V>) {
    return v.values[k];
  } else if constexpr (std::is_pointer_v<V>) {
    if constexpr (requires { v->at_element(k); }) {  // a borrowed lazy adjoint
      return v->at_element(k);
    } else {
      return v->values[k];
    }
  } else if constexpr (requires { v.at_element(k); }) {  // a lazy adjoint
    return v.at_element(k);
  } else {
    return v;
  }
}

/// Where a sum starts: −0, the exact identity of IEEE addition (−0 + x is x for every x, where
/// +0 + −0 is +0), so the compiler drops the first addition, and a loop runs over every term: a
/// loop whose first term is peeled off has a trip count g++ -O2 does not vectorise.
template <class T>
inline constexpr T empty_sum = -T{0};

/// The k-th element of a recorded node value.
template <class Record>
CTGRAD_ALWAYS_INLINE constexpr auto read(const Record& record, std::size_t k) {
  if constexpr (requires { record.data; }) {
    return record.data[k];
  } else {
    return element(record.value, k);
  }
}

/// Element k of a unary node's value (its only value for a scalar), computed from its operand's
/// and returned; recorded if Keep, and the op's derivative there if it records it.
template <class T, class Op, bool Keep = true, class Record, class A>
CTGRAD_ALWAYS_INLINE constexpr T record_unary(Record& record, [[maybe_unused]] std::size_t k, A a) {
  const auto put = [k](auto& target, T v) {
    if constexpr (requires { target.values; }) {
      target.values[k] = v;
    } else {
      target = v;
    }
  };
  const T v = static_cast<T>(Op::eval(a));
  if constexpr (Keep) put(record.value, v);
  if constexpr (records_derivative<Op>) put(record.derivative, static_cast<T>(Op::recorded_derivative(a)));
  return v;
}

/// The value of a leaf that is not a tensor variable, in type T.
template <class T, class E, class B>
CTGRAD_ALWAYS_INLINE constexpr T leaf_value(const E& e, const B& point) {
  if constexpr (is_var<E>) {
    return static_cast<T>(bound_value<E>(point));
  } else if constexpr (is_constant<E>) {
    return static_cast<T>(e.value);
  } else {
    return static_cast<T>(E::num) / static_cast<T>(E::den);
  }
}

/// Whether E is a tensor node computed element by element (not matmul, sum or transpose).
template <class E>
inline constexpr bool is_elementwise_tensor = false;
template <class Op, class Arg>
inline constexpr bool is_elementwise_tensor<unary<Op, Arg>> =
    !structural_op<Op> && !is_scalar<unary<Op, Arg>>;
template <class Op, class Lhs, class Rhs>
inline constexpr bool is_elementwise_tensor<binary<Op, Lhs, Rhs>> =
    !structural_op<Op> && !is_scalar<binary<Op, Lhs, Rhs>>;

/// Whether E is a node of the elementwise chain's loop that computes one element at a time
/// without being elementwise: a structural op that says how (matrix·vector does, row by row).
template <class E>
inline constexpr bool computes_elements = false;
template <class Op, class Lhs, class Rhs>
inline constexpr bool computes_elements<binary<Op, Lhs, Rhs>> = [] {
  if constexpr (requires { Op::template computes_elements<shape_of_t<Lhs>, shape_of_t<Rhs>>; }) {
    return Op::template computes_elements<shape_of_t<Lhs>, shape_of_t<Rhs>>;
  } else {
    return false;
  }
}();

/// Whether E is a product that sums one term per element of its right operand, and that operand
/// is computed element by element: an output layer w·relu(W·x + b), summed in the layer's loop.
template <class E>
inline constexpr bool sums_over_loop = false;
template <class Op, class Arg>
inline constexpr bool sums_over_loop<unary<Op, Arg>> = [] {
  if constexpr (requires { Op::template sums_terms<shape_of_t<Arg>>; }) {
    return Op::template sums_terms<shape_of_t<Arg>> && (is_elementwise_tensor<Arg> || computes_elements<Arg>);
  } else {
    return false;
  }
}();
template <class Op, class Lhs, class Rhs>
inline constexpr bool sums_over_loop<binary<Op, Lhs, Rhs>> = [] {
  if constexpr (requires { Op::template sums_terms<shape_of_t<Lhs>, shape_of_t<Rhs>>; }) {
    return Op::template sums_terms<shape_of_t<Lhs>, shape_of_t<Rhs>> &&
           (is_elementwise_tensor<Rhs> || computes_elements<Rhs>);
  } else {
    return false;
  }
}();

/// Records E's value and its nodes' values at the point, bottom-up; returns a scalar E's value.
/// A scalar node's value is recorded only if Keep (what uses it reads it from the record) or its
/// rule reads it; a tensor's always.
template <class T, bool Keep = true, class E, class B, class Record>
constexpr auto forward(const E& e, const B& point, Record& record);

// A chain of elementwise tensor nodes, relu(W·x + b), is computed in one loop: first everything
// below it that is not elementwise (the frontier: W·x, the bound b), then element by element
// through the chain, each node's value still recorded for the backward sweep.
template <class T, class E, class B, class Record>
CTGRAD_ALWAYS_INLINE constexpr void forward_frontier(const E& e, const B& point, Record& record);

/// forward_frontier below an elementwise chain, forward everywhere else.
template <class T, class Child, class B, class Record>
CTGRAD_ALWAYS_INLINE constexpr void forward_child(const Child& child, const B& point, Record& record) {
  if constexpr (is_elementwise_tensor<Child>) {
    forward_frontier<T>(child, point, record);
  } else if constexpr (sums_over_loop<Child>) {  // a loop of its own, whole before the chain's
    forward<T>(child, point, record);
  } else if constexpr (computes_elements<Child>) {  // its operands now, its elements in the loop
    forward<T>(child.lhs, point, record.lhs);
    forward<T>(child.rhs, point, record.rhs);
  } else {
    forward<T>(child, point, record);
  }
}

template <class T, class E, class B, class Record>
CTGRAD_ALWAYS_INLINE constexpr void forward_frontier(const E& e, const B& point, Record& record) {
  if constexpr (is_unary<E>) {
    forward_child<T>(e.arg, point, record.arg);
  } else {
    forward_child<T>(e.lhs, point, record.lhs);
    forward_child<T>(e.rhs, point, record.rhs);
  }
}

/// Whether the backward sweep reads operand I's value, or (I = result) E's own, from the record.
inline constexpr std::size_t result = 2;
template <class E, std::size_t I>
inline constexpr bool rule_reads = false;
template <class Op, class Arg, std::size_t I>
inline constexpr bool rule_reads<unary<Op, Arg>, I> =
    unary_rule_reads<Op, std::conditional_t<I == result, result_value, first_operand>>;
// The partial of an operand that is a constant (the 1/N of c·f) is never evaluated.
template <class Op, class Lhs, class Rhs, std::size_t I>
inline constexpr bool rule_reads<binary<Op, Lhs, Rhs>, I> = [] {
  using placeholder = std::conditional_t<I == result, result_value,
                                         std::conditional_t<I == 0, first_operand, second_operand>>;
  return (!static_constant<Lhs> && !is_constant<Lhs> && depends_on<decltype(binary_rule_of<Op, 0>()), placeholder>) ||
         (!static_constant<Rhs> && !is_constant<Rhs> && depends_on<decltype(binary_rule_of<Op, 1>()), placeholder>);
}();

template <class T, bool Keep, class E, class Record>
CTGRAD_ALWAYS_INLINE constexpr T forward_element(const E& e, Record& record, std::size_t k);

/// Element k of an operand of a chain's node: computed in the loop if it is in the chain (and
/// recorded if Keep), else read from the record.
template <class T, bool Keep, class C, class Record>
CTGRAD_ALWAYS_INLINE constexpr auto operand_element(const C& c, Record& record, std::size_t k) {
  if constexpr (is_elementwise_tensor<C> || computes_elements<C>) {
    return forward_element<T, Keep>(c, record, k);
  } else {
    return read(record, k);
  }
}

/// Element k of a node of an elementwise chain, computed from its operands' elements and returned.
/// It is recorded if Keep (what uses it after the loop reads it) or if its own rule reads it; an
/// operand's element only if E's rule reads it: a store nothing reads would stay in the loop.
template <class T, bool Keep, class E, class Record>
CTGRAD_ALWAYS_INLINE constexpr T forward_element(const E& e, Record& record, std::size_t k) {
  if constexpr (sums_over_loop<E>) {
    return static_cast<T>(read(record, k));  // computed whole by forward_child
  } else if constexpr (computes_elements<E>) {
    const T v = static_cast<T>(
        E::op::template element_at<shape_of_t<typename E::lhs_type>, shape_of_t<typename E::rhs_type>>(
            record.lhs, record.rhs, k));
    if constexpr (Keep) record.value.values[k] = v;
    return v;
  } else if constexpr (is_unary<E>) {
    const auto a = operand_element<T, rule_reads<E, 0>>(e.arg, record.arg, k);
    return record_unary<T, typename E::op, Keep || rule_reads<E, result>>(record, k, a);
  } else {
    const auto a = operand_element<T, rule_reads<E, 0>>(e.lhs, record.lhs, k);
    const auto b = operand_element<T, rule_reads<E, 1>>(e.rhs, record.rhs, k);
    const T v = static_cast<T>(E::op::eval(a, b));
    if constexpr (Keep || rule_reads<E, result>) record.value.values[k] = v;
    return v;
  }
}

/// v, recorded as the node's value if Keep.
template <bool Keep, class Record, class T>
CTGRAD_ALWAYS_INLINE constexpr T keep_value(Record& record, T v) {
  if constexpr (Keep) record.value = v;
  return v;
}

template <class T, bool Keep, class E, class B, class Record>
CTGRAD_ALWAYS_INLINE constexpr auto forward(const E& e, const B& point, Record& record) {
  if constexpr (requires { record.data; }) {
    record.data = bound_value<E>(point);
  } else if constexpr (is_elementwise_tensor<E>) {
    forward_frontier<T>(e, point, record);
    for (std::size_t k = 0; k < shape_of_t<E>::size; ++k) forward_element<T, true>(e, record, k);
  } else if constexpr (sums_over_loop<E> && is_unary<E>) {
    using arg_shape = shape_of_t<typename E::arg_type>;
    forward_child<T>(e.arg, point, record.arg);
    auto sum = empty_sum<T>;
    for (std::size_t p = 0; p < arg_shape::size; ++p) {
      sum += E::op::template term_at<arg_shape>(
          forward_element<T, E::op::adjoint_reads_operands>(e.arg, record.arg, p), p);
    }
    return keep_value<Keep>(record, static_cast<T>(sum));
  } else if constexpr (sums_over_loop<E>) {
    using lhs_shape = shape_of_t<typename E::lhs_type>;
    using rhs_shape = shape_of_t<typename E::rhs_type>;
    forward<T>(e.lhs, point, record.lhs);
    forward_child<T>(e.rhs, point, record.rhs);
    auto sum = empty_sum<T>;
    for (std::size_t p = 0; p < rhs_shape::size; ++p) {
      sum += E::op::template term_at<lhs_shape, rhs_shape>(
          record.lhs, forward_element<T, E::op::adjoint_reads_operands>(e.rhs, record.rhs, p), p);
    }
    record.value.values[0] = static_cast<T>(sum);
  } else if constexpr (is_unary<E>) {
    if constexpr (structural_op<typename E::op> && is_scalar<E>) {  // sum
      forward<T>(e.arg, point, record.arg);
      T value;
      E::op::template forward<shape_of_t<typename E::arg_type>>(record.arg, value);
      return keep_value<Keep>(record, value);
    } else if constexpr (structural_op<typename E::op>) {
      forward<T>(e.arg, point, record.arg);
      E::op::template forward<shape_of_t<typename E::arg_type>>(record.arg, record.value);
    } else {  // a scalar: an elementwise tensor node is a loop of its own, above
      const T a = forward<T, rule_reads<E, 0>>(e.arg, point, record.arg);
      return record_unary<T, typename E::op, Keep || rule_reads<E, result>>(record, 0, a);
    }
  } else if constexpr (is_binary<E>) {
    if constexpr (structural_op<typename E::op>) {
      forward<T>(e.lhs, point, record.lhs);
      forward<T>(e.rhs, point, record.rhs);
      using lhs_shape = shape_of_t<typename E::lhs_type>;
      using rhs_shape = shape_of_t<typename E::rhs_type>;
      if constexpr (is_scalar<E>) {
        T value;
        E::op::template forward<lhs_shape, rhs_shape>(record.lhs, record.rhs, value);
        return keep_value<Keep>(record, value);
      } else {
        E::op::template forward<lhs_shape, rhs_shape>(record.lhs, record.rhs, record.value);
      }
    } else {  // a scalar: an elementwise tensor node is a loop of its own, above
      const T a = forward<T, rule_reads<E, 0>>(e.lhs, point, record.lhs);
      const T b = forward<T, rule_reads<E, 1>>(e.rhs, point, record.rhs);
      return keep_value<Keep || rule_reads<E, result>>(record, static_cast<T>(E::op::eval(a, b)));
    }
  } else {
    return keep_value<Keep>(record, leaf_value<T>(e, point));
  }
}
}  // namespace
}  // namespace ctgrad::detail
