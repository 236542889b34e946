// ctgrad/diff/reverse.hpp: value_and_grad and grad, one forward and one backward sweep over f's type.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/dataset.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/op_rules.hpp>
#include <ctgrad/core/record.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/diff/adjoint.hpp>
#include <ctgrad/diff/backward_loop.hpp>
#include <ctgrad/diff/flat_reverse.hpp>
#include <ctgrad/core/depends.hpp>
#include <ctgrad/ops/add.hpp>  // row_split recombines terms
#include <ctgrad/ops/mul.hpp>  // each row's share 1/N
#include <ctgrad/ops/sub.hpp>

#include <boost/hana/at.hpp>
#include <boost/hana/basic_tuple.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ctgrad {
/// What value_and_grad returns: `auto [value, g] = value_and_grad(...)`.
template <class T, class... Variables>
struct value_and_gradient {
  T value;
  gradient<T, Variables...> grad;
};

namespace detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
// The backward sweep threads the list of variables already reached (Seen) through its types: the
// first contribution to a partial is assigned and later ones added, so no `0.0 + x` is left for
// the optimiser, which may not remove it (0.0 + -0.0 is 0.0, not -0.0).
template <class T, class Wrt, class Seen, class E, class Record, class Adjoint, class Gradient>
constexpr auto backward(const E& e, const Record& record, const Adjoint& adjoint, Gradient& g);
template <std::size_t I, class T, class Wrt, class Seen, class E, class Record, class Adjoint,
          class Gradient>
constexpr auto backward_operand(const E& e, const Record& record, const Adjoint& adjoint,
                                Gradient& g);

/// The adjoint both operands of a binary node receive. Where it fans out, its constant factor is
/// applied, and a lazy product computed, once here rather than in both operands; a tensor is
/// filled in place (storage, in the caller's frame), not returned: a returned tensor was copied
/// once more by g++. Otherwise it is the node's adjoint itself.
template <bool FansOut, class Adjoint, class Storage>
CTGRAD_ALWAYS_INLINE constexpr decltype(auto) shared_adjoint(const Adjoint& a, Storage& storage) {
  if constexpr (!FansOut) {
    return (a);
  } else if constexpr (is_tensor<Storage>) {
    for (std::size_t k = 0; k < Storage::size; ++k) {
      storage.values[k] = scaled<adjoint_factor<Adjoint>>(element(a.value, k));
    }
    return adjoint<one, const Storage*>{&storage};
  } else {
    return adjoint<one, std::remove_cvref_t<decltype(materialize(a))>>{materialize(a)};
  }
}

// Where a scalar node of a sparse_op (core/op_rules.hpp) has the local derivative 0 at run time,
// the tree sweep skips the operand's subtree, as hand-written code does for a hinge that is not
// active; a partial never reached stays 0. Tensor nodes do not branch: that would stop
// vectorisation.

