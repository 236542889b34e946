// tests/io/save_test.cpp
#include <ctgrad/io/save.hpp>  // first: proves the header stands alone

#include "support/temp_file.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

using namespace ctgrad;
using ctgrad::test::temp_file;
constexpr var<"W", 2, 3> W;
constexpr var<"b", 2> b;
constexpr var<"θ"> theta;
using params_type = parameters<double, var<"W", 2, 3>, var<"b", 2>, var<"θ">>;

namespace {
params_type example() {
  params_type p;
  p[W] = tensor<double, 2, 3>{{0.1, -2.0, 1.0 / 3.0, 1e-310, -0.0, 6.02214076e23}};
  p[b] = tensor<double, 2>{{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()}};
  p[theta] = std::numeric_limits<double>::infinity();
  return p;
}

// What load(params, file) throws, or "" if it does not; params is a copy of example() to change.
std::string load_error(const temp_file& file, params_type& params) {
  try {
    load(params, file.name());
  } catch (const data_error& error) {
    return error.what();
  }
  return "";
}

// The header and a valid body of example(), to break one line of.
const std::string good_w = "W 2×3\n1 2 3\n4 5 6\n";
const std::string good_b = "b 2\n7 8\n";
const std::string good_theta = "θ scalar\n9\n";
}  // namespace

TEST_CASE("io/save: the file names and shapes each variable, one line per matrix row") {
  const temp_file file("save_format.txt");
  save(example(), file.name());
  CHECK(file.text() ==
        "ctgrad parameters 1\n"
        "W 2×3\n"
        "0.1 -2 0.3333333333333333\n"
        "1e-310 -0 6.02214076e+23\n"
        "b 2\n"
        "1.7976931348623157e+308 -1.7976931348623157e+308\n"
        "θ scalar\n"
        "inf\n");
}

TEST_CASE("io/save: load reads back exactly what save wrote, in float, double and long double") {
  const temp_file file("save_round_trip.txt");
  save(example(), file.name());
  params_type loaded;
  load(loaded, file.name());
  CHECK(loaded == example());
  CHECK(std::signbit(loaded[W](1, 1)));  // -0 stays negative

  parameters<float, var<"b", 2>> small;
  small[b] = tensor<float, 2>{{0.1f, std::numeric_limits<float>::denorm_min()}};
  save(small, file.name());
  decltype(small) small_loaded;
  load(small_loaded, file.name());
  CHECK(small_loaded == small);

  parameters<long double, var<"θ">> wide;
  wide[theta] = 1.0L / 3.0L;
  save(wide, file.name());
  decltype(wide) wide_loaded;
  load(wide_loaded, file.name());
  CHECK(wide_loaded[theta] == 1.0L / 3.0L);
}

TEST_CASE("io/save: load skips blank lines, '#' comments, extra spaces and CRLF line ends") {
  const temp_file file("save_comments.txt",
                       "ctgrad parameters 1\r\n\n# trained for 100 steps\nW 2×3\n 1  2\t3 \n4 5 6\r\n"
                       "b 2\n   # the bias\n7 8\nθ scalar\n9\n\n");
  params_type loaded;
  load(loaded, file.name());
  CHECK(loaded[W](1, 2) == 6.0);
  CHECK(loaded[b](0) == 7.0);
  CHECK(loaded[theta] == 9.0);
}

TEST_CASE("io/save: every malformed file is an error naming file, line, variable, both shapes") {
  struct failing {
    const char* name;
    std::string text;
    std::string message;  // after "<path>:"
  };
  const failing cases[] = {
      {"empty", "", "1: the file is empty; expected 'ctgrad parameters 1'"},
      {"magic", "ctgrad parameters 2\n" + good_w,
       "1: expected 'ctgrad parameters 1' (a file written by ctgrad::save), found 'ctgrad parameters 2'"},
      {"name", "ctgrad parameters 1\n" + good_w + "c 2\n7 8\n" + good_theta,
       "5: expected the model's variable 'b' (2), found 'c' (2)"},
      {"shape", "ctgrad parameters 1\nW 3×2\n1 2\n3 4\n5 6\n" + good_b + good_theta,
       "2: variable 'W' has shape 2×3 in the model but 3×2 in the file"},
      {"header", "ctgrad parameters 1\nW\n1 2 3\n",
       "2: expected a variable's name and shape, as 'W 2×3', found 'W'"},
      {"short_row", "ctgrad parameters 1\nW 2×3\n1 2 3\n4 5\n" + good_b + good_theta,
       "4: variable 'W' (2×3), row 2: expected 3 numbers, found 2 in '4 5'"},
      {"long_row", "ctgrad parameters 1\n" + good_w + "b 2\n7 8 9\n" + good_theta,
       "6: variable 'b' (2), row 1: expected 2 numbers, found 3 in '7 8 9'"},
      {"number", "ctgrad parameters 1\n" + good_w + good_b + "θ scalar\n9.5x\n",
       "8: variable 'θ' (scalar): '9.5x' is not a number"},
      {"missing_rows", "ctgrad parameters 1\nW 2×3\n1 2 3\n",
       "4: end of file in variable 'W' (2×3): expected 2 rows of numbers, found 1"},
      {"missing_variable", "ctgrad parameters 1\n" + good_w + good_b,
       "7: end of file: the model's variable 'θ' (scalar) is missing"},
      {"extra_variable", "ctgrad parameters 1\n" + good_w + good_b + good_theta + "c scalar\n1\n",
       "9: the model has 3 variables and all were read; found more: 'c scalar'"},
  };
  for (const failing& broken : cases) {
    CAPTURE(broken.name);
    const temp_file file(std::string("save_error_") + broken.name + ".txt", broken.text);
    params_type params = example();
    CHECK(load_error(file, params) == file.name() + ":" + broken.message);
    CHECK(params == example());  // unchanged, though earlier variables had been read
  }
}

TEST_CASE("io/save: a missing file, and a file that cannot be written, are errors naming it") {
  const temp_file missing("save_missing.txt");
  params_type params = example();
  CHECK(load_error(missing, params) == missing.name() + ": cannot open the file");
  CHECK(params == example());
  const std::string directory = missing.path.parent_path().string();  // a directory is not a file
  CHECK_THROWS_WITH_AS(save(params, directory), (directory + ": cannot open the file for writing").c_str(),
                       std::runtime_error);
}
