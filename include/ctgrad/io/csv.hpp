// ctgrad/io/csv.hpp: read_csv, numeric columns from a CSV file with a header, with precise errors.
#pragma once

#include <ctgrad/core/data_error.hpp>

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace ctgrad {
namespace detail {
inline std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

/// At most 40 bytes of text for a message, cut at a UTF-8 character boundary and ended with
/// "...", with control bytes written as \xHH: a 50 MB line gives a short what(), and a NUL byte
/// does not end it early.
inline std::string excerpt(std::string_view text) {
  constexpr std::size_t limit = 40;
  std::size_t length = text.size();
  if (length > limit) {
    length = limit;
    while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  }
  std::string shown;
  for (const char c : text.substr(0, length)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      constexpr std::string_view hex = "0123456789abcdef";
      shown += "\\x";
      shown += hex[byte >> 4];
      shown += hex[byte & 0xF];
    } else {
      shown += c;
    }
  }
  return length < text.size() ? shown + "..." : shown;
}

/// The fields of one line, split at commas. A field in double quotes (RFC 4180) may hold commas,
/// and "" inside it is one quote; its text is what the quotes enclose. Returns false, with the
/// fields read so far, if a quoted field is not closed on its line: read_csv does not read a
/// field that spans lines.
inline bool split_fields(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::size_t at = 0;
  for (;;) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    if (at < line.size() && line[at] == '"') {
      std::string field;
      std::size_t i = at + 1;
      for (;; ++i) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            break;
          }
        } else {
          field += line[i];
        }
      }
      const std::size_t comma = line.find(',', i + 1);
      // Only spaces may follow the closing quote; anything else stays in the field and fails
      // later as a number or a column name, where the message shows it.
      const std::string_view after = trim(line.substr(i + 1, comma - (i + 1)));
      fields.push_back(after.empty() ? field : "\"" + field + "\"" + std::string(after));
      if (comma == std::string_view::npos) return true;
      at = comma + 1;
    } else {
      const std::size_t comma = line.find(',', at);
      fields.emplace_back(trim(line.substr(at, comma - at)));
      if (comma == std::string_view::npos) return true;
      at = comma + 1;
    }
  }
}

/// Whether a number from_chars found out of range is too small (it would underflow to 0) rather
/// than too large: its exponent is negative, or it has none and starts with "0." or ".".
inline bool underflows(std::string_view number) {
  const std::size_t e = number.find_first_of("eE");
  if (e != std::string_view::npos) return e + 1 < number.size() && number[e + 1] == '-';
  if (number.starts_with('-')) number.remove_prefix(1);
  return number.starts_with("0.") || number.starts_with('.');
}
}  // namespace detail

/// The rows of a CSV file as numbers, in the order `columns` names them; the first line is a
/// header (a UTF-8 byte order mark is skipped) that must contain every name in `columns`, each
/// once. Lines end in LF or CRLF; blank lines after the header are skipped; a value may start with
/// '+'; a field may be quoted (RFC 4180, within one line). Throws data_error naming file, line and
/// value (cut to 40 bytes) for a directory, a blank header, lines ending in CR alone, a missing
/// column, a short row, a quoted field left open, a number out of a double's range (one that
/// would underflow to 0 as well) or a value that is not a finite number (NaN and infinity are
/// rejected: they would silently poison a gradient).
template <std::size_t N>
std::vector<std::array<double, N>> read_csv(const std::string& path,
                                            const std::array<std::string_view, N>& columns) {
  std::ifstream file(path, std::ios::binary);  // binary: a CR is seen, not translated
  if (!file) throw data_error(path + ": cannot open the file");
  const auto where = [&](std::size_t line) { return path + ":" + std::to_string(line) + ": "; };

  std::string line;
  std::size_t line_number = 1;
  errno = 0;
  if (!std::getline(file, line)) {
    // A directory opens, but reading it fails (badbit, EISDIR); an empty file only ends (eofbit).
    // <filesystem> would say so up front, at a fifth of a second more for every includer.
    if (file.bad()) {
      throw data_error(path + (errno == EISDIR ? ": is a directory, not a CSV file" : ": cannot read the file"));
    }
    throw data_error(where(1) + "the file is empty; expected a header");
  }
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a UTF-8 byte order mark
  const std::size_t carriage_return = line.find('\r');
  if (carriage_return != std::string::npos && carriage_return + 1 < line.size()) {
    throw data_error(where(1) + "the lines end in a carriage return (CR) alone; read_csv reads lines "
                                "that end in LF or CRLF");
  }
  if (detail::trim(line).empty()) {
    throw data_error(where(1) + "the first line is blank; expected a header naming the columns");
  }
  std::vector<std::string> header;
  if (!detail::split_fields(line, header)) {
    throw data_error(where(1) + "a quoted field is not closed on its line; read_csv reads quoted "
                                "fields only within one line");
  }
  for (std::size_t h = 0; h < header.size(); ++h) {
    for (std::size_t other = 0; other < h; ++other) {
      if (header[h] == header[other]) {
        throw data_error(where(1) + "the header names column '" + detail::excerpt(header[h]) + "' twice");
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
      throw data_error(where(1) + "the header has no column '" + detail::excerpt(columns[c]) + "'");
    }
    position[c] = found;
  }

  std::vector<std::array<double, N>> rows;
  std::vector<std::string> fields;
  while (std::getline(file, line)) {
    ++line_number;
    if (detail::trim(line).empty()) continue;
    if (!detail::split_fields(line, fields)) {
      throw data_error(where(line_number) + "a quoted field is not closed on its line; read_csv reads "
                                            "quoted fields only within one line");
    }
    if (fields.size() != header.size()) {
      throw data_error(where(line_number) + "expected " + std::to_string(header.size()) +
                       " values, found " + std::to_string(fields.size()) + " in '" +
                       detail::excerpt(detail::trim(line)) + "'");
    }
    std::array<double, N> row{};
    for (std::size_t c = 0; c < N; ++c) {
      const std::string_view field = fields[position[c]];
      // from_chars takes no leading '+', which spreadsheets write; "+-1" stays an error.
      const std::string_view digits =
          field.starts_with('+') && !field.substr(1).starts_with('-') ? field.substr(1) : field;
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), row[c]);
      const std::string value = "column '" + std::string(columns[c]) + "': '" + detail::excerpt(field) + "'";
      if (error == std::errc::result_out_of_range && end == digits.data() + digits.size()) {
        throw data_error(where(line_number) + value +
                         (detail::underflows(digits)
                              ? " is too small for a double: it would underflow to 0 (write 0 if that is meant)"
                              : " is too large for a double"));
      }
      if (error != std::errc{} || end != digits.data() + digits.size() || !std::isfinite(row[c])) {
        throw data_error(where(line_number) + value + " is not a finite number");
      }
    }
    rows.push_back(row);
  }
  return rows;
}
}  // namespace ctgrad