template <class T, class Wrt, class Seen, class E, class Record, class Adjoint, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto backward(const E& e, const Record& record, const Adjoint& adjoint, Gradient& g) {
  if constexpr (is_var<E>) {
    deposit<!Seen::template contains<E>>(value_of<E>(g), materialize(adjoint));
    if constexpr (Seen::template contains<E>) {
      return Seen{};
    } else {
      return typename Seen::template append<E>{};
    }
  } else if constexpr (starts_loop<E>) {  // a layer: one loop over its units
    return backward_loop<T, Wrt, Seen>(e, record, adjoint, g);
  } else if constexpr (starts_column_loop<Wrt, E>) {  // an output layer W·h
    return backward_columns<T, Wrt, Seen>(e, record, adjoint, g);
  } else if constexpr (is_unary<E>) {
    if constexpr (!needs_adjoint<Wrt, typename E::arg_type>) {
      return Seen{};
    } else if constexpr (structural_op<typename E::op>) {
      const auto& delta = materialize(adjoint);
      using operand_shape = shape_of_t<typename E::arg_type>;
      if constexpr (requires { E::op::template adjoint<operand_shape>(delta, record.arg); }) {
        const auto operand = E::op::template adjoint<operand_shape>(delta, record.arg);
        return backward<T, Wrt, Seen>(e.arg, record.arg, detail::adjoint<one, decltype(borrow(operand))>{borrow(operand)}, g);
      } else if constexpr (is_var<typename E::arg_type>) {  // write straight into the gradient
        constexpr bool seen = Seen::template contains<typename E::arg_type>;
        E::op::template adjoint_into<operand_shape, seen>(delta, record.arg, value_of<typename E::arg_type>(g));
        return std::conditional_t<seen, Seen, typename Seen::template append<typename E::arg_type>>{};
      } else {
        value_t<T, operand_shape> operand;
        E::op::template adjoint_into<operand_shape, false>(delta, record.arg, operand);
        return backward<T, Wrt, Seen>(e.arg, record.arg, detail::adjoint<one, decltype(borrow(operand))>{borrow(operand)}, g);
      }
    } else {
      const auto rule = unary_rule_of<typename E::op>();
      if constexpr (is_zero<decltype(rule)>) {
        return Seen{};
      } else {
        const unary_rule_point<decltype(rule), Record> point{record};
        const auto operand =
            chain<T, shape_of_t<E>, shape_of_t<typename E::arg_type>>(adjoint, rule, point);
        if constexpr (sparse_op<typename E::op> && is_scalar<E>) {
          using seen_after = decltype(backward<T, Wrt, Seen>(e.arg, record.arg, operand, g));
          if (all_zero(operand.value)) return seen_after{};
        }
        return backward<T, Wrt, Seen>(e.arg, record.arg, operand, g);
      }
    }
  } else {
    // Both operands here, not in a function of their own: each function between a node and its
    // operands' is one more level of template instantiation (the return type is deduced).
    constexpr bool fans_out = needs_adjoint<Wrt, typename E::lhs_type> &&
                              needs_adjoint<Wrt, typename E::rhs_type> &&
                              (!is_one<adjoint_factor<Adjoint>> || is_lazy<adjoint_value<Adjoint>>);
    using V = std::remove_cvref_t<decltype(materialize(adjoint))>;
    [[maybe_unused]] std::conditional_t<fans_out && is_tensor<V>, V, nothing> storage;
    const auto& shared = shared_adjoint<fans_out>(adjoint, storage);
    using seen_after_lhs = decltype(backward_operand<0, T, Wrt, Seen>(e, record, shared, g));
    backward_operand<0, T, Wrt, Seen>(e, record, shared, g);
    return backward_operand<1, T, Wrt, seen_after_lhs>(e, record, shared, g);
  }
}

/// The adjoint of operand I (0 lhs, 1 rhs) of the binary node E, then the sweep below it.
template <std::size_t I, class T, class Wrt, class Seen, class E, class Record, class Adjoint,
          class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto backward_operand(const E& e, const Record& record, const Adjoint& adjoint,
                                Gradient& g) {
  using operand_type = std::conditional_t<I == 0, typename E::lhs_type, typename E::rhs_type>;
  const auto& operand = operand_of<I>(e);
  const auto& operand_record = operand_of<I>(record);
  if constexpr (!needs_adjoint<Wrt, operand_type>) {
    return Seen{};
  } else if constexpr (structural_op<typename E::op>) {
    const auto& delta = materialize(adjoint);
    using lhs_shape = shape_of_t<typename E::lhs_type>;
    using rhs_shape = shape_of_t<typename E::rhs_type>;
    if constexpr (is_var<operand_type>) {  // write straight into the gradient
      constexpr bool seen = Seen::template contains<operand_type>;
      E::op::template adjoint_into<I, lhs_shape, rhs_shape, seen>(delta, record.lhs, record.rhs,
                                                                 value_of<operand_type>(g));
      return std::conditional_t<seen, Seen, typename Seen::template append<operand_type>>{};
    } else {
      value_t<T, shape_of_t<operand_type>> value;
      E::op::template adjoint_into<I, lhs_shape, rhs_shape, false>(delta, record.lhs, record.rhs,
                                                                  value);
      return backward<T, Wrt, Seen>(operand, operand_record,
                                    detail::adjoint<one, decltype(borrow(value))>{borrow(value)}, g);
    }
  } else {
    const auto rule = binary_rule_of<typename E::op, I>();
    if constexpr (is_zero<decltype(rule)>) {
      return Seen{};
    } else {
      const binary_rule_point<decltype(rule), Record> point{record};
      const auto operand_adjoint =
          chain<T, shape_of_t<E>, shape_of_t<operand_type>>(adjoint, rule, point);
      if constexpr (sparse_op<typename E::op> && is_scalar<E>) {
        using seen_after = decltype(backward<T, Wrt, Seen>(operand, operand_record, operand_adjoint, g));
        if (all_zero(operand_adjoint.value)) return seen_after{};
      }
      return backward<T, Wrt, Seen>(operand, operand_record, operand_adjoint, g);
    }
  }
}

}  // namespace
}  // namespace detail

