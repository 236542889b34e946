// examples/options.hpp: command_line, the options of an example program: --help prints the usage
// and exits 0; an unknown option, a missing value or a malformed number exits 2.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

/// The arguments of main, read as `--name value` options; call finish() before doing any work.
class command_line {
 public:
  command_line(int argc, char** argv, std::string usage)
      : program_(argc > 0 ? argv[0] : "example"), usage_(std::move(usage)) {
    for (int i = 1; i < argc; ++i) arguments_.emplace_back(argv[i]);
    for (const auto& argument : arguments_) {
      if (argument == "--help" || argument == "-h") {
        std::cout << "usage: " << program_ << ' ' << usage_;
        std::exit(0);
      }
    }
  }

  /// The value of `--name VALUE`, or fallback when the option is not given.
  std::string text(std::string_view name, std::string fallback) {
    for (std::size_t i = 0; i < arguments_.size(); ++i) {
      if (arguments_[i] != name) continue;
      if (i + 1 == arguments_.size()) fail(std::string(name) + " needs a value");
      std::string value = arguments_[i + 1];
      arguments_.erase(arguments_.begin() + static_cast<std::ptrdiff_t>(i), arguments_.begin() + static_cast<std::ptrdiff_t>(i + 2));
      return value;
    }
    return fallback;
  }

  /// The value of `--name N`, a whole number ≥ 1, or fallback.
  int count(std::string_view name, int fallback) {
    const std::string value = text(name, std::to_string(fallback));
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size() || number < 1) {
      fail(std::string(name) + " takes a whole number of at least 1, not '" + value + "'");
    }
    return number;
  }

  /// Whether `--name` is given.
  bool flag(std::string_view name) {
    for (std::size_t i = 0; i < arguments_.size(); ++i) {
      if (arguments_[i] == name) {
        arguments_.erase(arguments_.begin() + static_cast<std::ptrdiff_t>(i));
        return true;
      }
    }
    return false;
  }

  /// Exits 2 with the usage if an argument was not one of the options read.
  void finish() const {
    if (!arguments_.empty()) fail("unknown argument '" + arguments_.front() + "'");
  }

 private:
  [[noreturn]] void fail(const std::string& problem) const {
    std::cerr << program_ << ": " << problem << "\nusage: " << program_ << ' ' << usage_;
    std::exit(2);
  }

  std::string program_;
  std::string usage_;
  std::vector<std::string> arguments_;
};
