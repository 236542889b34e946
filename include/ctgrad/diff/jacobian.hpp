// ctgrad/diff/jacobian.hpp: value_and_jacobian, jacobian, jvp and hvp: derivatives of several
// scalar outputs, or of a tensor-valued one, at once, from one forward sweep (and eval of them).
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/flat_forward.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/core/names.hpp>
#include <ctgrad/core/op_rules.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/detail/in_order.hpp>
#include <ctgrad/diff/flat_reverse.hpp>
#include <ctgrad/diff/dual_point.hpp>
#include <ctgrad/diff/flat_tangent.hpp>
#include <ctgrad/diff/hessian.hpp>  // hvp with tensors: the gradient along a direction
#include <ctgrad/diff/reverse.hpp>  // tensor outputs: the tree sweeps
#include <ctgrad/diff/symbolic.hpp>  // hvp differentiates d(f, x)

#include <array>
#include <cstddef>
#include <span>
#include <tuple>
#include <utility>

namespace ctgrad {
/// outputs(f0, f1, ...): the scalar expressions a Jacobian differentiates, one row each, in this
/// order. Subexpressions they share (of an empty type: variables and compile-time constants only)
/// are computed once for all of them.
template <class... Outputs>
struct output_list {
  std::tuple<Outputs...> expressions;
  static constexpr std::size_t size() { return sizeof...(Outputs); }
};

template <class... Outputs>
constexpr output_list<Outputs...> outputs(const Outputs&... f) {
  static_assert(sizeof...(Outputs) > 0, "ctgrad::outputs: name at least one expression.");
  static_assert(detail::all_true<expression<Outputs>...>,
                "ctgrad::outputs: every argument must be a ctgrad expression.");
  return {{f...}};
}

/// How a Jacobian is computed: one backward sweep per output (reverse_mode), one tangent sweep per
/// variable of wrt(...) (forward_mode), or whichever makes fewer sweeps (automatic_mode, the
/// default: reverse when there are no more outputs than variables).
struct reverse_mode_t {};
struct forward_mode_t {};
struct automatic_mode_t {};
inline constexpr reverse_mode_t reverse_mode{};
inline constexpr forward_mode_t forward_mode{};
inline constexpr automatic_mode_t automatic_mode{};

/// ∂fᵢ/∂xⱼ of Rows outputs with respect to the variables of wrt(...): a row per output (in the
/// order of outputs(...), or a tensor output's elements row-major), a column per number of the
/// variables (in the order of wrt(...), a tensor variable's numbers row-major, as copy_to lays
/// them out), stored row-major, as Ceres and a row-major Eigen matrix hold it. J(i, j) by
/// numbers, J(i, x) by variable.
template <class T, std::size_t Rows, class... Variables>
struct jacobian_matrix {
  std::array<T, Rows * gradient<T, Variables...>::numbers()> values{};

  static constexpr std::size_t rows() { return Rows; }
  static constexpr std::size_t cols() { return gradient<T, Variables...>::numbers(); }
  static constexpr std::size_t size() { return Rows * cols(); }

  constexpr T& operator()(std::size_t row, std::size_t column) { return values[row * cols() + column]; }
  constexpr const T& operator()(std::size_t row, std::size_t column) const { return values[row * cols() + column]; }
  /// ∂f_row/∂x for a variable x of wrt(...): a T& for a scalar x, a std::span of x's numbers
  /// (row-major) for a tensor.
  template <class Variable>
    requires variable<Variable>
  constexpr decltype(auto) operator()(std::size_t row, Variable) {
    return entries<Variable>(values.data() + row * cols());
  }
  template <class Variable>
    requires variable<Variable>
  constexpr decltype(auto) operator()(std::size_t row, Variable) const {
    return entries<Variable>(values.data() + row * cols());
  }

  /// The gradient of output `row`, read as g[x], as value_and_grad would return it.
  constexpr gradient<T, Variables...> row(std::size_t row) const {
    gradient<T, Variables...> g{};
    g.copy_from(std::span<const T, cols()>(values.data() + row * cols(), cols()));
    return g;
  }

  constexpr T* data() { return values.data(); }
  constexpr const T* data() const { return values.data(); }

  friend constexpr bool operator==(const jacobian_matrix&, const jacobian_matrix&) = default;

