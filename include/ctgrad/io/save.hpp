// ctgrad/io/save.hpp: save(params, path) and load(params, path), parameters in a text file that
// names and shapes every variable and reads back exactly.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/io/csv.hpp>  // data_error
#include <ctgrad/io/values.hpp>

#include <charconv>
#include <cstddef>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace ctgrad {
namespace detail {
/// The first line of every parameter file, with the format's version.
inline constexpr std::string_view parameters_magic = "ctgrad parameters 1";

/// Whether a name can be written on a line of its own: not empty, no space, tab or newline.
constexpr bool savable_name(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return false;
  }
  return true;
}

/// The shortest text that reads back as value (std::to_chars): exact, and short for short numbers.
template <class T>
std::string exact_text(T value) {
  char digits[128];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  return std::string(digits, end);
}

/// The fields of a line, separated by spaces and tabs.
inline std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at < line.size();) {
    if (line[at] == ' ' || line[at] == '\t') {
      ++at;
      continue;
    }
    const std::size_t end = line.find_first_of(" \t", at);
    words.push_back(line.substr(at, end - at));
    at = end == std::string_view::npos ? line.size() : end;
  }
  return words;
}

/// Reads a parameter file line by line, skipping blank lines and '#' comments, and words its errors.
struct parameter_reader {
  std::ifstream file;
  std::string path;
  std::size_t line_number = 0;
  std::string line{};

  /// The next line with content; false at the end of the file.
  bool next() {
    while (std::getline(file, line)) {
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const auto words = split_words(line);
      if (!words.empty() && !words.front().starts_with('#')) return true;
    }
    ++line_number;  // errors at the end name the line after the last
    return false;
  }
  [[noreturn]] void fail(const std::string& message) const {
    throw data_error(path + ":" + std::to_string(line_number) + ": " + message);
  }
};

/// Reads one variable's header and numbers into value, or throws naming the file, the line, the
/// variable and both shapes.
template <class Variable, class Value>
void load_variable(parameter_reader& reader, Value& value) {
  const std::string name(Variable::name);
  const std::string shape = shape_text(typename Variable::shape_type{});
  const std::string described = "'" + name + "' (" + shape + ")";
  if (!reader.next()) reader.fail("end of file: the model's variable " + described + " is missing");
  const auto header = split_words(reader.line);
  if (header.size() != 2) {
    reader.fail("expected a variable's name and shape, as '" + name + " " + shape + "', found '" +
                reader.line + "'");
  }
  if (header[0] != name) {
    reader.fail("expected the model's variable " + described + ", found '" + std::string(header[0]) +
                "' (" + std::string(header[1]) + ")");
  }
  if (header[1] != shape) {
    reader.fail("variable '" + name + "' has shape " + shape + " in the model but " +
                std::string(header[1]) + " in the file");
  }
  using shape_type = typename Variable::shape_type;
  constexpr std::size_t columns = last_extent(shape_type{});
  constexpr std::size_t rows = shape_type::size / columns;
  for (std::size_t row = 0; row < rows; ++row) {
    if (!reader.next()) {
      reader.fail("end of file in variable " + described + ": expected " + std::to_string(rows) +
                  " rows of numbers, found " + std::to_string(row));
    }
    const auto words = split_words(reader.line);
    if (words.size() != columns) {
      reader.fail("variable " + described + ", row " + std::to_string(row + 1) + ": expected " +
                  std::to_string(columns) + " numbers, found " + std::to_string(words.size()) +
                  " in '" + reader.line + "'");
    }
    for (std::size_t column = 0; column < columns; ++column) {
      auto& target = [&]() -> auto& {
        if constexpr (number<Value>) {
          return value;
        } else {
          return value[row * columns + column];
        }
      }();
      const std::string_view word = words[column];
      const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), target);
      if (error != std::errc{} || end != word.data() + word.size()) {
        reader.fail("variable " + described + ": '" + std::string(word) + "' is not a number");
      }
    }
  }
}
}  // namespace detail

/// Writes params to path as text: a first line `ctgrad parameters 1`, then for each variable a
/// line with its name and shape (`W1 16×2`) and its numbers, one line per matrix row, each the
/// shortest text that reads back as the same number. Throws std::runtime_error naming the file if
/// it cannot be written.
template <class T, class... Variables>
void save(const variable_values<T, Variables...>& params, const std::string& path) {
  static_assert((detail::savable_name(Variables::name) && ...),
                "ctgrad::save: a variable's name is empty or has a space, tab or newline; rename it.");
  std::ofstream file(path);
  if (!file) throw std::runtime_error(path + ": cannot open the file for writing");
  file << detail::parameters_magic << '\n';
  params.for_each([&file](auto variable, const auto& value) {
    using Variable = decltype(variable);
    file << Variable::name << ' ' << detail::shape_text(typename Variable::shape_type{}) << '\n';
    if constexpr (number<decltype(value)>) {
      file << detail::exact_text(value) << '\n';
    } else {
      constexpr std::size_t columns = detail::last_extent(typename Variable::shape_type{});
      for (std::size_t k = 0; k < Variable::shape_type::size; ++k) {
        file << detail::exact_text(value[k]) << ((k + 1) % columns == 0 ? '\n' : ' ');
      }
    }
  });
  file.close();
  if (!file) throw std::runtime_error(path + ": writing the file failed");
}

/// Reads a file written by save into params. The file must list params' variables in order, each
/// with its shape and all its numbers; otherwise load throws data_error naming the file, the line,
/// the variable and both shapes, and params is unchanged. Blank lines and lines that start with
/// '#' are skipped.
template <class T, class... Variables>
void load(variable_values<T, Variables...>& params, const std::string& path) {
  static_assert((detail::savable_name(Variables::name) && ...),
                "ctgrad::load: a variable's name is empty or has a space, tab or newline; rename it.");
  detail::parameter_reader reader{std::ifstream(path), path};
  if (!reader.file) throw data_error(path + ": cannot open the file");
  const std::string magic(detail::parameters_magic);
  if (!reader.next()) reader.fail("the file is empty; expected '" + magic + "'");
  if (reader.line != magic) {
    reader.fail("expected '" + magic + "' (a file written by ctgrad::save), found '" + reader.line + "'");
  }
  variable_values<T, Variables...> loaded = params;
  loaded.for_each([&reader](auto variable, auto& value) {
    detail::load_variable<decltype(variable)>(reader, value);
  });
  if (reader.next()) {
    reader.fail("the model has " + std::to_string(sizeof...(Variables)) +
                " variables and all were read; found more: '" + reader.line + "'");
  }
  params = loaded;
}
}  // namespace ctgrad