/// f's value and its gradient with respect to wrt(...) at the point, in one fused sweep.
template <class E, class... Variables, class... Bindings>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto value_and_grad(const E& f, variable_list<Variables...>,
                              const bindings<Bindings...>& point) {
  static_assert(expression<E>,
                "ctgrad::value_and_grad: the first argument must be a ctgrad expression.");
  using T = typename bindings<Bindings...>::value_type;
  using unbound = typename detail::first_unbound<E, bindings<Bindings...>>::type;
  value_and_gradient<T, Variables...> result{};
  if constexpr (!detail::names_agree_in<E>) {
    static_assert(detail::one_shape_per_name<detail::clash_in_t<E>>,
                  "ctgrad::value_and_grad: two variables with one name have different shapes; give each "
                  "variable its own name.");
    return result;  // the sentence above is the only error
  } else if constexpr (!detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>) {
    static_assert(detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>,
                  "ctgrad::value_and_grad: an op of the expression lacks a rule; give its tag eval(a) and "
                  "derivative(a, result) (for two operands, eval(a, b) and partials(a, b, result)), "
                  "as docs/adding-an-op.md shows.");
    return result;  // the sentence above is the only error
  } else if constexpr (!detail::every_variable_bound<unbound>) {
    static_assert(detail::every_variable_bound<unbound>,
                  "ctgrad::value_and_grad: the expression uses a variable that at(...) does not bind.");
    return result;  // the sentence above is the only error
  } else if constexpr (!detail::is_scalar<E>) {
    static_assert(detail::is_scalar<E>,
                  "ctgrad::value_and_grad: the expression must be a scalar; reduce a tensor "
                  "with sum, mean or dot.");
    return result;  // the sentence above is the only error
  } else if constexpr (detail::flat_sweepable<E>) {
    result.value = detail::flat_value_and_grad<false, T>(f, variable_list<Variables...>{}, point, result.grad);
    return result;
  } else {
    typename detail::record_of<T, E, bindings<Bindings...>>::type record;  // forward fills it
    result.value = detail::forward<T, false>(f, point, record);  // f's value need not be stored
    if constexpr (detail::depends_on<E, Variables...>) {
      detail::backward<T, variable_list<Variables...>, detail::type_list<>>(
          f, record, detail::adjoint<one, T>{T{1}}, result.grad);
    }
    return result;
  }
}

/// f's gradient with respect to wrt(...) at the point: value_and_grad without the value.
template <class E, class... Variables, class... Bindings>
CTGRAD_ALWAYS_INLINE constexpr auto grad(const E& f, variable_list<Variables...> variables,
                    const bindings<Bindings...>& point) {
  static_assert(expression<E>, "ctgrad::grad: the first argument must be a ctgrad expression.");
  using unbound = typename detail::first_unbound<E, bindings<Bindings...>>::type;
  if constexpr (!detail::names_agree_in<E>) {
    static_assert(detail::one_shape_per_name<detail::clash_in_t<E>>,
                  "ctgrad::grad: two variables with one name have different shapes; give each "
                  "variable its own name.");
    return gradient<typename bindings<Bindings...>::value_type, Variables...>{};  // the sentence above is the only error
  } else if constexpr (!detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>) {
    static_assert(detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>,
                  "ctgrad::grad: an op of the expression lacks a rule; give its tag eval(a) and "
                  "derivative(a, result) (for two operands, eval(a, b) and partials(a, b, result)), "
                  "as docs/adding-an-op.md shows.");
    return gradient<typename bindings<Bindings...>::value_type, Variables...>{};  // the sentence above is the only error
  } else if constexpr (!detail::every_variable_bound<unbound>) {
    static_assert(detail::every_variable_bound<unbound>,
                  "ctgrad::grad: the expression uses a variable that at(...) does not bind.");
    return gradient<typename bindings<Bindings...>::value_type, Variables...>{};
  } else {
    return value_and_grad(f, variables, point).grad;
  }
}
// accumulate_grad(f, wrt(xs...), at(bs...), g)

namespace detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// f's value at point in T, swept on its tree, with ∂f/∂v added into g's partial of each v of
/// Variables: every variable counts as reached already, so each contribution is added. g is a
/// gradient, or the sweep in lanes' lane_gradient, whose partials are of two kinds.
template <class T, class... Variables, class E, class Point, class Gradient>
CTGRAD_ALWAYS_INLINE constexpr T tree_accumulate(const E& f, const Point& point, Gradient& g) {
  typename record_of<T, E, Point>::type record;  // forward fills it
  const T value = forward<T, false>(f, point, record);  // f's value need not be stored
  if constexpr (depends_on<E, Variables...>) {
    backward<T, variable_list<Variables...>, type_list<Variables...>>(f, record, adjoint<one, T>{T{1}}, g);
  }
  return value;
}
}  // namespace
}  // namespace detail