 private:
  /// The first column of Variable's numbers.
  template <class Variable>
  static constexpr std::size_t column_of() {
    static_assert(detail::one_of<Variable, Variables...>,
                  "ctgrad::jacobian_matrix: this variable is not one of wrt(...).");
    constexpr bool same[] = {__is_same(Variable, Variables)...};
    constexpr std::size_t sizes[] = {Variables::shape_type::size...};
    std::size_t column = 0;
    for (std::size_t k = 0; k < sizeof...(Variables) && !same[k]; ++k) column += sizes[k];
    return column;
  }
  template <class Variable, class Number>
  static constexpr decltype(auto) entries(Number* row) {
    constexpr std::size_t column = column_of<Variable>();
    if constexpr (Variable::shape_type::rank == 0) {
      return (row[column]);
    } else {
      return std::span<Number, Variable::shape_type::size>(row + column, Variable::shape_type::size);
    }
  }
};

/// What value_and_jacobian returns: `auto [f, J] = value_and_jacobian(...)`, f[i] the value of
/// output i.
template <class T, std::size_t Rows, class... Variables>
struct value_and_jacobian_result {
  std::array<T, Rows> value;
  jacobian_matrix<T, Rows, Variables...> jacobian;
};

/// What jvp returns: the outputs' values and their derivatives along the direction.
template <class Value>
struct value_and_derivative {
  Value value;
  Value derivative;
};

namespace detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
/// What is wrong with output E of a Jacobian at the point B, checked in the order a user fixes it.
enum class jacobian_problem { none, names, rules, unbound, tensor_output };

template <class E, class B>
constexpr jacobian_problem problem_of() {
  if constexpr (!names_agree_in<E>) {
    return jacobian_problem::names;
  } else if constexpr (!op_has_its_rules<typename first_op_without_rules<E, true>::type>) {
    return jacobian_problem::rules;
  } else if constexpr (!every_variable_bound<typename first_unbound<E, B>::type>) {
    return jacobian_problem::unbound;
  } else if constexpr (!is_scalar<E>) {
    return jacobian_problem::tensor_output;
  } else {
    return jacobian_problem::none;
  }
}

/// Whether the outputs and variables are all scalars, so that the Jacobian is swept on the one flat
/// graph of the outputs (core/graph.hpp); else each output has its tree sweeps, run in dual
/// numbers for forward mode (diff/dual_point.hpp).
template <class Outputs, class... Variables>
inline constexpr bool flat_jacobian = false;
template <class... Outputs, class... Variables>
inline constexpr bool flat_jacobian<output_list<Outputs...>, Variables...> =
    all_true<flat_sweepable<Outputs>...> && all_true<(Variables::shape_type::rank == 0)...>;

template <class B, class... Outputs>
constexpr jacobian_problem first_problem() {
  jacobian_problem found = jacobian_problem::none;
  in_order{(found = found == jacobian_problem::none ? problem_of<Outputs, B>() : found, 0)..., 0};
  return found;
}

/// Whether every problem is absent, with the sentence that names the first one: one error only.
template <jacobian_problem Problem>
constexpr bool checked_jacobian() {
  static_assert(Problem != jacobian_problem::names,
                "ctgrad::value_and_jacobian: two variables with one name have different shapes; give each "
                "variable its own name.");
  static_assert(Problem != jacobian_problem::rules,
                "ctgrad::value_and_jacobian: an op of an output lacks a rule; give its tag eval(a) and "
                "derivative(a, result) (for two operands, eval(a, b) and partials(a, b, result)), "
                "as docs/adding-an-op.md shows.");
  static_assert(Problem != jacobian_problem::unbound,
                "ctgrad::value_and_jacobian: an output uses a variable that at(...) does not bind.");
  static_assert(Problem != jacobian_problem::tensor_output,
                "ctgrad::value_and_jacobian: every output of outputs(...) must be a scalar expression; pass "
                "a tensor-valued output alone, as value_and_jacobian(F, wrt(x), at(...)).");
  return Problem == jacobian_problem::none;
}

/// The payloads (runtime constants) of the outputs, in the order graph_of_outputs numbers them:
/// each output's in turn.
template <class T, std::size_t Offset, std::size_t N, class E, class... Rest>
CTGRAD_ALWAYS_INLINE constexpr void gather_output_payloads(std::array<T, N>& out, const E& e, const Rest&... rest) {
  gather_payloads<T, Offset>(e, out);
  if constexpr (sizeof...(Rest) > 0) gather_output_payloads<T, Offset + payload_count<E>::value>(out, rest...);
}

/// The one graph of several outputs, and their ids in it (graph_of_outputs, core/graph.hpp).
template <class... Outputs>
using outputs_graph = graph_of_outputs<std::remove_cvref_t<Outputs>...>;

/// The same graph with each use of a subexpression holding runtime constants on its own.
template <class... Outputs>
using unshared_outputs_graph = unshared_graph_of_outputs<std::remove_cvref_t<Outputs>...>;

/// The outputs' runtime constants, numbered as their graph numbers them.
template <class T, class... Outputs>
CTGRAD_ALWAYS_INLINE constexpr auto outputs_payloads(const output_list<Outputs...>& f) {
  std::array<T, outputs_graph<Outputs...>::type::payloads> payloads{};
  if constexpr (outputs_graph<Outputs...>::type::payloads > 0) {
    std::apply([&](const auto&... e) { gather_output_payloads<T, 0>(payloads, e...); }, f.expressions);
  }
  return payloads;
}

/// Whether the outputs' shared graph computes them with these payloads (core/graph.hpp,
/// payload_alias): false where two uses of one subexpression type hold different constants.
template <class... Outputs, class T, std::size_t N>
CTGRAD_ALWAYS_INLINE constexpr bool outputs_share(const std::array<T, N>& payloads) {
  return aliases_hold<typename outputs_graph<Outputs...>::aliases>::at(payloads);
}
template <class... Outputs>
concept outputs_share_payloads = !__is_same(typename outputs_graph<Outputs...>::aliases, nil);

/// Every node's value of Lowered's graph (outputs_graph or unshared_outputs_graph) at the point,
/// the outputs' stored into value[i] too.
template <class T, class Lowered, class Payloads, class B>
CTGRAD_ALWAYS_INLINE constexpr auto outputs_forward(const Payloads& payloads, const B& point, T* value) {
  using graph = typename Lowered::type;
  node_values<T, graph::size> v;
  forward_sweep<T>(graph{}, v, payloads, point);
  for (std::size_t k = 0; k < Lowered::ids.size(); ++k) value[k] = v[Lowered::ids[k]];
  return v;
}

/// The outputs' values into value[i] and their derivatives along direction into derivative[i]:
/// one forward and one tangent sweep of the graph that computes them.
template <class T, class Lowered, class Payloads, class Wrt, class B, class Direction>
CTGRAD_ALWAYS_INLINE constexpr void outputs_jvp_on(const Payloads& payloads, Wrt, const B& point,
                                                   const Direction& direction, T* value, T* derivative) {
  const auto v = outputs_forward<T, Lowered>(payloads, point, value);
  tangent_sweep<T, typename Lowered::type, Wrt, Lowered>(v, direction, derivative, 1);
}
template <class T, class... Outputs, class Wrt, class B, class Direction>
CTGRAD_ALWAYS_INLINE constexpr void outputs_jvp(const output_list<Outputs...>& f, Wrt wrt, const B& point,
                                                const Direction& direction, T* value, T* derivative) {
  const auto payloads = outputs_payloads<T>(f);
  if constexpr (outputs_share_payloads<Outputs...>) {
    if (!outputs_share<Outputs...>(payloads)) {
      outputs_jvp_on<T, unshared_outputs_graph<Outputs...>>(payloads, wrt, point, direction, value, derivative);
      return;
    }
  }
  outputs_jvp_on<T, outputs_graph<Outputs...>>(payloads, wrt, point, direction, value, derivative);
}

/// The outputs' values at the point into value[i].
template <class T, class... Outputs, class B>
CTGRAD_ALWAYS_INLINE constexpr void outputs_values(const output_list<Outputs...>& f, const B& point, T* value) {
  const auto payloads = outputs_payloads<T>(f);
  if constexpr (outputs_share_payloads<Outputs...>) {
    if (!outputs_share<Outputs...>(payloads)) {
      outputs_forward<T, unshared_outputs_graph<Outputs...>>(payloads, point, value);
      return;
    }
  }
  outputs_forward<T, outputs_graph<Outputs...>>(payloads, point, value);
}

/// One row of the Jacobian: output Id's adjoints stored as partials, in wrt(...)'s order; 0 for a
/// variable the output does not depend on.
template <class G, class Plan, class T, class... Variables, std::size_t... Columns, class Adjoints>
CTGRAD_ALWAYS_INLINE constexpr void store_row(variable_list<Variables...>, std::index_sequence<Columns...>,
                                              const Adjoints& adjoint, T* row) {
  in_order{((row[Columns] = T{0}),
            store_partial<false, id_in<Variables, G>, partial_of<G, Plan, Variables>::reached,
                          partial_of<G, Plan, Variables>::factor>(adjoint, row[Columns]),
            0)...,
           0};
}

/// Row Row of the Jacobian: a backward sweep from that output's node, with Positive the choice
/// of where's branches already made for every row (or branches_undecided).
template <class T, class G, class Ids, class Wrt, std::size_t Row, class Positive, class Values>
CTGRAD_ALWAYS_INLINE constexpr void jacobian_row(const Values& v, T* jacobian) {
  constexpr std::size_t root = Ids::ids[Row];
  constexpr std::size_t columns = Wrt::size;
  using plan = backward_plan<G, Wrt, variable_list<>, root>;
  T* row = jacobian + Row * columns;
  if constexpr (plan::plan.needs[root]) {
    node_values<T, G::size> adjoint;
    adjoint[root] = T{1};
    backward_sweep<T, plan, every_node, Positive>(v, adjoint);
    store_row<G, plan, T>(Wrt{}, std::make_index_sequence<columns>{}, adjoint, row);
  } else {
    for (std::size_t k = 0; k < columns; ++k) row[k] = T{0};
  }
}

/// The conditions of where that any row's sweep chooses on, once for all rows, so that a value the
/// rows' sweeps share (a 1/b of a division above the branches) stays one computation; `shared`
/// false past max_branch_conditions of them (each row then chooses for itself).
struct row_conditions {
  std::array<std::size_t, max_branch_conditions + 1> ids{};
  bool shared = true;
};
template <class... Plans>
constexpr row_conditions conditions_of_rows() {
  row_conditions all{};
  all.ids.fill(not_found);
  std::size_t n = 0;
  for (const auto& list : {Plans::template conditions_for<every_node>()...}) {
    for (const std::size_t id : list) {
      if (id == not_found) break;
      bool known = false;
      for (std::size_t k = 0; k < n; ++k) known = known || all.ids[k] == id;
      if (known) continue;
      if (n == max_branch_conditions) all.shared = false;
      if (n < max_branch_conditions) all.ids[n++] = id;
    }
  }
  if (!all.shared) all.ids.fill(not_found);
  return all;
}

/// Every row, with the branches chosen (Positive).
template <class T, class G, class Ids, class Wrt, class Rows>
struct jacobian_rows;
template <class T, class G, class Ids, class Wrt, std::size_t... Rows>
struct jacobian_rows<T, G, Ids, Wrt, std::index_sequence<Rows...>> {
  template <class Positive, class Values>
  CTGRAD_ALWAYS_INLINE static constexpr void run(const Values& v, T*& jacobian) {
    in_order{(jacobian_row<T, G, Ids, Wrt, Rows, Positive>(v, jacobian), 0)..., 0};
  }
  static constexpr row_conditions conditions =
      conditions_of_rows<backward_plan<G, Wrt, variable_list<>, Ids::ids[Rows]>...>();
};

/// Reverse mode: a backward sweep per output, each from that output's node.
template <class T, class G, class Ids, class Wrt, class Rows, class Values>
CTGRAD_ALWAYS_INLINE constexpr void jacobian_by_rows(const Values& v, T* jacobian) {
  using rows = jacobian_rows<T, G, Ids, Wrt, Rows>;
  if constexpr (rows::conditions.shared && rows::conditions.ids[0] != not_found) {
    with_branches<rows::conditions.ids, rows>(v, jacobian);
  } else {
    rows::template run<branches_undecided>(v, jacobian);
  }
}

/// Forward mode: a tangent sweep per variable, each filling a column.
template <class T, class G, class Ids, class... Variables, std::size_t... Columns, class Values>
CTGRAD_ALWAYS_INLINE constexpr void jacobian_by_columns(variable_list<Variables...>, std::index_sequence<Columns...>,
                                                        const Values& v, T* jacobian) {
  in_order{(tangent_sweep<T, G, variable_list<Variables>, Ids>(v, std::array<T, 1>{T{1}}, jacobian + Columns,
                                                              sizeof...(Variables)),
            0)...,
           0};
}

template <class Mode, std::size_t Rows, std::size_t Columns>
inline constexpr bool by_rows = __is_same(Mode, reverse_mode_t) || (__is_same(Mode, automatic_mode_t) && Rows <= Columns);

/// Row `row` of a Jacobian, from a gradient: its numbers in copy_to's order.
template <class T, class... Variables>
CTGRAD_ALWAYS_INLINE constexpr void store_gradient_row(const gradient<T, Variables...>& g, T* jacobian,
                                                       std::size_t row) {
  constexpr std::size_t columns = gradient<T, Variables...>::numbers();
  if constexpr (columns > 0) g.copy_to(std::span<T, columns>(jacobian + row * columns, columns));
}

/// Scalar outputs with tensors in their graphs or among the variables: each output's value and
/// gradient from its own tree sweeps (value_and_grad), a row each. A value the outputs share is
/// computed once per output.
template <class T, class... Outputs, class... Variables, class B>
CTGRAD_ALWAYS_INLINE constexpr void tree_value_and_jacobian(const output_list<Outputs...>& f,
                                                            variable_list<Variables...> wrt, const B& point, T* value,
                                                            T* jacobian) {
  std::size_t row = 0;
  std::apply(
      [&](const auto&... e) {
        in_order{([&] {
                   const auto each = value_and_grad(e, wrt, point);
                   value[row] = each.value;
                   store_gradient_row(each.grad, jacobian, row++);
                 }(),
                  0)...,
                 0};
      },
      f.expressions);
}

/// The outputs (a tuple of expressions) evaluated at a point in dual numbers: f(row, d) for each
/// of their elements in order (a scalar output has one, a tensor output its elements row-major).
template <class T, class Expressions, class Point, class F>
CTGRAD_ALWAYS_INLINE constexpr void eval_in_duals(const Expressions& expressions, const Point& point, F f) {
  std::size_t row = 0;
  std::apply(
      [&](const auto&... e) {
        in_order{(for_each_dual(eval(e, point), [&](std::size_t, const dual<T>& d) { f(row++, d); }), 0)..., 0};
      },
      expressions);
}

/// The outputs' values and their derivatives along the direction tangent(k) (a number per number of
/// the variables Wrt), from one evaluation at the dual point `values`, whose tangents it sets:
/// forward mode on the outputs' trees.
template <class T, class Expressions, class Wrt, class Values, class Tangent>
CTGRAD_ALWAYS_INLINE constexpr void dual_jvp(const Expressions& expressions, Wrt wrt, Values& values,
                                             const Tangent& tangent, T* value, T* derivative, std::size_t stride) {
  set_tangents(wrt, values, tangent);
  eval_in_duals<T>(expressions, at(values), [&](std::size_t row, const dual<T>& d) {
    value[row] = d.value;
    derivative[row * stride] = d.tangent;
  });
}

/// Forward mode on the outputs' trees: one evaluation in dual numbers per number of the variables,
/// each filling a column.
template <class T, class Expressions, class... Variables, class B>
CTGRAD_ALWAYS_INLINE constexpr void dual_jacobian_by_columns(const Expressions& expressions,
                                                             variable_list<Variables...> wrt, const B& point,
                                                             T* value, T* jacobian) {
  constexpr std::size_t columns = gradient<T, Variables...>::numbers();
  auto values = dual_values<T>(point);  // once: each column sets its own tangents
  if constexpr (columns == 0) {
    T unused[1];
    dual_jvp<T>(expressions, wrt, values, [](std::size_t) { return T{0}; }, value, unused, 0);
  }
  for (std::size_t column = 0; column < columns; ++column) {
    dual_jvp<T>(expressions, wrt, values, [column](std::size_t k) { return k == column ? T{1} : T{0}; }, value,
                jacobian + column, columns);
  }
}

/// A tensor-valued output F: one forward sweep over its tree, recording every node, then one
/// backward sweep per element of F, seeded with that element's unit adjoint; row i is element i's
/// gradient (F's elements row-major).
template <class T, class E, class... Variables, class B>
CTGRAD_ALWAYS_INLINE constexpr void tensor_value_and_jacobian(const E& f, variable_list<Variables...>, const B& point,
                                                              T* value, T* jacobian) {
  using shape = shape_of_t<E>;
  typename record_of<T, E, B>::type record;
  forward<T, true>(f, point, record);
  for (std::size_t i = 0; i < shape::size; ++i) value[i] = static_cast<T>(read(record, i));
  for (std::size_t i = 0; i < shape::size; ++i) {
    gradient<T, Variables...> g{};
    if constexpr (depends_on<E, Variables...>) {
      value_t<T, shape> seed{};
      seed.values[i] = T{1};
      backward<T, variable_list<Variables...>, type_list<>>(f, record, adjoint<one, value_t<T, shape>>{seed}, g);
    }
    store_gradient_row(g, jacobian, i);
  }
}

/// The outputs' values into value[i] and their Jacobian into jacobian (row-major).
template <class Mode, class Lowered, class T, class Payloads, class... Variables, class B>
CTGRAD_ALWAYS_INLINE constexpr void flat_value_and_jacobian_on(const Payloads& payloads, variable_list<Variables...> wrt,
                                                               const B& point, T* value, T* jacobian) {
  using lowered = Lowered;
  using graph = typename lowered::type;
  constexpr std::size_t outputs = lowered::ids.size();
  const auto v = outputs_forward<T, lowered>(payloads, point, value);
  if constexpr (by_rows<Mode, outputs, sizeof...(Variables)>) {
    jacobian_by_rows<T, graph, lowered, variable_list<Variables...>, std::make_index_sequence<outputs>>(v, jacobian);
  } else {
    jacobian_by_columns<T, graph, lowered>(wrt, std::make_index_sequence<sizeof...(Variables)>{}, v, jacobian);
  }
}
template <class Mode, class T, class... Outputs, class... Variables, class B>
CTGRAD_ALWAYS_INLINE constexpr void flat_value_and_jacobian(const output_list<Outputs...>& f,
                                                            variable_list<Variables...> wrt, const B& point, T* value,
                                                            T* jacobian) {
  const auto payloads = outputs_payloads<T>(f);
  if constexpr (outputs_share_payloads<Outputs...>) {  // two uses of one type hold different constants
    if (!outputs_share<Outputs...>(payloads)) {
      flat_value_and_jacobian_on<Mode, unshared_outputs_graph<Outputs...>>(payloads, wrt, point, value, jacobian);
      return;
    }
  }
  flat_value_and_jacobian_on<Mode, outputs_graph<Outputs...>>(payloads, wrt, point, value, jacobian);
}

/// value_and_jacobian of outputs(...) on the flat graph or, with tensors, the tree sweeps.
template <class Mode, class T, class... Outputs, class... Variables, class B>
CTGRAD_ALWAYS_INLINE constexpr void any_value_and_jacobian(const output_list<Outputs...>& f,
                                                           variable_list<Variables...> wrt, const B& point, T* value,
                                                           T* jacobian) {
  if constexpr (flat_jacobian<output_list<Outputs...>, Variables...>) {
    flat_value_and_jacobian<Mode>(f, wrt, point, value, jacobian);
  } else if constexpr (by_rows<Mode, sizeof...(Outputs), gradient<T, Variables...>::numbers()>) {
    tree_value_and_jacobian<T>(f, wrt, point, value, jacobian);
  } else {
    dual_jacobian_by_columns<T>(f.expressions, wrt, point, value, jacobian);
  }
}

/// The checks of a Jacobian of outputs(...) in Mode at the point B, each problem named once.
template <class B, class Outputs>
struct checked_outputs;
template <class B, class... Outputs>
struct checked_outputs<B, output_list<Outputs...>> {
  static constexpr bool value = checked_jacobian<first_problem<B, Outputs...>()>();
};

}  // namespace
}  // namespace detail

