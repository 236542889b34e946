// tests/io/csv_test.cpp
#include <ctgrad/io/csv.hpp>  // first: proves the header stands alone

#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>

using namespace ctgrad;

namespace {
// A CSV file in the temporary directory, removed when the test ends.
struct temp_csv {
  std::filesystem::path path;
  temp_csv(std::string_view name, std::string_view text)
      : path(std::filesystem::temp_directory_path() /
             ("ctgrad_csv_test_" + std::string(name) + ".csv")) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~temp_csv() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
  temp_csv(const temp_csv&) = delete;
  temp_csv& operator=(const temp_csv&) = delete;
};

// The message of the data_error that reading `file` throws, or "" if none is thrown.
std::string error_of(const temp_csv& file) {
  try {
    read_csv<3>(file.path.string(), {"x1", "x2", "y"});
  } catch (const data_error& error) {
    return error.what();
  }
  return "";
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("io/csv: a well-formed file parses into rows in the requested column order") {
  const temp_csv file("good", "x1,x2,y\n1,2,3\n-0.5, 1e-3 ,4.25\n\n7,8,9\n");
  const auto rows = read_csv<3>(file.path.string(), {"x1", "x2", "y"});
  REQUIRE(rows.size() == 3);  // the blank line is skipped
  CHECK(rows[0] == std::array{1.0, 2.0, 3.0});
  CHECK(rows[1] == std::array{-0.5, 1e-3, 4.25});  // surrounding spaces are trimmed
  CHECK(rows[2] == std::array{7.0, 8.0, 9.0});
}

TEST_CASE("io/csv: columns are found by header name, in any order, extra columns ignored") {
  const temp_csv file("reordered", "y,id,x2,x1\r\n3,100,2,1\r\n6,101,5,4\r\n");  // CRLF too
  const auto rows = read_csv<3>(file.path.string(), {"x1", "x2", "y"});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == std::array{1.0, 2.0, 3.0});
  CHECK(rows[1] == std::array{4.0, 5.0, 6.0});
  const auto one_column = read_csv<1>(file.path.string(), {"id"});
  CHECK(one_column[1][0] == 101.0);
}

TEST_CASE("io/csv: a malformed number names the file, the line, the column and the value") {
  const temp_csv file("malformed", "x1,x2,y\n1,2,3\n4,5x,6\n");
  const std::string message = error_of(file);
  CHECK(contains(message, file.path.string()));
  CHECK(contains(message, ":3:"));
  CHECK(contains(message, "'5x'"));
  CHECK(contains(message, "x2"));
}

TEST_CASE("io/csv: a row with too few fields names the line and shows it") {
  const temp_csv file("short", "x1,x2,y\n1,2,3\n4,5\n");
  const std::string message = error_of(file);
  CHECK(contains(message, file.path.string() + ":3:"));
  CHECK(contains(message, "'4,5'"));
  CHECK(contains(message, "expected 3 values, found 2"));
}

TEST_CASE("io/csv: NaN and infinity are rejected, as they would poison a gradient") {
  const temp_csv nan_file("nan", "x1,x2,y\n1,2,3\n4,5,6\n7,nan,9\n");
  const std::string nan_message = error_of(nan_file);
  CHECK(contains(nan_message, nan_file.path.string() + ":4:"));
  CHECK(contains(nan_message, "'nan'"));
  const temp_csv inf_file("inf", "x1,x2,y\n-inf,2,3\n");
  const std::string inf_message = error_of(inf_file);
  CHECK(contains(inf_message, inf_file.path.string() + ":2:"));
  CHECK(contains(inf_message, "'-inf'"));
  const temp_csv huge_file("huge", "x1,x2,y\n1,2,1e999\n");  // overflows double
  CHECK(contains(error_of(huge_file), "'1e999'"));
}

TEST_CASE("io/csv: a missing header column is named") {
  const temp_csv file("missing", "x1,x2,target\n1,2,3\n");
  const std::string message = error_of(file);
  CHECK(contains(message, file.path.string() + ":1:"));
  CHECK(contains(message, "'y'"));
}

TEST_CASE("io/csv: an empty file and a file that does not exist throw data_error naming the path") {
  const temp_csv empty("empty", "");
  CHECK(contains(error_of(empty), empty.path.string() + ":1:"));
  const std::string missing =
      (std::filesystem::temp_directory_path() / "ctgrad_csv_test_does_not_exist.csv").string();
  CHECK_THROWS_AS(read_csv<1>(missing, {"x"}), data_error);
  try {
    read_csv<1>(missing, {"x"});
  } catch (const data_error& error) {
    CHECK(contains(error.what(), missing));
  }
}

TEST_CASE("io/csv: a byte order mark and a leading '+' are accepted") {
  const temp_csv file("bom_plus", "\xEF\xBB\xBFx1,x2,y\n+1.5,-2,+3e2\n");
  const auto rows = read_csv<3>(file.path.string(), {"x1", "x2", "y"});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == std::array{1.5, -2.0, 300.0});
  const temp_csv signs("plus_minus", "x1,x2,y\n+-1,2,3\n");
  const std::string error = error_of(signs);
  CHECK(contains(error, ":2: "));
  CHECK(contains(error, "'+-1'"));
}

