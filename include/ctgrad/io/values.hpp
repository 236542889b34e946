// ctgrad/io/values.hpp: operator<< for tensor, parameters and gradients (variable_values) and
// value_and_gradient, as aligned tables of names, shapes and numbers in the stream's format.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/tensor.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/diff/reverse.hpp>

#include <algorithm>
#include <cstddef>
#include <ios>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace ctgrad {
namespace detail {
/// The columns text takes in a terminal, counted as UTF-8 code points: θ and × take one each.
inline std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

/// A shape as people write it: "16×2" for a matrix, "16" for a vector, "scalar".
template <std::size_t... Extents>
std::string shape_text(shape<Extents...>) {
  if constexpr (sizeof...(Extents) == 0) {
    return "scalar";
  } else {
    std::string text;
    ((text += (text.empty() ? "" : "×") + std::to_string(Extents)), ...);
    return text;
  }
}

/// The numbers on one printed row: a matrix's columns, a vector's length, 1 for a scalar.
template <std::size_t... Extents>
constexpr std::size_t last_extent(shape<Extents...>) {
  if constexpr (sizeof...(Extents) == 0) {
    return 1;
  } else {
    constexpr std::size_t extents[] = {Extents...};
    return extents[sizeof...(Extents) - 1];
  }
}

/// One value of a table: its name, its shape and its numbers as text, one row per matrix row.
struct value_block {
  std::string name;
  std::string shape;
  std::vector<std::vector<std::string>> rows;
};

/// value's numbers as `format` (a copy of the caller's stream state) writes them.
template <class Value>
value_block make_block(std::string_view name, const Value& value, std::ostringstream& format) {
  const auto text = [&format](auto x) {
    format.str("");
    format << x;
    return format.str();
  };
  value_block block{std::string(name), {}, {}};
  if constexpr (number<Value>) {
    block.shape = shape_text(shape<>{});
    block.rows.push_back({text(value)});
  } else {
    block.shape = shape_text(typename Value::shape_type{});
    constexpr std::size_t columns = last_extent(typename Value::shape_type{});  // a row
    for (std::size_t k = 0; k < Value::size; ++k) {
      if (k % columns == 0) block.rows.emplace_back();
      block.rows.back().push_back(text(value[k]));
    }
  }
  return block;
}

/// A stream that writes numbers as out does (precision, fixed or scientific, locale), unpadded.
inline std::ostringstream number_format(const std::ostream& out) {
  std::ostringstream format;
  format.copyfmt(out);
  format.width(0);
  return format;
}

/// Writes the blocks as a table: names, then shapes, then numbers right-aligned to one width, so
/// that every column lines up; a matrix's later rows go under its first. Every line but the last
/// ends in '\n', the last only if `final_newline`.
inline void write_blocks(std::ostream& out, const std::vector<value_block>& blocks,
                         std::string_view indent, bool final_newline) {
  out.width(0);  // a field width would pad the first piece only: ignore it
  std::size_t name_width = 0, shape_width = 0, number_width = 0;
  for (const auto& block : blocks) {
    name_width = std::max(name_width, display_width(block.name));
    shape_width = std::max(shape_width, display_width(block.shape));
    for (const auto& row : block.rows) {
      for (const auto& number : row) number_width = std::max(number_width, display_width(number));
    }
  }
  const auto pad = [&out](std::size_t count) { out << std::string(count, ' '); };
  bool first_line = true;
  for (const auto& block : blocks) {
    for (std::size_t r = 0; r < block.rows.size(); ++r) {
      if (!first_line) out << '\n';
      first_line = false;
      out << indent;
      if (name_width > 0) {
        out << (r == 0 ? block.name : "");
        pad(name_width - (r == 0 ? display_width(block.name) : 0) + 2);
      }
      out << (r == 0 ? block.shape : "");
      pad(shape_width - (r == 0 ? display_width(block.shape) : 0));
      for (const auto& number : block.rows[r]) {
        pad(number_width - display_width(number) + 2);
        out << number;
      }
    }
  }
  if (final_newline && !first_line) out << '\n';
}

template <class T, class... Variables>
std::vector<value_block> blocks_of(const variable_values<T, Variables...>& values,
                                   const std::ostream& out) {
  std::ostringstream format = number_format(out);
  std::vector<value_block> blocks;
  values.for_each([&](auto variable, const auto& value) {
    blocks.push_back(make_block(decltype(variable)::name, value, format));
  });
  return blocks;
}
}  // namespace detail

/// Writes t's shape and its numbers, a matrix one row per line, right-aligned to one width:
/// `2×2   1.5  -2\n       3   4`. Numbers follow the stream: std::setprecision, std::fixed; a
/// field width (std::setw) is ignored.
template <class T, std::size_t... Extents>
std::ostream& operator<<(std::ostream& out, const tensor<T, Extents...>& t) {
  std::ostringstream format = detail::number_format(out);
  detail::write_blocks(out, {detail::make_block("", t, format)}, "", false);
  return out;
}

/// Writes one line per variable (and per further matrix row): its name, its shape and its
/// numbers, every column aligned across variables; the numbers follow the stream's precision and
/// floatfield (std::setprecision, std::fixed, std::scientific). For parameters and gradients.
template <class T, class... Variables>
std::ostream& operator<<(std::ostream& out, const variable_values<T, Variables...>& values) {
  detail::write_blocks(out, detail::blocks_of(values, out), "", true);
  return out;
}

/// Writes `value ` and the value, then `gradient` and the gradient's table indented by two.
template <class T, class... Variables>
std::ostream& operator<<(std::ostream& out, const value_and_gradient<T, Variables...>& result) {
  std::ostringstream format = detail::number_format(out);
  format << result.value;
  out.width(0);
  out << "value " << format.str() << "\ngradient\n";
  detail::write_blocks(out, detail::blocks_of(result.grad, out), "  ", true);
  return out;
}
}  // namespace ctgrad