/// Adds ∂f/∂v at the point into g[v] for each v of wrt(...) and returns f's value: the step of a
/// loop over rows, with no per-row gradient to zero or copy.
template <class E, class... Variables, class... Bindings, class T>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr T accumulate_grad(const E& f, variable_list<Variables...>,
                                                 const bindings<Bindings...>& point,
                                                 gradient<T, Variables...>& sum) {
  using unbound = typename detail::first_unbound<E, bindings<Bindings...>>::type;
  if constexpr (!detail::names_agree_in<E>) {
    static_assert(detail::one_shape_per_name<detail::clash_in_t<E>>,
                  "ctgrad::accumulate_grad: two variables with one name have different shapes; give each "
                  "variable its own name.");
    return T{};  // the sentence above is the only error
  } else if constexpr (!detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>) {
    static_assert(detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>,
                  "ctgrad::accumulate_grad: an op of the expression lacks a rule; give its tag eval(a) and "
                  "derivative(a, result) (for two operands, eval(a, b) and partials(a, b, result)), "
                  "as docs/adding-an-op.md shows.");
    return T{};  // the sentence above is the only error
  } else if constexpr (!detail::every_variable_bound<unbound>) {
    static_assert(detail::every_variable_bound<unbound>,
                  "ctgrad::accumulate_grad: the expression uses a variable that at(...) does not bind.");
    return T{};  // the sentence above is the only error
  } else if constexpr (!detail::is_scalar<E>) {
    static_assert(detail::is_scalar<E>,
                  "ctgrad::accumulate_grad: the expression must be a scalar; reduce a tensor "
                  "with sum, mean or dot.");
    return T{};  // the sentence above is the only error
  } else if constexpr (detail::flat_sweepable<E>) {
    return detail::flat_value_and_grad<true, T>(f, variable_list<Variables...>{}, point, sum);
  } else {
    return detail::tree_accumulate<T, Variables...>(f, point, sum);
  }
}

// value_and_grad(f, params, data)

namespace detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// The terms of f that the rows reach and those they do not, as f = row + invariant; either may
/// be zero. Only sums and differences at f's top are split: the mean over the rows of
/// row(i) + invariant is mean(row) + invariant, so an L2 penalty or a prior is computed once per
/// call rather than once per row.
template <class Row, class Invariant>
struct row_split {
  Row row;
  Invariant invariant;
};

template <class... RowVariables, class E>
constexpr auto split_rows(const E& e) {
  if constexpr (!depends_on<E, RowVariables...>) {
    return row_split<zero, E>{{}, e};
  } else if constexpr (is_binary_of<E, add_op> || is_binary_of<E, sub_op>) {
    const auto left = split_rows<RowVariables...>(e.lhs);
    const auto right = split_rows<RowVariables...>(e.rhs);
    if constexpr (is_binary_of<E, add_op>) {
      return row_split<decltype(left.row + right.row), decltype(left.invariant + right.invariant)>{
          left.row + right.row, left.invariant + right.invariant};
    } else {
      return row_split<decltype(left.row - right.row), decltype(left.invariant - right.invariant)>{
          left.row - right.row, left.invariant - right.invariant};
    }
  } else {
    return row_split<E, zero>{e, {}};
  }
}

/// point(row, indices): the parameters and one row's bindings (a tuple), bound by at(...).
template <class Params>
struct row_point {
  const Params& params;
  template <class Row, std::size_t... I>
  CTGRAD_ALWAYS_INLINE constexpr auto operator()(const Row& row, std::index_sequence<I...>) const {
    return at(params, std::get<I>(row)...);
  }
};

/// accumulate(row, indices): accumulate_grad of f at the parameters and one row's bindings (a
/// tuple), into g. A named type with its own index expansion rather than a lambda under
/// std::apply, so that all of it is forced inline: the row loop's body is the whole sweep, which
/// the inliner would otherwise leave as a call to the lambda or to std::__invoke.
template <class E, class Params, class T, class... Variables>
struct row_accumulator {
  const E& f;
  const Params& params;
  gradient<T, Variables...>& g;
  template <class Row, std::size_t... I>
  CTGRAD_ALWAYS_INLINE constexpr T operator()(const Row& row, std::index_sequence<I...>) const {
    const row_point<Params> point{params};
    return accumulate_grad(f, variable_list<Variables...>{}, point(row, std::index_sequence<I...>{}), g);
  }
};

