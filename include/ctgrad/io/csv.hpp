// ctgrad/io/csv.hpp: read_csv, numeric columns from a CSV file with a header, with precise errors.
#pragma once

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace ctgrad {
/// Bad input data; what() names the file, the line and the offending value.
struct data_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

namespace detail {
inline std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

inline std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(trim(line.substr(start, comma - start)));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}
}  // namespace detail

/// The rows of a CSV file as numbers, in the order `columns` names them; the first line is a
/// header (a UTF-8 byte order mark is skipped) that must contain every name in `columns`, each
/// once. Blank lines are skipped; a value may start with '+'. Throws data_error
/// naming file, line and value for a missing column, a short row or a value that is not a finite
/// number (NaN and infinity are rejected: they would silently poison a gradient).
template <std::size_t N>
std::vector<std::array<double, N>> read_csv(const std::string& path,
                                            const std::array<std::string_view, N>& columns) {
  std::ifstream file(path);
  if (!file) throw data_error(path + ": cannot open the file");
  const auto where = [&](std::size_t line) { return path + ":" + std::to_string(line) + ": "; };

  std::string line;
  std::size_t line_number = 1;
  if (!std::getline(file, line)) throw data_error(where(1) + "the file is empty; expected a header");
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a UTF-8 byte order mark
  const auto header = detail::split_fields(line);
  for (std::size_t h = 0; h < header.size(); ++h) {
    for (std::size_t other = 0; other < h; ++other) {
      if (header[h] == header[other]) {
        throw data_error(where(1) + "the header names column '" + std::string(header[h]) + "' twice");
      }
    }
  }
  std::array<std::size_t, N> position{};
  for (std::size_t c = 0; c < N; ++c) {
    std::size_t found = header.size();
    for (std::size_t h = 0; h < header.size(); ++h) {
      if (header[h] == columns[c]) found = h;
    }
    if (found == header.size()) {
      throw data_error(where(1) + "the header has no column '" + std::string(columns[c]) + "'");
    }
    position[c] = found;
  }

  std::vector<std::array<double, N>> rows;
  while (std::getline(file, line)) {
    ++line_number;
    if (detail::trim(line).empty()) continue;
    const auto fields = detail::split_fields(line);
    if (fields.size() != header.size()) {
      throw data_error(where(line_number) + "expected " + std::to_string(header.size()) +
                       " values, found " + std::to_string(fields.size()) + " in '" + line + "'");
    }
    std::array<double, N> row{};
    for (std::size_t c = 0; c < N; ++c) {
      const std::string_view field = fields[position[c]];
      // from_chars takes no leading '+', which spreadsheets write; "+-1" stays an error.
      const std::string_view digits =
          field.starts_with('+') && !field.substr(1).starts_with('-') ? field.substr(1) : field;
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), row[c]);
      if (error != std::errc{} || end != digits.data() + digits.size() || !std::isfinite(row[c])) {
        throw data_error(where(line_number) + "column '" + std::string(columns[c]) + "': '" +
                         std::string(field) + "' is not a finite number");
      }
    }
    rows.push_back(row);
  }
  return rows;
}
}  // namespace ctgrad