/// The values of outputs(f0, f1, ...) and their Jacobian with respect to wrt(...) at the point:
/// one forward sweep over the graph the outputs share, then one backward sweep per output or one
/// tangent sweep per variable (the mode; by default whichever makes fewer). Scalar outputs of
/// scalar variables.
template <class... Outputs, class... Variables, class... Bindings, class Mode = automatic_mode_t>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto value_and_jacobian(const output_list<Outputs...>& f,
                                                                     variable_list<Variables...> wrt,
                                                                     const bindings<Bindings...>& point,
                                                                     Mode = {}) {
  using T = typename bindings<Bindings...>::value_type;
  value_and_jacobian_result<T, sizeof...(Outputs), Variables...> result{};
  if constexpr (detail::checked_outputs<bindings<Bindings...>, output_list<Outputs...>>::value) {
    detail::any_value_and_jacobian<Mode>(f, wrt, point, result.value.data(), result.jacobian.data());
  }
  return result;
}

/// value_and_jacobian written into the caller's memory, with no temporary: the values into
/// `value` (one per output) and the Jacobian into `jacobian`, row-major (outputs × variables), as
/// a Ceres cost function or an Eigen row-major map holds them.
template <class... Outputs, class... Variables, class... Bindings, class Mode = automatic_mode_t>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr void value_and_jacobian(
    const output_list<Outputs...>& f, variable_list<Variables...> wrt, const bindings<Bindings...>& point,
    std::span<typename bindings<Bindings...>::value_type, sizeof...(Outputs)> value,
    std::span<typename bindings<Bindings...>::value_type,
              sizeof...(Outputs) * gradient<typename bindings<Bindings...>::value_type, Variables...>::numbers()>
        jacobian,
    Mode = {}) {
  if constexpr (detail::checked_outputs<bindings<Bindings...>, output_list<Outputs...>>::value) {
    detail::any_value_and_jacobian<Mode>(f, wrt, point, value.data(), jacobian.data());
  }
}

