// ctgrad/core/storage.hpp: bound_storage, the contiguous numbers a tensor variable can bind by
// pointer where they already are: std::span, C arrays, and (ctgrad/eigen.hpp) Eigen's matrices.
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace ctgrad::detail {
/// What `var<"x", N...> = v` needs to bind v's numbers by pointer, without a copy. A
/// specialisation says:
/// - `value_type`, and `data(v)`: a pointer to the numbers, contiguous, in the variable's order
///   (row-major for a matrix);
/// - `size` (0 when v's size is known only at run time, then `size_of(v)`), and for a storage with
///   rows and columns, `rows` and `columns` (0 at run time);
/// - `view`: v refers to numbers it does not own (a span, a map), so a temporary v may be bound;
/// - `row_major`: a matrix's numbers are stored row by row (a vector's always are);
/// - `contiguous(v)`: no stride between them (checked at run time, as a strided map's is known
///   only then).
/// std::array and ctgrad's tensor are bound by var::operator= itself.
template <class T>
struct bound_storage {
  static constexpr bool bindable = false;
};

template <class T, std::size_t N>
  requires std::is_floating_point_v<std::remove_const_t<T>>
struct bound_storage<std::span<T, N>> {
  static constexpr bool bindable = true;
  using value_type = std::remove_const_t<T>;
  static constexpr std::size_t size = N == std::dynamic_extent ? 0 : N;
  static constexpr std::size_t rows = 0, columns = 0;  // flat
  static constexpr bool view = true;
  static constexpr bool row_major = true;
  static constexpr const value_type* data(const std::span<T, N>& s) { return s.data(); }
  static constexpr std::size_t size_of(const std::span<T, N>& s) { return s.size(); }
  static constexpr bool contiguous(const std::span<T, N>&) { return true; }
};

template <class T, std::size_t N>
  requires std::is_floating_point_v<T>
struct bound_storage<T[N]> {
  static constexpr bool bindable = true;
  using value_type = T;
  static constexpr std::size_t size = N;
  static constexpr std::size_t rows = 0, columns = 0;
  static constexpr bool view = false;
  static constexpr bool row_major = true;
  static constexpr const T* data(const T (&a)[N]) { return a; }
  static constexpr std::size_t size_of(const T (&)[N]) { return N; }
  static constexpr bool contiguous(const T (&)[N]) { return true; }
};

/// The K-th of Extents, or 0 past them.
template <std::size_t K, std::size_t... Extents>
inline constexpr std::size_t nth_extent = [] {
  constexpr std::size_t extents[] = {Extents..., 0};
  return K < sizeof...(Extents) ? extents[K] : 0;
}();

/// Whether a storage of Size numbers fits a variable of Count numbers: a compile-time check,
/// whose failing instantiation names both numbers.
template <std::size_t VariableNumbers, std::size_t BoundNumbers>
concept same_number_of_numbers = VariableNumbers == BoundNumbers || BoundNumbers == 0;

/// The same for a storage with rows and columns and a matrix variable of Rows × Columns.
template <std::size_t VariableRows, std::size_t VariableColumns, std::size_t BoundRows, std::size_t BoundColumns>
concept same_extents = (VariableRows == BoundRows || BoundRows == 0) && (VariableColumns == BoundColumns || BoundColumns == 0);

/// The run-time checks of a storage whose size or strides are known only at run time: errors
/// that name the variable and both sizes.
inline void check_bound_size(std::string_view variable, std::size_t expected, std::size_t bound) {
  if (expected != bound) {
    throw std::invalid_argument("ctgrad::var::operator=: " + std::string(variable) + " holds " +
                                std::to_string(expected) + " numbers, but the bound storage has " +
                                std::to_string(bound));
  }
}
inline void check_contiguous(std::string_view variable, bool contiguous) {
  if (!contiguous) {
    throw std::invalid_argument("ctgrad::var::operator=: " + std::string(variable) +
                                " binds contiguous numbers, but the bound storage has a stride between them");
  }
}
}  // namespace ctgrad::detail