/// Whether the node's op says its rules hold in lanes (`static constexpr bool lane_wise = true`:
/// its branches are select, its functions found by argument-dependent lookup); leaves do.
template <class E>
struct lane_wise_node : std::true_type {};
template <class Op, class Arg>
struct lane_wise_node<unary<Op, Arg>> : std::bool_constant<requires { requires Op::lane_wise; }> {};
template <class Op, class Lhs, class Rhs>
struct lane_wise_node<binary<Op, Lhs, Rhs>> : std::bool_constant<requires { requires Op::lane_wise; }> {};
template <class G>
struct lane_wise_graph;
template <class... Nodes, std::size_t Payloads, class Reversed, class Map, class Pieces>
struct lane_wise_graph<flat_graph<node_list<Nodes...>, Payloads, Reversed, Map, Pieces>>
    : std::bool_constant<all_true<lane_wise_node<typename Nodes::expression_type>::value...>> {};
/// Whether value_and_grad(loss, params, data) sweeps E in lanes: every op of E is lane_wise.
template <class E>
concept sweeps_in_lanes = lane_wise_graph<graph_t<E>>::value;

/// The binding of V to its value in lanes L: at(...) takes numbers only (var::operator=), so the
/// lane sweep binds its own.
template <class V, class L, class Value>
CTGRAD_ALWAYS_INLINE constexpr auto lane_binding(const Value& value) {
  if constexpr (V::shape_type::rank == 0) {
    return binding<V, L>{value};
  } else {
    return binding<V, L>{value.values.data()};
  }
}

/// Rows of a data set held as lanes (core/lanes.hpp): each column's value for B rows, row k of
/// the block in lane k, and the bindings of the block to them.
template <class L, class... Columns>
struct lane_rows {
  std::tuple<value_t<L, typename Columns::variable_type::shape_type>...> values;

  /// Rows [first, first + count) of view into the lanes, count ≤ B; the lanes after them repeat
  /// the block's last row, so that they hold finite numbers (their share of the mean is 0).
  CTGRAD_ALWAYS_INLINE constexpr void gather(const row_view<Columns...>& view, std::size_t first, std::size_t count) {
    for (std::size_t k = 0; k < L::width; ++k) {
      const auto row = view.row(first + (k < count ? k : count - 1));
      [&]<std::size_t... I>(std::index_sequence<I...>) {
        in_order{(into_lane(std::get<I>(row), std::get<I>(values), k), 0)..., 0};
      }(std::index_sequence_for<Columns...>{});
    }
  }
  template <class Binding, class Value>
  CTGRAD_ALWAYS_INLINE static constexpr void into_lane(const Binding& bound, Value& value, std::size_t k) {
    if constexpr (requires { bound.data; }) {
      for (std::size_t j = 0; j < Value::size; ++j) value.values[j].lane[k] = bound.data[j];
    } else {
      value.lane[k] = bound.value;
    }
  }
  /// The block's bindings, one per column, referring to these lanes.
  template <std::size_t... I>
  CTGRAD_ALWAYS_INLINE constexpr auto bindings(std::index_sequence<I...>) const {
    return std::tuple{lane_binding<typename Columns::variable_type, L>(std::get<I>(values))...};
  }
};

/// Whether the sweep in lanes L keeps V once instead of once per lane: a tensor variable whose
/// copy per lane would take more than 64 KiB, more than a core's L1 data cache (a 64×64 matrix of
/// doubles in lanes of 4 takes 128 KiB; W3's 16×16 one 8 KiB). Such a variable is read where the
/// parameters hold it, each read times a pack of lanes (lanes' T·lanes product), and its partials
/// are summed across the lanes as they are collected (lane_total). Its copies and their partials
/// would also live on the stack, B times its size each: a 512×512 layer's 16 MiB overflowed a
/// thread's 8 MiB. Below the limit a copy per lane is faster: it saves a broadcast at every read
/// and a sum at every partial (docs/guide/scaling.md, "Wide layers").
template <class V, class L>
inline constexpr bool kept_once = V::shape_type::rank > 0 && V::shape_type::size * sizeof(L) > 64 * 1024;

/// A parameter's numbers in lanes: each number in every lane, or nothing for one kept_once.
template <class V, class L, bool Once = kept_once<V, L>>
struct lane_copy {
  value_t<L, typename V::shape_type> value;
};
template <class V, class L>
struct lane_copy<V, L, true> {};

/// The parameters as the sweep in lanes reads them (lane_copy of each).
template <class L, class... Variables>
struct lane_parameters : lane_copy<Variables, L>... {};

/// The partials the sweep in lanes collects: a number per lane for a variable it copies, the
/// lanes' sum (lane_total) for one kept_once.
template <class V, class L>
using lane_partial = std::conditional_t<kept_once<V, L>, lane_total<typename L::value_type, L::width>, L>;
template <class L, class... Variables>
struct lane_gradient : slot<Variables, lane_partial<Variables, L>>... {};