/// The value of one expression F and its Jacobian: for a scalar F, value_and_jacobian(outputs(F),
/// ...); for a tensor-valued F, a row per element of F (row-major), from one forward sweep and one
/// backward sweep per element (reverse mode only). value[i] is F's element i.
template <class E, class... Variables, class... Bindings, class Mode = automatic_mode_t>
  requires expression<E>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto value_and_jacobian(const E& f, variable_list<Variables...> wrt,
                                                                     const bindings<Bindings...>& point, Mode mode = {}) {
  using T = typename bindings<Bindings...>::value_type;
  if constexpr (detail::problem_of<E, bindings<Bindings...>>() != detail::jacobian_problem::tensor_output) {
    return value_and_jacobian(outputs(f), wrt, point, mode);
  } else {
    constexpr std::size_t rows = detail::shape_of_t<E>::size;
    value_and_jacobian_result<T, rows, Variables...> result{};
    if constexpr (detail::by_rows<Mode, rows, gradient<T, Variables...>::numbers()>) {
      detail::tensor_value_and_jacobian<T>(f, wrt, point, result.value.data(), result.jacobian.data());
    } else {
      detail::dual_jacobian_by_columns<T>(std::tuple<E>{f}, wrt, point, result.value.data(), result.jacobian.data());
    }
    return result;
  }
}

