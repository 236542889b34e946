// ctgrad/diff/reverse.hpp: value_and_grad and grad, one forward and one backward sweep over f's type.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/diff/depends.hpp>
#include <ctgrad/ops/mul.hpp>  // is_scaled: a rule c·r contributes c to the factor
#include <ctgrad/ops/neg.hpp>

#include <boost/hana/at.hpp>
#include <boost/hana/basic_tuple.hpp>

#include <array>
#include <cstddef>

namespace ctgrad {
/// ∂f/∂v for each v of wrt(...), read as g[x]; fixed-size storage, no heap.
template <class T, class... Variables>
struct gradient {
  std::array<T, sizeof...(Variables)> values{};

  /// The partial derivative with respect to x; x must be one of the wrt(...) variables.
  template <class Variable>
  constexpr T& operator[](Variable) {
    static_assert(detail::one_of<Variable, Variables...>,
                  "ctgrad::gradient::operator[]: this variable is not one of wrt(...).");
    return values[detail::index_of<Variable, Variables...>()];
  }
  template <class Variable>
  constexpr const T& operator[](Variable) const {
    static_assert(detail::one_of<Variable, Variables...>,
                  "ctgrad::gradient::operator[]: this variable is not one of wrt(...).");
    return values[detail::index_of<Variable, Variables...>()];
  }
  static constexpr std::size_t size() { return sizeof...(Variables); }
};

/// What value_and_grad returns: `auto [value, g] = value_and_grad(...)`.
template <class T, class... Variables>
struct value_and_gradient {
  T value;
  gradient<T, Variables...> grad;
};

namespace detail {
// The forward sweep stores every node's value in a record shaped like the expression, so the
// backward sweep reads each value once instead of re-evaluating subtrees. The record is filled
// in place: returning child records by value would copy each subtree once per level above it.
template <class T>
struct leaf_record {
  T value;
};
template <class T, class Arg>
struct unary_record {
  Arg arg;
  T value;
};
template <class T, class Lhs, class Rhs>
struct binary_record {
  Lhs lhs;
  Rhs rhs;
  T value;
};

template <class T, class E>
struct record_of {
  using type = leaf_record<T>;
};
template <class T, class Op, class Arg>
struct record_of<T, unary<Op, Arg>> {
  using type = unary_record<T, typename record_of<T, Arg>::type>;
};
template <class T, class Op, class Lhs, class Rhs>
struct record_of<T, binary<Op, Lhs, Rhs>> {
  using type = binary_record<T, typename record_of<T, Lhs>::type, typename record_of<T, Rhs>::type>;
};

template <class T, class E, class B, class Record>
constexpr void forward(const E& e, const B& point, Record& record) {
  if constexpr (is_unary<E>) {
    forward<T>(e.arg, point, record.arg);
    record.value = static_cast<T>(E::op::eval(record.arg.value));
  } else if constexpr (is_binary<E>) {
    forward<T>(e.lhs, point, record.lhs);
    forward<T>(e.rhs, point, record.rhs);
    record.value = static_cast<T>(E::op::eval(record.lhs.value, record.rhs.value));
  } else {
    record.value = value<T>(e, point);
  }
}

// Placeholders for an op's operands and result: a rule written as an expression of these is
// evaluated on the recorded values, so d and the reverse sweep share one rule.
using first_operand = var<"#0">;
using second_operand = var<"#1">;
using result_value = var<"#2">;

// An adjoint is carried as Factor·value with Factor a compile-time rational: constant factors of
// local derivatives (the 2 of x², the -1 of a - b) multiply the type, not the number, and are
// applied once, where the adjoint fans out to two operands or reaches a variable. For W1 this
// gives the hand-written -2·(y - ŷ) and nothing more.
template <class Factor, class T>
struct adjoint {
  T value;
};

template <class Factor, class T>
constexpr T materialize(adjoint<Factor, T> a) {
  if constexpr (is_one<Factor>) {
    return a.value;
  } else if constexpr (std::is_same_v<Factor, rational<-1>>) {
    return -a.value;
  } else {
    return value<T>(Factor{}, bindings<>{}) * a.value;
  }
}

template <class A, class B>
using product_t = decltype(make_rational<A::num * B::num, A::den * B::den>());

/// The adjoint of an operand: the node's adjoint times the rule's value at the recorded point.
template <class Factor, class T, class Rule, class Point>
constexpr auto chain(adjoint<Factor, T> a, Rule rule, const Point& point) {
  if constexpr (static_constant<Rule>) {
    return adjoint<product_t<Factor, Rule>, T>{a.value};
  } else if constexpr (is_scaled<Rule>) {
    return adjoint<product_t<Factor, typename Rule::lhs_type>, T>{a.value * value<T>(rule.rhs, point)};
  } else if constexpr (is_unary_of<Rule, neg_op>) {
    return adjoint<product_t<Factor, rational<-1>>, T>{a.value * value<T>(rule.arg, point)};
  } else {
    return adjoint<Factor, T>{a.value * value<T>(rule, point)};
  }
}

// The backward sweep threads the list of variables already reached (Seen) through its types: the
// first contribution to a partial is assigned and later ones added, so no `0.0 + x` is left for
// the optimiser, which may not remove it (0.0 + -0.0 is 0.0, not -0.0).
template <class Wrt, class Seen, class E, class Record, class Adjoint, class Gradient>
constexpr auto backward(const E& e, const Record& record, Adjoint adjoint, Gradient& g);
template <class Wrt, class Seen, class E, class Record, class Adjoint, class Gradient>
constexpr auto backward_operands(const E& e, const Record& record, Adjoint adjoint, Gradient& g);

template <class Wrt, class E>
inline constexpr bool needs_adjoint = false;
template <class... Variables, class E>
inline constexpr bool needs_adjoint<variable_list<Variables...>, E> = depends_on<E, Variables...>;

template <class Wrt, class Seen, class Child, class Rule, class Adjoint, class Record, class Point,
          class Gradient>
constexpr auto propagate(const Child& child, const Record& record, Rule rule, Adjoint adjoint,
                         const Point& point, Gradient& g) {
  // A child without wrt variables, or whose local derivative is 0 by type, costs nothing.
  if constexpr (needs_adjoint<Wrt, Child> && !is_zero<Rule>) {
    return backward<Wrt, Seen>(child, record, chain(adjoint, rule, point), g);
  } else {
    return Seen{};
  }
}

template <class Wrt, class Seen, class E, class Record, class Adjoint, class Gradient>
constexpr auto backward(const E& e, const Record& record, Adjoint adjoint, Gradient& g) {
  if constexpr (is_var<E>) {
    if constexpr (Seen::template contains<E>) {
      g[e] += materialize(adjoint);
      return Seen{};
    } else {
      g[e] = materialize(adjoint);
      return typename Seen::template append<E>{};
    }
  } else if constexpr (is_unary<E>) {
    auto rule = E::op::derivative(first_operand{}, result_value{});
    auto point = at(first_operand{} = record.arg.value, result_value{} = record.value);
    return propagate<Wrt, Seen>(e.arg, record.arg, rule, adjoint, point, g);
  } else if constexpr (needs_adjoint<Wrt, typename E::lhs_type> &&
                       needs_adjoint<Wrt, typename E::rhs_type>) {
    // The adjoint fans out: apply its constant factor once here rather than in both operands.
    using T = decltype(adjoint.value);
    return backward_operands<Wrt, Seen>(e, record, detail::adjoint<one, T>{materialize(adjoint)}, g);
  } else {
    return backward_operands<Wrt, Seen>(e, record, adjoint, g);
  }
}

template <class Wrt, class Seen, class E, class Record, class Adjoint, class Gradient>
constexpr auto backward_operands(const E& e, const Record& record, Adjoint adjoint, Gradient& g) {
  auto rules = E::op::partials(first_operand{}, second_operand{}, result_value{});
  auto point = at(first_operand{} = record.lhs.value, second_operand{} = record.rhs.value,
                  result_value{} = record.value);
  using seen_after_lhs = decltype(
      propagate<Wrt, Seen>(e.lhs, record.lhs, boost::hana::at_c<0>(rules), adjoint, point, g));
  propagate<Wrt, Seen>(e.lhs, record.lhs, boost::hana::at_c<0>(rules), adjoint, point, g);
  return propagate<Wrt, seen_after_lhs>(e.rhs, record.rhs, boost::hana::at_c<1>(rules), adjoint,
                                        point, g);
}
}  // namespace detail

/// f's value and its gradient with respect to wrt(...) at the point, in one fused sweep.
template <class E, class... Variables, class... Bindings>
constexpr auto value_and_grad(const E& f, variable_list<Variables...>,
                              const bindings<Bindings...>& point) {
  static_assert(expression<E>,
                "ctgrad::value_and_grad: the first argument must be a ctgrad expression.");
  using T = typename bindings<Bindings...>::value_type;
  using unbound = typename detail::first_unbound<E, bindings<Bindings...>>::type;
  value_and_gradient<T, Variables...> result{};
  if constexpr (!detail::every_variable_bound<unbound>) {
    static_assert(detail::every_variable_bound<unbound>,
                  "ctgrad::value_and_grad: the expression uses a variable that at(...) does not bind.");
    return result;  // the sentence above is the only error
  } else {
    typename detail::record_of<T, E>::type record{};
    detail::forward<T>(f, point, record);
    result.value = record.value;
    if constexpr (detail::depends_on<E, Variables...>) {
      detail::backward<variable_list<Variables...>, detail::type_list<>>(
          f, record, detail::adjoint<one, T>{T{1}}, result.grad);
    }
    return result;
  }
}

/// f's gradient with respect to wrt(...) at the point: value_and_grad without the value.
template <class E, class... Variables, class... Bindings>
constexpr auto grad(const E& f, variable_list<Variables...> variables,
                    const bindings<Bindings...>& point) {
  static_assert(expression<E>, "ctgrad::grad: the first argument must be a ctgrad expression.");
  using unbound = typename detail::first_unbound<E, bindings<Bindings...>>::type;
  if constexpr (!detail::every_variable_bound<unbound>) {
    static_assert(detail::every_variable_bound<unbound>,
                  "ctgrad::grad: the expression uses a variable that at(...) does not bind.");
    return gradient<typename bindings<Bindings...>::value_type, Variables...>{};
  } else {
    return value_and_grad(f, variables, point).grad;
  }
}
}  // namespace ctgrad
