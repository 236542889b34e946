// ctgrad/core/dataset.hpp: dataset(x = rows, y = targets), a table of rows that an expression
// written for one row is averaged over, its slices and its (shuffled) batches.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/config.hpp>
#include <ctgrad/core/data_error.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/detail/type_traits.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <tuple>
#include <utility>
#include <vector>

namespace ctgrad {
/// The rows of one input variable, as `x = rows` makes it from a named std::vector (a temporary
/// is a compile error); it refers to the caller's vector (like std::span), which must outlive it.
template <class Variable, class Row>
struct column {
  using variable_type = Variable;
  using row_type = Row;
  const std::vector<Row>* rows;
};

/// What table::batches does with a last batch shorter than the others: keep it or drop it.
enum class last_batch { keep, drop };

template <class... Columns>
struct batch_range;

namespace detail {
/// A uniform integer in [0, n), n > 0, from std::mt19937_64 by rejection: the engine's outputs
/// are fixed by the standard, std::uniform_int_distribution's use of them is not, so every
/// standard library shuffles alike.
inline std::size_t uniform_index(std::mt19937_64& generator, std::size_t n) {
  const std::uint64_t bound = n;
  const std::uint64_t reject_below = (0 - bound) % bound;  // 2^64 mod n: the biased low values
  std::uint64_t draw = generator();
  while (draw < reject_below) draw = generator();
  return static_cast<std::size_t>(draw % bound);
}

/// Throws data_error if a number of one row's cell (a number, tensor or std::array) is not finite.
template <class Cell>
void check_finite_cell(std::string_view column, const Cell& cell, std::size_t row) {
  const auto check = [&](auto value, std::string element) {
    if (!std::isfinite(value)) {
      throw data_error("ctgrad::table::row: row " + std::to_string(row) + " of the data set, column " +
                       std::string(column) + element + ", is " + (std::isnan(value) ? "nan" : "infinite") +
                       "; require_finite() rejects it");
    }
  };
  if constexpr (std::is_arithmetic_v<Cell>) {
    check(cell, "");
  } else {
    std::size_t k = 0;
    for (const auto value : cell) check(value, "[" + std::to_string(k++) + "]");
  }
}

/// "[begin, end)" for a requested range, written without wrapping around when end overflows.
inline std::string row_range(std::size_t begin, std::size_t length) {
  const bool fits = length <= std::numeric_limits<std::size_t>::max() - begin;
  return "[" + std::to_string(begin) + ", " +
         (fits ? std::to_string(begin + length) : std::to_string(begin) + " + " + std::to_string(length)) + ")";
}
}  // namespace detail

namespace detail {
/// Throws the data_error of a column whose vector has `has` rows where the data set has `rows`.
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_column_changed(std::string_view column, std::size_t has,
                                                                       std::size_t rows) {
  throw data_error("ctgrad::table: column " + std::string(column) + " has " + std::to_string(has) +
                   " rows but the data set has " + std::to_string(rows) + "; its vector changed after dataset(...)");
}
}  // namespace detail

namespace detail {
template <class... Columns>
struct row_view;
}  // namespace detail

/// Rows of data for the input variables of a per-row expression, all columns of one length; a
/// slice of it is a minibatch. Made by dataset(x = xs, y = ys). Every access checks that each
/// column's vector still has the data set's row count, so a vector changed afterwards throws
/// data_error instead of being read past its end.
template <class... Columns>
struct table {
  std::tuple<Columns...> columns;
  std::size_t first = 0;  // the first row, counted in the data set (or in order)
  std::size_t count = 0;  // how many rows this table holds
  std::size_t rows = 0;   // the data set's row count, which every column must keep
  std::shared_ptr<const std::vector<std::size_t>> order;  // shuffled rows of the data set, or null
  bool finite_rows = false;  // whether row(i) checks that its numbers are finite

  /// This table, with row(i) checking that every number of the row is finite: a NaN or infinite
  /// input throws data_error naming the row (of the data set) and the column, where it would
  /// otherwise poison the mean loss and gradient. Off by default; a branch per row when on.
  table require_finite() const {
    table checked = *this;
    checked.finite_rows = true;
    return checked;
  }