/// The values of outputs(f0, f1, ...) at the point, output i's in [i]: one forward sweep over the
/// graph they share, so a value they share is computed once (eval(f0, ...) per output would not
/// share it).
template <class... Outputs, class... Bindings>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto eval(const output_list<Outputs...>& f,
                                                       const bindings<Bindings...>& point) {
  using T = typename bindings<Bindings...>::value_type;
  std::array<T, sizeof...(Outputs)> value{};
  if constexpr (!detail::checked_outputs<bindings<Bindings...>, output_list<Outputs...>>::value) {
  } else if constexpr (detail::flat_jacobian<output_list<Outputs...>>) {
    detail::outputs_values<T>(f, point, value.data());
  } else {  // tensors: each output's own forward sweep
    value = std::apply([&](const auto&... e) { return std::array<T, sizeof...(Outputs)>{eval(e, point)...}; },
                       f.expressions);
  }
  return value;
}

/// The Jacobian of outputs(...) with respect to wrt(...) at the point: value_and_jacobian without
/// the values.
template <class... Outputs, class... Variables, class... Bindings, class Mode = automatic_mode_t>
CTGRAD_ALWAYS_INLINE constexpr auto jacobian(const output_list<Outputs...>& f, variable_list<Variables...> wrt,
                                             const bindings<Bindings...>& point, Mode mode = {}) {
  return value_and_jacobian(f, wrt, point, mode).jacobian;
}
template <class E, class... Variables, class... Bindings, class Mode = automatic_mode_t>
  requires expression<E>
