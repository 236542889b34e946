// ctgrad/core/dataset.hpp: dataset(x = rows, y = targets), a table of rows that an expression
// written for one row is averaged over.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/config.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/io/csv.hpp>  // data_error

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <tuple>
#include <vector>

namespace ctgrad {
/// The rows of one input variable, as `x = rows` makes it from a std::vector; it refers to the
/// caller's vector (like std::span), which must outlive it.
template <class Variable, class Row>
struct column {
  using variable_type = Variable;
  const std::vector<Row>* rows;
};

/// Rows of data for the input variables of a per-row expression, all columns of one length; a
/// slice of it is a minibatch. Made by dataset(x = xs, y = ys).
template <class... Columns>
struct table {
  std::tuple<Columns...> columns;
  std::size_t first = 0;
  std::size_t count = 0;

  /// How many rows it holds.
  constexpr std::size_t size() const { return count; }

  /// Rows [begin, begin + length) of this dataset: a minibatch, without copying.
  constexpr table slice(std::size_t begin, std::size_t length) const {
    if (begin > count || length > count - begin) {
      throw data_error("ctgrad::table::slice: rows [" + std::to_string(begin) + ", " +
                       std::to_string(begin + length) + ") are outside the " +
                       std::to_string(count) + " rows");
    }
    return {columns, first + begin, length};
  }

  /// The bindings of row i, one per column, for at(...).
  CTGRAD_ALWAYS_INLINE constexpr auto row(std::size_t i) const {
    return std::apply(
        [&](const auto&... each) {
          return std::tuple{(typename std::remove_cvref_t<decltype(each)>::variable_type{} =
                                 (*each.rows)[first + i])...};
        },
        columns);
  }
};

namespace detail {
template <class T>
inline constexpr bool is_column = false;
template <class Variable, class Row>
inline constexpr bool is_column<column<Variable, Row>> = true;
}  // namespace detail

/// dataset(x = xs, y = ys): the rows of several input variables; every column must have as many
/// rows as the first, or data_error names the variables and their lengths.
template <class... Columns>
constexpr auto dataset(const Columns&... columns) {
  static_assert(sizeof...(Columns) > 0 && (detail::is_column<Columns> && ...),
                "ctgrad::dataset: every argument must give a variable its rows, as in x = rows.");
  const std::size_t rows[] = {columns.rows->size()...};
  const std::string_view names[] = {Columns::variable_type::name...};
  for (std::size_t c = 1; c < sizeof...(Columns); ++c) {
    if (rows[c] != rows[0]) {
      throw data_error("ctgrad::dataset: column " + std::string(names[c]) + " has " +
                       std::to_string(rows[c]) + " rows but column " + std::string(names[0]) +
                       " has " + std::to_string(rows[0]));
    }
  }
  return table<Columns...>{{columns...}, 0, rows[0]};
}
}  // namespace ctgrad