  /// Throws data_error naming the first column whose vector no longer has the data set's rows.
  /// The comparisons are inline; the message is built in a cold function of its own, so a loop
  /// that checks holds a compare and a branch, not a call.
  CTGRAD_ALWAYS_INLINE void check_columns() const {
    std::apply(
        [&](const auto&... each) {
          ((each.rows->size() == rows
                ? void()
                : detail::throw_column_changed(std::remove_cvref_t<decltype(each)>::variable_type::name,
                                               each.rows->size(), rows)),
           ...);
        },
        columns);
  }

  /// Throws data_error if a number of row `index` of the data set is NaN or infinite; cold, since
  /// it runs only under require_finite().
  [[gnu::cold, gnu::noinline]] void check_finite_row(std::size_t index) const {
    std::apply(
        [&](const auto&... each) {
          (detail::check_finite_cell(std::remove_cvref_t<decltype(each)>::variable_type::name, (*each.rows)[index],
                                     index),
           ...);
        },
        columns);
  }

  /// check_finite_row for every row of this table, in its order: the first NaN or infinite
  /// number throws, naming its row and column. Called once before a loop over the rows, so
  /// that the loop holds no check: a branch per row cost W2's documented call 4% of its
  /// instructions, and the rows a loop would have swept before the bad one are lost anyway.
  [[gnu::cold, gnu::noinline]] void check_finite_rows() const {
    for (std::size_t i = 0; i < count; ++i) check_finite_row(data_set_row(i));
  }

  /// How many rows it holds; checks the columns first, so a loop `i < size()` never reads past one.
  std::size_t size() const {
    check_columns();
    return count;
  }

  /// Rows [begin, begin + length) of this table: a minibatch, without copying.
  table slice(std::size_t begin, std::size_t length) const {
    check_columns();
    if (begin > count || length > count - begin) {
      throw data_error("ctgrad::table::slice: rows " + detail::row_range(begin, length) + " are outside the " +
                       std::to_string(count) + " rows");
    }
    return {columns, first + begin, length, rows, order, finite_rows};
  }

  /// The bindings of row i (counted within this table), one per column, for at(...); throws
  /// data_error for a row outside the table or a column whose vector changed.
  CTGRAD_ALWAYS_INLINE auto row(std::size_t i) const {
    if (i >= size()) {
      throw data_error("ctgrad::table::row: row " + std::to_string(i) + " is outside the " + std::to_string(count) +
                       " rows");
    }
    if (finite_rows) check_finite_row(data_set_row(i));
    return unchecked_rows().row(i);
  }

  /// The rows of this table for a loop over i < size() that has just checked them
  /// (value_and_grad's): view.row(i) is row(i) without the checks of i and of the columns'
  /// lengths. The view copies the columns' element pointers, the first row and the order once,
  /// so the loop reloads none of them after each write to a gradient (which the compiler cannot
  /// prove does not alias the table). Under require_finite() every row is checked here, once,
  /// before the loop: the first NaN or infinite number throws, as row(i) would at its row.
  CTGRAD_ALWAYS_INLINE auto checked_rows() const {
    if (finite_rows) [[unlikely]] check_finite_rows();
    return unchecked_rows();
  }

  /// Consecutive batches of `size` rows in order, for `for (auto batch : data.batches(32))`; each
  /// batch is a table. The last is shorter if size does not divide size(), unless dropped.
  batch_range<Columns...> batches(std::size_t size, last_batch last = last_batch::keep) const {
    return {slice(0, count), size, last};
  }

  /// Batches of `size` rows in an order shuffled by std::mt19937_64(shuffle_seed) (Fisher–Yates):
  /// the same seed gives the same batches with every standard library.
  batch_range<Columns...> batches(std::size_t size, std::uint64_t shuffle_seed,
                                  last_batch last = last_batch::keep) const {
    check_columns();
    std::vector<std::size_t> shuffled(count);
    for (std::size_t i = 0; i < count; ++i) shuffled[i] = data_set_row(i);
    std::mt19937_64 generator(shuffle_seed);
    for (std::size_t i = count; i > 1; --i) std::swap(shuffled[i - 1], shuffled[detail::uniform_index(generator, i)]);
    return {table{columns, 0, count, rows, std::make_shared<const std::vector<std::size_t>>(std::move(shuffled)),
                  finite_rows},
            size, last};
  }