CTGRAD_ALWAYS_INLINE constexpr auto jacobian(const E& f, variable_list<Variables...> wrt,
                                             const bindings<Bindings...>& point, Mode mode = {}) {
  return value_and_jacobian(f, wrt, point, mode).jacobian;
}

/// The derivative of f (an expression, or outputs(...)) at the point along `direction`, a number
/// per number of the variables of wrt(...) in copy_to's order: Σⱼ ∂f/∂xⱼ · directionⱼ, the
/// Jacobian times a vector, without the Jacobian: one forward and one tangent sweep on the flat
/// graph, or, with tensors, one evaluation in dual numbers.
template <class... Outputs, class... Variables, class... Bindings>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto jvp(
    const output_list<Outputs...>& f, variable_list<Variables...> wrt, const bindings<Bindings...>& point,
    const std::array<typename bindings<Bindings...>::value_type,
                     gradient<typename bindings<Bindings...>::value_type, Variables...>::numbers()>& direction) {
  using T = typename bindings<Bindings...>::value_type;
  value_and_derivative<std::array<T, sizeof...(Outputs)>> result{};
  if constexpr (!detail::checked_outputs<bindings<Bindings...>, output_list<Outputs...>>::value) {
  } else if constexpr (detail::flat_jacobian<output_list<Outputs...>, Variables...>) {
    detail::outputs_jvp<T, Outputs...>(f, wrt, point, direction, result.value.data(), result.derivative.data());
  } else {
    auto values = detail::dual_values<T>(point);
    detail::dual_jvp<T>(f.expressions, wrt, values, [&](std::size_t k) { return direction[k]; }, result.value.data(),
                        result.derivative.data(), 1);
  }
  return result;
}

