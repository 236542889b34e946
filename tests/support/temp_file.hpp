// tests/support/temp_file.hpp: temp_file, a file in the temporary directory removed when it goes
// out of scope; its name carries the process id, so test runs of other builds do not collide.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace ctgrad::test {
/// A file named after `name` and this process, holding `text` (if given) until destroyed.
struct temp_file {
  std::filesystem::path path;
  explicit temp_file(std::string_view name)
      : path(std::filesystem::temp_directory_path() /
             ("ctgrad_test_" + std::to_string(::getpid()) + "_" + std::string(name))) {}
  temp_file(std::string_view name, std::string_view text) : temp_file(name) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~temp_file() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;

  /// The path as a string, as save and load take it.
  std::string name() const { return path.string(); }
  /// The file's contents.
  std::string text() const {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  }
};
}  // namespace ctgrad::test