/// The parameters into lanes: each number of a copied variable in every lane.
template <class L, class T, class... Variables>
CTGRAD_ALWAYS_INLINE constexpr void broadcast_into(const variable_values<T, Variables...>& from,
                                                   lane_parameters<L, Variables...>& to) {
  const auto into = [&]<class V>(V) {
    if constexpr (!kept_once<V, L>) {
      for_each_number([](L& lane, const T& number) { lane = L(number); },
                      static_cast<lane_copy<V, L>&>(to).value, value_of<V>(from));
    }
  };
  in_order{(into(Variables{}), 0)..., 0};
}

/// The same from a view of parameters in the caller's memory, read in copy_to's order.
template <class L, class T, class... Variables>
CTGRAD_ALWAYS_INLINE constexpr void broadcast_into(const variable_values_view<T, Variables...>& from,
                                                   lane_parameters<L, Variables...>& to) {
  const T* number = from.data();
  const auto into = [&]<class V>(V) {
    if constexpr (kept_once<V, L>) {
      number += V::shape_type::size;
    } else {
      for_each_number([&](L& lane) { lane = L(*number++); }, static_cast<lane_copy<V, L>&>(to).value);
    }
  };
  in_order{(into(Variables{}), 0)..., 0};
}

/// V's binding in the sweep in lanes: to its lanes, or, kept_once, to its numbers in the
/// parameters (of the bindings params_bindings, which at(params) would make).
template <class V, class L, class ParamsBindings>
CTGRAD_ALWAYS_INLINE constexpr auto lane_parameter_binding([[maybe_unused]] const lane_copy<V, L>& copy,
                                                           [[maybe_unused]] const ParamsBindings& params_bindings) {
  if constexpr (kept_once<V, L>) {
    return std::get<binding<V, typename L::value_type>>(params_bindings);
  } else {
    return lane_binding<V, L>(copy.value);
  }
}

/// The sum of the lanes of every partial of from, added into to.
template <class L, class T, class... Variables>
CTGRAD_ALWAYS_INLINE constexpr void add_lane_sums(const lane_gradient<L, Variables...>& from,
                                                  variable_values<T, Variables...>& to) {
  const auto add = []<class Partial>(T& sum, const Partial& partial) {
    if constexpr (is_lanes<Partial>) {
      sum += partial.sum();
    } else {
      sum += partial.value;
    }
  };
  in_order{(for_each_number(add, value_of<Variables>(to), value_of<Variables>(from)), 0)..., 0};
}

/// The rows' mean of row_part and its gradient, B rows per sweep in lanes<T, B>: the parameters
/// are broadcast into lanes once per call (those kept_once are read in place), each block of rows
/// is gathered into lanes and swept once, and the lanes' gradients are added up once at the end.
/// Each row's share 1/N is the adjoint its lane enters the sweep with; the lanes past the last
/// row have share 0, so they add nothing.
template <class T, class... Variables, class RowPart, class Params, class... Columns>
CTGRAD_ALWAYS_INLINE constexpr void lane_mean_value_and_grad(const RowPart& row_part, const Params& params,
                                                             const table<Columns...>& data, std::size_t rows,
                                                             value_and_gradient<T, Variables...>& result) {
  constexpr std::size_t B = rows_per_block<T>;
  using L = lanes<T, B>;
  lane_parameters<L, Variables...> lane_params;
  broadcast_into(params, lane_params);
  const auto params_bindings = params.to_bindings();
  lane_gradient<L, Variables...> lane_grad{};
  lane_rows<L, Columns...> block;
  const auto view = data.checked_rows();
  const T share = T{1} / static_cast<T>(rows);
  L sum{T{0}};
  for (std::size_t first = 0; first < rows; first += B) {
    const std::size_t count = rows - first < B ? rows - first : B;
    block.gather(view, first, count);
    L shares{share};
    for (std::size_t k = count; k < B; ++k) shares.lane[k] = T{0};
    const auto scaled = make_binary<mul_op>(constant<L>{shares}, row_part);
    const auto point = std::apply(
        [&](const auto&... each) {
          return bindings<decltype(lane_parameter_binding<Variables, L>(lane_params, params_bindings))...,
                          std::remove_cvref_t<decltype(each)>...>{
              lane_parameter_binding<Variables, L>(lane_params, params_bindings)..., each...};
        },
        block.bindings(std::index_sequence_for<Columns...>{}));
    sum += tree_accumulate<L, Variables...>(scaled, point, lane_grad);
  }
  result.value += sum.sum();
  add_lane_sums(lane_grad, result.grad);
}