/// jvp of one expression: for a scalar f a value_and_derivative<T>; for a tensor-valued f, both
/// members are std::arrays of f's elements (row-major).
template <class E, class... Variables, class... Bindings>
  requires expression<E>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto jvp(
    const E& f, variable_list<Variables...> wrt, const bindings<Bindings...>& point,
    const std::array<typename bindings<Bindings...>::value_type,
                     gradient<typename bindings<Bindings...>::value_type, Variables...>::numbers()>& direction) {
  using T = typename bindings<Bindings...>::value_type;
  if constexpr (detail::problem_of<E, bindings<Bindings...>>() != detail::jacobian_problem::tensor_output) {
    const auto [value, derivative] = jvp(outputs(f), wrt, point, direction);
    return value_and_derivative<T>{value[0], derivative[0]};
  } else {
    value_and_derivative<std::array<T, detail::shape_of_t<E>::size>> result{};
    auto values = detail::dual_values<T>(point);
    detail::dual_jvp<T>(std::tuple<E>{f}, wrt, values, [&](std::size_t k) { return direction[k]; },
                        result.value.data(), result.derivative.data(), 1);
    return result;
  }
}

/// The Hessian of the scalar f with respect to wrt(...) times `direction` (a number per number of
/// the variables, in copy_to's order), with f's gradient: `value` is ∇f, `derivative` is
/// H·direction, no Hessian formed. For a scalar expression of scalar variables, the gradient's
/// entries are f's symbolic partials d(f, x) (diff/symbolic.hpp), lowered into one graph as
/// outputs(...), so a subexpression they share is computed once, and one tangent sweep along the
/// direction differentiates all of them (forward over symbolic). With tensors, value_and_grad runs
/// once in dual numbers whose tangents are the direction (forward over reverse).
template <class E, class... Variables, class... Bindings>
  requires expression<E>
CTGRAD_FLATTEN CTGRAD_ALWAYS_INLINE constexpr auto hvp(
    const E& f, variable_list<Variables...> wrt, const bindings<Bindings...>& point,
    const std::array<typename bindings<Bindings...>::value_type,
                     gradient<typename bindings<Bindings...>::value_type, Variables...>::numbers()>& direction) {
  using T = typename bindings<Bindings...>::value_type;
  if constexpr (detail::flat_jacobian<output_list<E>, Variables...>) {
    return jvp(outputs(d(f, Variables{})...), wrt, point, direction);
  } else {
    constexpr std::size_t n = gradient<T, Variables...>::numbers();
    value_and_derivative<std::array<T, n>> result{};
    auto values = detail::dual_values<T>(point);
    detail::set_tangents(wrt, values, [&](std::size_t k) { return direction[k]; });
    detail::gradient_along<T>(f, wrt, values, [&](std::size_t k, T value, T tangent) {
      result.value[k] = value;
      result.derivative[k] = tangent;
    });
    return result;
  }
}
}  // namespace ctgrad
