// ctgrad/core/names.hpp: one name, one variable: the checks that two variables of one name
// (var<"x", 2> and var<"x", 3>) never meet in an expression, a wrt(...) or an at(...).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/graph.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ctgrad::detail {
/// A variable's name as characters, for diagnostics: clang++ prints var<"x"> as var<{{120, 0}}>,
/// but variable_named<'x'> as itself, and so does g++.
template <char... Characters>
struct variable_named {};

template <class Variable>
struct name_of;
template <fixed_string Name, std::size_t... Extents>
struct name_of<var<Name, Extents...>> {
  template <std::size_t... I>
  static variable_named<Name.chars[I]...> spell(std::index_sequence<I...>);  // declared only
  using type = decltype(spell(std::make_index_sequence<Name.view().size()>{}));
};

/// A name given to variables of two shapes; void when there is none.
template <class Name, class FirstShape, class SecondShape>
struct name_clash {};

/// False for a clash: the condition of the static_asserts below, so that the compiler prints the
/// name and both shapes beside the sentence, as in
/// one_shape_per_name<name_clash<variable_named<'x'>, shape<2>, shape<3>>>.
template <class Clash>
inline constexpr bool one_shape_per_name = std::is_void_v<Clash>;

/// A variable as a constexpr value: its name, a hash of the name (compared first, so that most
/// comparisons are one integer's, not a string's) and a hash of its shape. Addresses of the names'
/// template parameter objects would be cheaper still, but g++ does not compare them in a constant
/// expression under -fsanitize=address.
struct variable_entry {
  std::string_view name;
  std::uint64_t name_hash = 0;
  std::uint64_t shape_hash = 0;
  bool variable = false;  // false for a graph's node that is not a variable (entry_if_variable)

  constexpr bool same_name(const variable_entry& other) const {
    return name_hash == other.name_hash && name == other.name;
  }
};

/// FNV-1a over the bytes of a name, or over the extents of a shape (rank first).
constexpr std::uint64_t fnv1a(std::uint64_t hash, std::uint64_t value) { return (hash ^ value) * 0x100000001b3; }
constexpr std::uint64_t fnv1a_basis = 0xcbf29ce484222325;

template <class Variable>
struct entry_of;
template <fixed_string Name, std::size_t... Extents>
struct entry_of<var<Name, Extents...>> {
  static constexpr variable_entry value = [] {
    std::uint64_t name_hash = fnv1a_basis;
    for (const char c : Name.view()) name_hash = fnv1a(name_hash, static_cast<unsigned char>(c));
    std::uint64_t shape_hash = fnv1a(fnv1a_basis, sizeof...(Extents));
    ((shape_hash = fnv1a(shape_hash, Extents)), ...);
    return variable_entry{Name.view(), name_hash, shape_hash, true};
  }();
};

/// The indices of the entries that are variables, ordered by name, then shape: O(n log n), where
/// comparing every pair made wrt(...) of 1000 variables cost a million comparisons.
template <std::size_t N>
struct entry_order {
  std::array<std::size_t, N> index{};
  std::size_t count = 0;
};
template <std::size_t N>
constexpr entry_order<N> ordered_variables(const std::array<variable_entry, N>& entries) {
  entry_order<N> order;
  for (std::size_t i = 0; i < N; ++i) {
    if (entries[i].variable) order.index[order.count++] = i;
  }
  std::sort(order.index.begin(), order.index.begin() + order.count, [&](std::size_t i, std::size_t j) {
    const variable_entry& a = entries[i];
    const variable_entry& b = entries[j];
    if (a.name_hash != b.name_hash) return a.name_hash < b.name_hash;
    if (a.name != b.name) return a.name < b.name;
    return a.shape_hash < b.shape_hash;
  });
  return order;
}

/// A pair (i, j), i < j, of entries with one name and two shapes; {N, N} when none: neighbours
/// in name order compared.
template <std::size_t N>
constexpr std::pair<std::size_t, std::size_t> first_clash(const std::array<variable_entry, N>& entries) {
  const entry_order<N> order = ordered_variables(entries);
  for (std::size_t k = 1; k < order.count; ++k) {
    const std::size_t i = order.index[k - 1];
    const std::size_t j = order.index[k];
    if (entries[i].shape_hash != entries[j].shape_hash && entries[i].same_name(entries[j])) {
      return {i < j ? i : j, i < j ? j : i};
    }
  }
  return {N, N};
}