/// The rows' mean of row_part and its gradient, a row at a time, added into result. Each row's
/// share 1/N is a factor of the row's loss, as a hand-written kernel scales its δ: the adjoint
/// enters the sweep already scaled, and no loop over the gradient follows. (With the loss's own
/// root first, relu's for a hinge, g++ compiled W3's row 5% longer.)
template <class T, class... Variables, class RowPart, class Params, class... Columns>
CTGRAD_ALWAYS_INLINE constexpr void row_mean_value_and_grad(const RowPart& row_part, const Params& params,
                                                            const table<Columns...>& data, std::size_t rows,
                                                            value_and_gradient<T, Variables...>& result) {
  const auto share = make_binary<mul_op>(constant<T>{T{1} / static_cast<T>(rows)}, row_part);
  const row_accumulator<decltype(share), Params, T, Variables...> accumulate{share, params, result.grad};
  const auto view = data.checked_rows();
  for (std::size_t i = 0; i < rows; ++i) result.value += accumulate(view.row(i), std::index_sequence_for<Columns...>{});
}

/// The same, for a call whose sweep in lanes gave a NaN: rare, so out of the kernel's line.
template <class T, class... Variables, class RowPart, class Params, class... Columns>
CTGRAD_FLATTEN [[gnu::noinline, gnu::cold]] void row_mean_value_and_grad_again(
    const RowPart& row_part, const Params& params, const table<Columns...>& data, std::size_t rows,
    value_and_gradient<T, Variables...>& result) {
  result = {};
  row_mean_value_and_grad(row_part, params, data, rows, result);
}

/// Whether the value or a number of the gradient is NaN.
template <class T, class... Variables>
constexpr bool holds_nan(const value_and_gradient<T, Variables...>& result) {
  bool nan = result.value != result.value;
  in_order{(for_each_number([&](const T& number) { nan = nan || number != number; }, value_of<Variables>(result.grad)),
            0)...,
           0};
  return nan;
}

/// value_and_grad(f, params, data) for an expression without tensors, on its flat graph: the
/// nodes no row reaches (a penalty, a prior, a transform of the parameters) are computed once,
/// the others once per row, and the rows' contributions to the first are added up and swept once.
template <class E, bool Unshared, class Payloads, class Params, class T, class... Variables, class... Columns>
CTGRAD_ALWAYS_INLINE constexpr void flat_mean_value_and_grad_on(const Payloads& payloads, const Params& params,
                                                                const table<Columns...>& data, std::size_t rows,
                                                                value_and_gradient<T, Variables...>& result) {
  using graph = typename graph_for<E, Unshared>::type;
  using wrt = variable_list<Variables...>;
  using plan = backward_plan<graph, wrt, variable_list<typename Columns::variable_type...>>;
  using per_row = row_nodes<plan, true>;
  using per_call = row_nodes<plan, false>;
  constexpr std::size_t root = graph::root;
  node_values<T, graph::size> v;
  node_values<T, graph::size> adjoint;
  const auto view = data.checked_rows();
  const row_point<Params> point{params};
  constexpr std::index_sequence_for<Columns...> columns{};
  forward_sweep<T, per_call>(graph{}, v, payloads, point(view.row(0), columns));  // reads no row
  zero_summed_adjoints<T, plan>(typename graph::nodes{}, adjoint);
  if constexpr (plan::plan.row[root]) {
    // Each row's share 1/N is its root's adjoint, as a hand-written kernel scales its δ.
    const T share = T{1} / static_cast<T>(rows);
    T sum = empty_sum<T>;
    for (std::size_t i = 0; i < rows; ++i) {
      forward_sweep<T, per_row>(graph{}, v, payloads, point(view.row(i), columns));
      sum += v[root];
      if constexpr (plan::plan.needs[root]) {
        adjoint[root] = share;
        backward_sweep<T, plan, per_row>(v, adjoint);
      }
    }
    result.value = sum * share;
  } else {  // no row reaches f: the mean is f
    result.value = v[root];
    adjoint[root] = T{1};
  }
  if constexpr (plan::plan.needs[root]) {
    backward_sweep<T, plan, per_call>(v, adjoint);
    store_gradient<false, graph, plan, T>(wrt{}, adjoint, result.grad);
  }
}
template <class E, class Params, class T, class... Variables, class... Columns>
CTGRAD_ALWAYS_INLINE constexpr void flat_mean_value_and_grad(const E& f, const Params& params,
                                                             const table<Columns...>& data, std::size_t rows,
                                                             value_and_gradient<T, Variables...>& result) {
  const auto payloads = payloads_of<T>(f);
  if constexpr (shares_payloads<E>) {  // two uses of one type hold different constants: each its own
    if (!shared_uses_agree<E>(payloads)) {
      return flat_mean_value_and_grad_on<E, true>(payloads, params, data, rows, result);
    }
  }
  flat_mean_value_and_grad_on<E, false>(payloads, params, data, rows, result);
}
}  // namespace
}  // namespace detail

