// ctgrad/core/names.hpp: one name, one variable: the checks that two variables of one name
// (var<"x", 2> and var<"x", 3>) never meet in an expression, a wrt(...) or an at(...).
#pragma once

#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

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
    return variable_entry{Name.view(), name_hash, shape_hash};
  }();
};

/// The first pair (i, j), i < j, of entries with one name and two shapes; {n, n} when none.
template <std::size_t N>
constexpr std::pair<std::size_t, std::size_t> first_clash(const std::array<variable_entry, N>& entries) {
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = i + 1; j < N; ++j) {
      if (entries[i].shape_hash != entries[j].shape_hash && entries[i].same_name(entries[j])) return {i, j};
    }
  }
  return {N, N};
}

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

// Each node's variables as a constexpr table, one entry per name, merged once per binary node:
// a constexpr loop compares names, where a fold over type pairs would instantiate one template per
// pair.
template <class E>
struct variable_table {
  static constexpr std::array<variable_entry, 0> entries{};
};
template <fixed_string Name, std::size_t... Extents>
struct variable_table<var<Name, Extents...>> {
  static constexpr std::array<variable_entry, 1> entries{entry_of<var<Name, Extents...>>::value};
};
template <class Op, class Arg>
struct variable_table<unary<Op, Arg>> : variable_table<Arg> {};

// The helpers below are templates of the tables' sizes, not of the expression types: a function
// (or lambda) instantiated per node type carries the node's O(n)-long name through the compiler's
// back end, which made a sum of 200 variables compile twice as long.
template <std::size_t L>
constexpr bool contains_name(const std::array<variable_entry, L>& table, const variable_entry& name) {
  for (const auto& entry : table) {
    if (entry.same_name(name)) return true;
  }
  return false;
}

template <std::size_t L, std::size_t R>
constexpr std::size_t count_new_names(const std::array<variable_entry, L>& left,
                                      const std::array<variable_entry, R>& right) {
  std::size_t count = 0;
  for (const auto& entry : right) count += contains_name(left, entry) ? 0 : 1;
  return count;
}

template <std::size_t N, std::size_t L, std::size_t R>
constexpr std::array<variable_entry, N> merge_tables(const std::array<variable_entry, L>& left,
                                                     const std::array<variable_entry, R>& right) {
  std::array<variable_entry, N> merged{};
  std::size_t k = 0;
  for (const auto& entry : left) merged[k++] = entry;
  for (const auto& entry : right) {
    if (!contains_name(left, entry)) merged[k++] = entry;
  }
  return merged;
}

template <std::size_t L, std::size_t R>
constexpr bool tables_agree(const std::array<variable_entry, L>& left, const std::array<variable_entry, R>& right) {
  for (const auto& a : left) {
    for (const auto& b : right) {
      if (a.shape_hash != b.shape_hash && a.same_name(b)) return false;
    }
  }
  return true;
}

template <class Op, class Lhs, class Rhs>
struct variable_table<binary<Op, Lhs, Rhs>> {
  static constexpr auto& left = variable_table<Lhs>::entries;
  static constexpr auto& right = variable_table<Rhs>::entries;
  static constexpr auto entries = merge_tables<left.size() + count_new_names(left, right)>(left, right);
};

/// Whether every name in A and B belongs to one shape: the check of every binary node, whose
/// operands have each passed it already.
template <class A, class B>
inline constexpr bool names_agree =
    tables_agree(variable_table<std::remove_cvref_t<A>>::entries, variable_table<std::remove_cvref_t<B>>::entries);

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

/// The first clash between A's and B's variables, as a name_clash type, or void.
template <class A, class B>
using clash_between_t = typename clash_in_list<decltype(concatenate(
    typename variables_in<std::remove_cvref_t<A>>::type{}, typename variables_in<std::remove_cvref_t<B>>::type{}))>::type;
}  // namespace ctgrad::detail
