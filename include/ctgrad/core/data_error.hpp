// ctgrad/core/data_error.hpp: data_error, the exception of bad input data (read_csv, dataset, table).
#pragma once

#include <stdexcept>

namespace ctgrad {
/// Bad input data; what() names where (file and line, column, rows) and the offending value.
struct data_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};
}  // namespace ctgrad