/// Whether a variable occurs twice among the entries (one name with one shape).
template <std::size_t N>
constexpr bool has_repeat(const std::array<variable_entry, N>& entries) {
  const entry_order<N> order = ordered_variables(entries);
  for (std::size_t k = 1; k < order.count; ++k) {
    const variable_entry& a = entries[order.index[k - 1]];
    const variable_entry& b = entries[order.index[k]];
    if (a.same_name(b) && a.shape_hash == b.shape_hash) return true;
  }
  return false;
}

/// Whether no variable occurs twice among Variables, as wrt(...) and at(...) require. A check
/// per variable against a set of all of them (deduction against its n bases) cost O(n²): 1 s of
/// g++'s CPU for wrt(...) of 1000 variables, and as much again for at(...).
template <class... Variables>
concept all_distinct_variables =
    !has_repeat(std::array<variable_entry, sizeof...(Variables)>{entry_of<Variables>::value...});

template <std::size_t I, std::size_t J, class... Variables>
struct clash_at {
  using first = std::tuple_element_t<I, std::tuple<Variables...>>;
  using second = std::tuple_element_t<J, std::tuple<Variables...>>;
  using type = name_clash<typename name_of<first>::type, typename first::shape_type, typename second::shape_type>;
};

/// The first clash among Variables, as a name_clash type, or void.
template <class... Variables>
struct clash_among {
  static constexpr std::array<variable_entry, sizeof...(Variables)> entries{entry_of<Variables>::value...};
  static constexpr auto pair = first_clash(entries);
  using type = typename std::conditional_t<pair.first == sizeof...(Variables), std::type_identity<void>,
                                           clash_at<pair.first, pair.second, Variables...>>::type;
};
template <class... Variables>
using clash_among_t = typename clash_among<Variables...>::type;

/// Every variable of E, with repeats, as a type_list; only a failing check needs the types.
template <class E>
struct variables_in {
  using type = type_list<>;
};
template <fixed_string Name, std::size_t... Extents>
struct variables_in<var<Name, Extents...>> {
  using type = type_list<var<Name, Extents...>>;
};
template <class Op, class Arg>
struct variables_in<unary<Op, Arg>> : variables_in<Arg> {};
template <class... Left, class... Right>
type_list<Left..., Right...> concatenate(type_list<Left...>, type_list<Right...>);  // declared only
template <class Op, class Lhs, class Rhs>
struct variables_in<binary<Op, Lhs, Rhs>> {
  using type = decltype(concatenate(typename variables_in<Lhs>::type{}, typename variables_in<Rhs>::type{}));
};

template <class List>
struct clash_in_list;
template <class... Variables>
struct clash_in_list<type_list<Variables...>> : clash_among<Variables...> {};

/// Whether E's variables, the variable nodes of its flat graph, give each name one shape:
/// checked without recursion and without listing the variables as types.
/// A node's entry if it is a variable. At namespace scope, keyed by the node's expression alone:
/// a member template of graph_names_agree, whose arguments are every node, cost g++ time in
/// proportion to the graph for each node it was instantiated for (a chain of 1000 operations:
/// 0.8 s of CPU).
template <class E>
inline constexpr variable_entry entry_if_variable{};
template <fixed_string Name, std::size_t... Extents>
inline constexpr variable_entry entry_if_variable<var<Name, Extents...>> = entry_of<var<Name, Extents...>>::value;

/// Whether the variable nodes of G give each name one shape. The entries of the nodes that are
/// not variables are skipped by first_clash; no member of this specialisation on the graph's
/// nodes is read in a loop (flat_graph in core/graph.hpp says why that matters).
template <class G>
struct graph_names_agree;
template <class... Nodes, std::size_t Payloads, class Reversed, class Map, class Pieces>
struct graph_names_agree<flat_graph<node_list<Nodes...>, Payloads, Reversed, Map, Pieces>> {
  static constexpr bool value =
      first_clash(std::array<variable_entry, sizeof...(Nodes)>{entry_if_variable<typename Nodes::expression_type>...})
          .first == sizeof...(Nodes);
};

/// The first clash among E's variables, as a name_clash type, or void: for the diagnostic, once
/// names_agree_in<E> is false. It walks E's tree and lists its variables, O(n²) for n of them.
template <class E>
using clash_in_t = typename clash_in_list<typename variables_in<std::remove_cvref_t<E>>::type>::type;

/// Whether every name in E belongs to one shape. It is checked where an expression is evaluated
/// or differentiated, once for the whole expression: a check at each node as it is built merged a
/// table of the operands' names per node, O(n²) for n variables.
template <class E>
concept names_agree_in = graph_names_agree<graph_t<E>>::value;
}  // namespace ctgrad::detail
