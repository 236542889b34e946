// ctgrad/core/bindings.hpp: at(x = 1.0, ...) binds values, wrt(x, ...) names what to differentiate.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/core/names.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/core/values_view.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>

namespace ctgrad {
namespace detail {
template <class T>
inline constexpr bool is_binding = false;
template <class Variable, class T>
inline constexpr bool is_binding<binding<Variable, T>> = true;

// The common type of the bound values. The usual case, every value a float, double or long double,
// is the widest of them, found without recursion; anything else is std::common_type_t. A fold or
// std::common_type_t over n bindings nests n levels (clang++ stops a fold at 256).
template <class T>
inline constexpr int floating_rank =
    __is_same(T, float) ? 1 : __is_same(T, double) ? 2 : __is_same(T, long double) ? 3 : 0;
template <int Rank>
struct floating_of_rank {
  using type = long double;
};
template <>
struct floating_of_rank<1> {
  using type = float;
};
template <>
struct floating_of_rank<2> {
  using type = double;
};
template <std::size_t N>
constexpr int widest_rank(const std::array<int, N>& ranks) {
  int widest = 1;
  for (const int rank : ranks) {
    if (rank == 0) return 0;
    widest = rank > widest ? rank : widest;
  }
  return widest;
}

template <class... Ts>
struct common_value {
  static constexpr int rank = widest_rank(std::array<int, sizeof...(Ts)>{floating_rank<Ts>...});
  using type = typename std::conditional_t<rank == 0, std::common_type<Ts...>, floating_of_rank<rank>>::type;
};
template <>
struct common_value<> {  // an expression with no variables evaluates in double
  using type = double;
};
}  // namespace detail

/// The values of some variables, one binding each; made by at(...).
template <class... Bindings>
struct bindings : Bindings... {
  /// The type every expression is evaluated in: the common type of the bound values.
  using value_type = typename detail::common_value<typename Bindings::value_type...>::type;
};

namespace detail {
/// The bindings an argument of at(...) contributes: itself, or one per variable of parameters.
template <class Argument>
constexpr auto bindings_in(const Argument& argument) {
  if constexpr (is_binding<Argument>) {
    return std::tuple<Argument>{argument};
  } else {
    return argument.to_bindings();
  }
}

/// The bindings of at(arguments...) as a tuple type. The tuple_cat is named only when a parameters
/// object is among the arguments: under std::conditional_t both branches were instantiated, and
/// tuple_cat of n one-binding tuples costs O(n²), 4 of the 6 s of at(...) of 400 bindings.
template <bool OnlyBindings, class... Arguments>
struct point_bindings {
  using type = std::tuple<Arguments...>;
};
template <class... Arguments>
struct point_bindings<false, Arguments...> {
  using type = decltype(std::tuple_cat(bindings_in(std::declval<const Arguments&>())...));
};

template <class Tuple>
struct distinct_variables;
template <class... Bindings>
struct distinct_variables<std::tuple<Bindings...>> {
  static constexpr bool value = all_distinct_variables<typename Bindings::variable_type...>;
  using clash = clash_among_t<typename Bindings::variable_type...>;
};
}  // namespace detail

/// at(x = 1.0, y = 2.0): the point at which to evaluate, each variable bound once; a
/// parameters object or a view of parameters binds all its variables, as in at(params, X = row).
template <class... Arguments>
CTGRAD_ALWAYS_INLINE constexpr auto at(Arguments&&... arguments) {
  if constexpr (!detail::all_true<(detail::is_binding<std::remove_cvref_t<Arguments>> ||
                                   detail::is_variable_values<std::remove_cvref_t<Arguments>> ||
                                   detail::is_values_view<std::remove_cvref_t<Arguments>>)...>) {
    static_assert(detail::always_false<Arguments...>,
                  "ctgrad::at: every argument must bind a variable to a number, as in at(x = 1.0).");
  } else if constexpr (!detail::all_true<(std::is_lvalue_reference_v<Arguments> ||
                                          !detail::is_variable_values<std::remove_cvref_t<Arguments>>)...>) {
    static_assert(detail::always_false<Arguments...>,
                  "ctgrad::at: a parameters object's tensors are bound by reference; pass a named "
                  "parameters object, not a temporary that would be gone before they are read.");
  } else {
    // Bindings alone are the point as they are; a parameters object contributes one per variable.
    constexpr bool only_bindings = detail::all_true<detail::is_binding<std::remove_cvref_t<Arguments>>...>;
    using all = typename detail::point_bindings<only_bindings, std::remove_cvref_t<Arguments>...>::type;
    if constexpr (!detail::distinct_variables<all>::value) {
      static_assert(detail::distinct_variables<all>::value,
                    "ctgrad::at: a variable is bound twice; bind each variable once.");
      return bindings<>{};  // the sentence above is the only error
    } else if constexpr (!std::is_void_v<typename detail::distinct_variables<all>::clash>) {
      static_assert(detail::one_shape_per_name<typename detail::distinct_variables<all>::clash>,
                    "ctgrad::at: two variables with one name have different shapes; give each "
                    "variable its own name.");
      return bindings<>{};  // the sentence above is the only error
    } else if constexpr (only_bindings) {
      return bindings<std::remove_cvref_t<Arguments>...>{arguments...};
    } else {
      return std::apply([](const auto&... each) { return bindings<std::remove_cvref_t<decltype(each)>...>{each...}; },
                        std::tuple_cat(detail::bindings_in(arguments)...));
    }
  }
}

/// The variables to differentiate with respect to; made by wrt(...).
template <class... Variables>
struct variable_list {
  static constexpr std::size_t size = sizeof...(Variables);
  template <class V>
  static constexpr bool contains = detail::one_of<V, Variables...>;
};

/// The variables of a followed by those of b: how a model lists its layers' parameters.
template <class... Left, class... Right>
constexpr variable_list<Left..., Right...> operator+(variable_list<Left...>, variable_list<Right...>) {
  static_assert(detail::all_distinct_variables<Left..., Right...>,
                "ctgrad::variable_list::operator+: a variable is in both lists.");
  static_assert(detail::one_shape_per_name<detail::clash_among_t<Left..., Right...>>,
                "ctgrad::variable_list::operator+: two variables with one name have different "
                "shapes; give each variable its own name.");
  return {};
}

/// wrt(x, y): the variables value_and_grad, grad and hessian differentiate with respect to.
template <class... Variables>
constexpr auto wrt(Variables...) {
  if constexpr (!detail::all_true<variable<Variables>...>) {  // no fold: clang++ stops one at 256 terms
    static_assert(detail::all_true<variable<Variables>...>,
                  "ctgrad::wrt: every argument must be a variable declared with var<name>.");
  } else if constexpr (!detail::all_distinct_variables<Variables...>) {
    static_assert(detail::all_distinct_variables<Variables...>,
                  "ctgrad::wrt: a variable is named twice; name each variable once.");
  } else {
    static_assert(detail::one_shape_per_name<detail::clash_among_t<Variables...>>,
                  "ctgrad::wrt: two variables with one name have different shapes; give each "
                  "variable its own name.");
  }
  return variable_list<Variables...>{};
}

namespace detail {
/// The value bound to Variable (for a tensor variable, a pointer to its numbers); overload
/// resolution finds the base class, so lookup is O(1).
template <class Variable, class T>
CTGRAD_ALWAYS_INLINE constexpr auto bound_value(const binding<Variable, T>& bound) {
  if constexpr (requires { bound.data; }) {
    return bound.data;
  } else {
    return bound.value;
  }
}

/// The variables B binds, as one type_set (detail/type_traits.hpp).
template <class B>
struct bound_variables {
  using type = type_set<>;
};
template <class... Bindings>
struct bound_variables<bindings<Bindings...>> {
  using type = type_set<typename Bindings::variable_type...>;
};
/// The same, through a template of one argument: a member of a specialisation on a pack costs
/// g++ time in proportion to the pack at every use (core/graph.hpp, flat_graph), and this one is
/// used once per variable node.
template <class B>
struct bound_set {
  using type = typename bound_variables<B>::type;
};
template <class Variable, class B>
struct is_bound_trait : std::bool_constant<__is_base_of(type_tag<Variable>, typename bound_set<B>::type)> {};
/// Whether Bindings binds Variable; a concept, not a variable template (concepts.hpp says why: here
/// every variable's instantiation spelled all the bindings, O(n) each).
template <class Variable, class Bindings>
concept is_bound = is_bound_trait<Variable, Bindings>::value;

/// first_unbound (below) found by walking E's tree: it names the variable once a check failed.
template <class E, class B>
struct first_unbound_in_tree {
  using type = void;
};
template <fixed_string Name, std::size_t... Extents, class B>
struct first_unbound_in_tree<var<Name, Extents...>, B> {
  using type = std::conditional_t<is_bound<var<Name, Extents...>, B>, void,
                                  typename name_of<var<Name, Extents...>>::type>;
};
template <class Op, class Arg, class B>
struct first_unbound_in_tree<unary<Op, Arg>, B> : first_unbound_in_tree<Arg, B> {};
template <class Op, class Lhs, class Rhs, class B>
struct first_unbound_in_tree<binary<Op, Lhs, Rhs>, B> {
  using left = typename first_unbound_in_tree<Lhs, B>::type;
  using type = std::conditional_t<std::is_void_v<left>, typename first_unbound_in_tree<Rhs, B>::type, left>;
};

/// Whether B binds node E, if E is a variable.
template <class E, class B>
concept binds_leaf = !is_var<E> || is_bound<E, B>;

template <class G, class B>
struct graph_bound;
template <class... Nodes, std::size_t Payloads, class Reversed, class Map, class Pieces, class B>
struct graph_bound<flat_graph<node_list<Nodes...>, Payloads, Reversed, Map, Pieces>, B>
    : std::bool_constant<all_true<binds_leaf<typename Nodes::expression_type, B>...>> {};

/// The name of the first variable of E that B leaves unbound, as variable_named<'y'>, or void:
/// named in the error messages of eval, value_and_grad, grad, accumulate_grad and hessian, and
/// spelled as characters so that clang++ prints it readably too (var<"y"> is var<{{121, 0}}>).
/// Checked over E's flat graph, without recursion; only a failing check walks the tree.
template <class E, class B>
struct first_unbound {
  using type = typename std::conditional_t<graph_bound<graph_t<E>, B>::value, std::type_identity<void>,
                                           first_unbound_in_tree<E, B>>::type;
};

/// True for void: reads well in the diagnostic, `every_variable_bound<variable_named<'y'>>` is false.
template <class FirstUnbound>
inline constexpr bool every_variable_bound = std::is_void_v<FirstUnbound>;
}  // namespace detail
}  // namespace ctgrad