TEST_CASE("io/csv: a header naming a column twice is an error naming the column") {
  const temp_csv file("duplicate", "x1,x2,y,x1\n1,2,3,4\n");
  const std::string error = error_of(file);
  CHECK(contains(error, file.path.string() + ":1: "));
  CHECK(contains(error, "'x1' twice"));
}

TEST_CASE("io/csv: a directory is named as one, not as an empty file") {
  const std::filesystem::path directory = std::filesystem::temp_directory_path() / "ctgrad_csv_test_directory";
  std::filesystem::create_directory(directory);
  std::string message;
  try {
    read_csv<1>(directory.string(), {"x"});
  } catch (const data_error& error) {
    message = error.what();
  }
  std::filesystem::remove(directory);
  CHECK(message == directory.string() + ": is a directory, not a CSV file");
}

TEST_CASE("io/csv: a blank first line is named, in LF, CRLF and with spaces") {
  for (const auto& [name, text] : {std::pair{"blank_lf", "\nx1,x2,y\n1,2,3\n"}, std::pair{"blank_crlf", "\r\nx1,x2,y\r\n"},
                                   std::pair{"blank_spaces", " \t\nx1,x2,y\n"}}) {
    const temp_csv file(name, text);
    CHECK(error_of(file) == file.path.string() + ":1: the first line is blank; expected a header naming the columns");
  }
}

TEST_CASE("io/csv: lines that end in CR alone are named, not read as one long header") {
  const temp_csv file("cr_only", "x1,x2,y\r1,2,3\r4,5,6\r");
  CHECK(error_of(file) == file.path.string() +
                              ":1: the lines end in a carriage return (CR) alone; read_csv reads lines that end in LF or CRLF");
}

TEST_CASE("io/csv: a number outside a double's range says which way, underflow to 0 included") {
  const temp_csv tiny("underflow", "x1,x2,y\n1,2,1e-400\n");
  CHECK(error_of(tiny) == tiny.path.string() +
                              ":2: column 'y': '1e-400' is too small for a double: it would underflow to 0 (write 0 if "
                              "that is meant)");
  const temp_csv negative_tiny("underflow_negative", "x1,x2,y\n1,-0.5E-999,3\n");
  CHECK(contains(error_of(negative_tiny), "column 'x2': '-0.5E-999' is too small for a double"));
  const temp_csv huge("overflow", "x1,x2,y\n1e400,2,3\n");
  CHECK(error_of(huge) == huge.path.string() + ":2: column 'x1': '1e400' is too large for a double");
  const temp_csv subnormal("subnormal", "x1,x2,y\n1e-310,2,3\n");  // representable: read as is
  CHECK(read_csv<3>(subnormal.path.string(), {"x1", "x2", "y"})[0][0] == 1e-310);
}

TEST_CASE("io/csv: the echoed value is cut to 40 bytes with an ellipsis, and a NUL byte is shown") {
  const std::string long_line = "x1,x2,y\n" + std::string(100000, '7') + ",2\n";
  const temp_csv file("long_line", long_line);
  const std::string message = error_of(file);
  CHECK(message == file.path.string() + ":2: expected 3 values, found 2 in '" + std::string(40, '7') + "...'");

  const temp_csv long_value("long_value", "x1,x2,y\n1,2," + std::string(1000, 'a') + "\n");
  CHECK(error_of(long_value) == long_value.path.string() + ":2: column 'y': '" + std::string(40, 'a') +
                                    "...' is not a finite number");

  const temp_csv nul("nul", std::string("x1,x2,y\n1,2,3\0x\n", 17));
  CHECK(error_of(nul) == nul.path.string() + ":2: column 'y': '3\\x00x' is not a finite number");

  // A cut never splits a UTF-8 character: 39 'a's and a two-byte 'é' keep 39 bytes.
  const temp_csv utf8("utf8", "x1,x2,y\n1,2," + std::string(39, 'a') + "\xC3\xA9tail\n");
  CHECK(error_of(utf8) == utf8.path.string() + ":2: column 'y': '" + std::string(39, 'a') + "...' is not a finite number");
}

TEST_CASE("io/csv: quoted fields are read as RFC 4180 writes them, within one line") {
  const temp_csv file("quoted", "\"x1\",\"x, two\",\"say \"\"y\"\"\"\n\"1.5\", \"2\" ,3\n");
  const auto rows = read_csv<3>(file.path.string(), {"x1", "x, two", "say \"y\""});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == std::array{1.5, 2.0, 3.0});

  const temp_csv open_quote("open_quote", "x1,x2,y\n1,\"2,3\n");
  CHECK(error_of(open_quote) == open_quote.path.string() +
                                    ":2: a quoted field is not closed on its line; read_csv reads quoted fields only "
                                    "within one line");
  const temp_csv after_quote("after_quote", "x1,x2,y\n1,\"2\"x,3\n");
  CHECK(error_of(after_quote) == after_quote.path.string() + ":2: column 'x2': '\"2\"x' is not a finite number");
}