namespace detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// value_and_grad(f, params, data) for params a parameters object or a view of one (Params), of
/// the variables Variables in numbers of type T.
template <class T, class... Variables, class E, class Params, class... Columns>
CTGRAD_ALWAYS_INLINE constexpr auto mean_value_and_grad(const E& f, const Params& params,
                                                        const table<Columns...>& data) {
  using point = decltype(std::apply(
      [&](const auto&... each) { return at(params, each...); }, data.row(0)));
  using unbound = typename detail::first_unbound<E, point>::type;
  value_and_gradient<T, Variables...> result{};
  if constexpr (!detail::names_agree_in<E>) {
    static_assert(detail::one_shape_per_name<detail::clash_in_t<E>>,
                  "ctgrad::value_and_grad: two variables with one name have different shapes; give each "
                  "variable its own name.");
    return result;  // the sentence above is the only error
  } else if constexpr (!detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>) {
    static_assert(detail::op_has_its_rules<typename detail::first_op_without_rules<E, true>::type>,
                  "ctgrad::value_and_grad: an op of the expression lacks a rule; give its tag eval(a) and "
                  "derivative(a, result) (for two operands, eval(a, b) and partials(a, b, result)), "
                  "as docs/adding-an-op.md shows.");
    return result;  // the sentence above is the only error
  } else if constexpr (!detail::every_variable_bound<unbound>) {
    static_assert(detail::every_variable_bound<unbound>,
                  "ctgrad::value_and_grad: the expression uses a variable that neither the "
                  "parameters nor the dataset bind.");
    return result;  // the sentence above is the only error
  } else if constexpr (!detail::is_scalar<E>) {
    static_assert(detail::is_scalar<E>,
                  "ctgrad::value_and_grad: the expression must be a scalar; reduce a tensor "
                  "with sum, mean or dot.");
    return result;  // the sentence above is the only error
  } else if constexpr (detail::flat_sweepable<E>) {
    const std::size_t rows = data.size();  // checks once that no column changed its length
    if (rows != 0) detail::flat_mean_value_and_grad(f, params, data, rows, result);
    return result;
  } else {
    const std::size_t rows = data.size();  // checks once that no column changed its length
    if (rows == 0) return result;
    const auto parts = detail::split_rows<typename Columns::variable_type...>(f);
    if constexpr (!detail::is_zero<decltype(parts.row)> && std::is_floating_point_v<T> &&
                  (detail::is_variable_values<Params> || detail::is_values_view<Params>) &&
                  detail::sweeps_in_lanes<decltype(parts.row)>) {
      detail::lane_mean_value_and_grad(parts.row, params, data, rows, result);
      // A sweep skips the operands of a term that is 0 (relu below its kink, the branch a where
      // does not take), whose rules may be ∞ or NaN there (sqrt at 0, x/0). In lanes it skips
      // them only where every lane is 0, so a lane with 0 meets such a rule as 0·∞ = NaN. Only
      // a NaN can come of it: then the rows are swept again one at a time, which skips per row.
      if (detail::holds_nan(result)) detail::row_mean_value_and_grad_again(parts.row, params, data, rows, result);
    } else if constexpr (!detail::is_zero<decltype(parts.row)>) {
      detail::row_mean_value_and_grad(parts.row, params, data, rows, result);
    }
    if constexpr (!detail::is_zero<decltype(parts.invariant)>) {
      result.value += accumulate_grad(parts.invariant, variable_list<Variables...>{}, at(params), result.grad);
    }
    return result;
  }
}
}  // namespace
}  // namespace detail

/// The mean over the rows of data of f and of its gradient with respect to every parameter:
/// f is written for one row, its inputs bound from data's columns and the rest from params.
/// Terms added to f that no row reaches (an L2 penalty) are computed once, not once per row.
template <class E, class T, class... Variables, class... Columns>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto value_and_grad(const E& f, const parameters<T, Variables...>& params,
                                                                 const table<Columns...>& data) {
  return detail::mean_value_and_grad<T, Variables...>(f, params, data);
}

/// The same with the parameters read where the caller keeps them (view(wrt(...), buffer)), in
/// place; the gradient is returned as value_and_grad's, and g.copy_to(out) writes it into the
/// caller's flat buffer.
template <class E, class T, class... Variables, class... Columns>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto value_and_grad(const E& f,
                                                                 const variable_values_view<T, Variables...>& params,
                                                                 const table<Columns...>& data) {
  return detail::mean_value_and_grad<std::remove_const_t<T>, Variables...>(f, params, data);
}
}  // namespace ctgrad