 private:
  /// The row of the data set that row i of this table is (through the shuffled order, if any).
  std::size_t data_set_row(std::size_t i) const { return order ? (*order)[first + i] : first + i; }

  /// The view checked_rows() and row(i) read through, made without checking anything.
  CTGRAD_ALWAYS_INLINE detail::row_view<Columns...> unchecked_rows() const {
    return std::apply(
        [&](const auto&... each) {
          return detail::row_view<Columns...>{order ? order->data() : nullptr, first, {each.rows->data()...}};
        },
        columns);
  }
};

/// The batches of a table, made by table::batches; iterating yields tables of `size` rows.
namespace detail {
/// table::checked_rows(): a table's rows through element pointers copied out of it once.
template <class... Columns>
struct row_view {
  const std::size_t* order;  // the shuffled order, or null
  std::size_t first;
  std::tuple<const typename Columns::row_type*...> elements;

  /// The bindings of row i, as table::row(i) gives them, without its checks.
  CTGRAD_ALWAYS_INLINE auto row(std::size_t i) const {
    const std::size_t index = order ? order[first + i] : first + i;
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
      return std::tuple{(typename Columns::variable_type{} = std::get<K>(elements)[index])...};
    }(std::index_sequence_for<Columns...>{});
  }
};
}  // namespace detail

template <class... Columns>
struct batch_range {
  table<Columns...> data;  // the rows to cut, in the order the batches take them
  std::size_t batch_size;
  last_batch last;

  batch_range(table<Columns...> rows, std::size_t size, last_batch policy)
      : data(std::move(rows)), batch_size(size), last(policy) {
    if (batch_size == 0) throw data_error("ctgrad::table::batches: a batch must hold at least one row");
  }

  /// How many batches there are.
  std::size_t size() const {
    const std::size_t n = data.size();
    return last == last_batch::drop ? n / batch_size : n / batch_size + (n % batch_size != 0);
  }

  /// Batch k: rows [k·batch_size, k·batch_size + batch_size) of the (shuffled) table, or fewer last.
  table<Columns...> operator[](std::size_t k) const {
    const std::size_t begin = k * batch_size;
    const std::size_t n = data.size();
    return data.slice(begin, std::min(batch_size, n - std::min(begin, n)));
  }

  struct iterator {
    const batch_range* range;
    std::size_t k;
    table<Columns...> operator*() const { return (*range)[k]; }
    iterator& operator++() {
      ++k;
      return *this;
    }
    friend bool operator==(const iterator&, const iterator&) = default;
  };
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }
};

namespace detail {
template <class T>
inline constexpr bool is_column = false;
template <class Variable, class Row>
inline constexpr bool is_column<column<Variable, Row>> = true;

template <class... Columns>
table<Columns...> make_table(const Columns&... columns) {
  const std::size_t rows[] = {columns.rows->size()...};
  const std::string_view names[] = {Columns::variable_type::name...};
  for (std::size_t c = 1; c < sizeof...(Columns); ++c) {
    if (rows[c] != rows[0]) {
      throw data_error("ctgrad::dataset: column " + std::string(names[c]) + " has " +
                       std::to_string(rows[c]) + " rows but column " + std::string(names[0]) +
                       " has " + std::to_string(rows[0]));
    }
  }
  return {{columns...}, 0, rows[0], rows[0], nullptr, false};
}
}  // namespace detail

/// dataset(x = xs, y = ys): the rows of several input variables; every column must have as many
/// rows as the first, or data_error names the variables and their lengths.
template <class... Columns>
auto dataset(const Columns&... columns) {
  if constexpr (!(sizeof...(Columns) > 0 && (detail::is_column<Columns> && ...))) {
    static_assert(sizeof...(Columns) > 0 && (detail::is_column<Columns> && ...),
                  "ctgrad::dataset: every argument must give a variable its rows, as in x = rows.");
    return table<>{};  // the sentence above is the only error
  } else {
    return detail::make_table(columns...);
  }
}
}  // namespace ctgrad
