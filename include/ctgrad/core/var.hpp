// ctgrad/core/var.hpp: var<"x"> and var<"W", 16, 2>, named symbolic variables, and binding them (x = 1.0).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/dual.hpp>
#include <ctgrad/core/lanes.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/storage.hpp>
#include <ctgrad/core/tensor.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ctgrad {
/// The value bound to a variable inside at(...): what `x = 1.0` returns.
template <class Variable, class T>
struct binding {
  using variable_type = Variable;
  using value_type = T;
  T value;
};

/// A tensor variable's binding refers to the caller's numbers (like std::span): W = w binds w's
/// storage without copying it, so w must outlive the bindings.
template <detail::fixed_string Name, std::size_t First, std::size_t... Rest, class T>
struct binding<var<Name, First, Rest...>, T> {
  using variable_type = var<Name, First, Rest...>;
  using value_type = T;
  const T* data;
};

namespace detail {
template <class T, std::size_t Size>
inline constexpr bool is_array_of_size = false;
template <class T, std::size_t Size>
inline constexpr bool is_array_of_size<std::array<T, Size>, Size> = std::is_floating_point_v<T>;

template <class T, class Shape>
inline constexpr bool is_tensor_of_shape = false;
template <class T, std::size_t... Extents>
inline constexpr bool is_tensor_of_shape<tensor<T, Extents...>, shape<Extents...>> =
    std::is_floating_point_v<T> || is_dual<T>;
}  // namespace detail

template <class Variable, class Row>
struct column;

namespace detail {
/// Whether T is a std::vector of rows for a variable of shape S: numbers for a scalar, tensors of
/// S or std::arrays of as many numbers for a tensor variable.
template <class T>
inline constexpr bool is_vector = false;
template <class Row>
inline constexpr bool is_vector<std::vector<Row>> = true;

template <class T, class S>
inline constexpr bool is_rows_of = false;
template <class Row, class S>
inline constexpr bool is_rows_of<std::vector<Row>, S> =
    S::rank == 0 ? number<Row> : (is_tensor_of_shape<Row, S> || is_array_of_size<Row, S::size>);
}  // namespace detail

/// A named symbolic variable: an empty type, its identity is its name. var<"x"> is a scalar;
/// var<"W", 16, 2> a 16×2 matrix and var<"b", 16> a vector, bound to tensors of that shape.
template <detail::fixed_string Name, std::size_t... Extents>
struct var {
  static constexpr std::string_view name = Name.view();
  using shape_type = shape<Extents...>;

  /// x = v binds the variable for at(...): a scalar to a number (integers bind as double, as in
  /// <cmath>), a tensor variable to a tensor of its shape or a std::array of as many numbers.
  /// x = rows, with rows a std::vector of such values, is a column for dataset(...).
  template <class Value>
  constexpr auto operator=(Value&& value) const {
    using T = std::remove_cvref_t<Value>;
    constexpr bool refers = detail::is_tensor_of_shape<T, shape_type> ||
                            detail::is_array_of_size<T, shape_type::size> ||
                            detail::is_rows_of<T, shape_type>;
    if constexpr (sizeof...(Extents) == 0 && (std::is_floating_point_v<T> || detail::is_dual<T> || detail::is_lanes<T>)) {
      return binding<var, T>{value};
    } else if constexpr (sizeof...(Extents) == 0 && number<T>) {
      return binding<var, double>{static_cast<double>(value)};
    } else if constexpr (refers && !std::is_lvalue_reference_v<Value>) {
      static_assert(std::is_lvalue_reference_v<Value>,
                    "ctgrad::var::operator=: a tensor or a column is bound by reference; bind a "
                    "named object, not a temporary that would be gone before it is read.");
      if constexpr (detail::is_rows_of<T, shape_type>) {
        return column<var, typename T::value_type>{nullptr};  // so that dataset(...) adds no error
      } else {
        return binding<var, double>{};  // the sentence above is the only error
      }
    } else if constexpr (detail::is_rows_of<T, shape_type>) {
      return column<var, typename T::value_type>{&value};
    } else if constexpr (detail::is_vector<T>) {
      static_assert(detail::is_rows_of<T, shape_type>,
                    "ctgrad::var::operator=: a data column's rows must each be what the variable "
                    "binds: a number for a scalar, a tensor of the variable's shape or a std::array "
                    "of as many numbers for a tensor variable.");
      // A column of the right row type, so that dataset and value_and_grad add no error.
      return column<var, detail::value_t<double, shape_type>>{nullptr};
    } else if constexpr (sizeof...(Extents) == 0) {
      static_assert(detail::always_false<T>,
                    "ctgrad::var::operator=: a variable can only be bound to a number "
                    "(float, double, long double or an integer).");
      return binding<var, double>{};  // the sentence above is the only error
    } else if constexpr (detail::is_tensor_of_shape<T, shape_type>) {
      return binding<var, typename T::value_type>{value.values.data()};
    } else if constexpr (detail::is_array_of_size<T, shape_type::size>) {
      return binding<var, typename T::value_type>{value.data()};
    } else if constexpr (detail::bound_storage<T>::bindable) {
      return bind_storage<T>(value, std::is_lvalue_reference<Value>{});
    } else {
      static_assert(detail::is_tensor_of_shape<T, shape_type>,
                    "ctgrad::var::operator=: a tensor variable binds a tensor of its own shape, "
                    "or a std::array, a std::span or a C array with as many numbers, of a "
                    "floating-point type; a data column is a std::vector of such rows.");
      return binding<var, double>{nullptr};  // the sentence above is the only error
    }
  }

 private:
  /// The binding of storage that bound_storage describes (a span, a C array, an Eigen matrix),
  /// by pointer: its size is checked at compile time where it is known, else at run time.
  template <class T, class Storage, bool Lvalue>
  constexpr auto bind_storage(const Storage& value, std::bool_constant<Lvalue>) const {
    using storage = detail::bound_storage<T>;
    using V = typename storage::value_type;
    constexpr bool matrix = sizeof...(Extents) == 2 && storage::rows != 0 && storage::columns != 0;
    if constexpr (!storage::view && !Lvalue) {
      static_assert(Lvalue,
                    "ctgrad::var::operator=: a tensor variable binds its numbers by reference; bind a "
                    "named object, not a temporary that would be gone before it is read.");
      return binding<var, V>{nullptr};  // the sentence above is the only error
    } else if constexpr (!detail::same_number_of_numbers<shape_type::size, storage::size>) {
      static_assert(detail::same_number_of_numbers<shape_type::size, storage::size>,
                    "ctgrad::var::operator=: the bound storage holds another number of numbers than the "
                    "variable's shape (both are named beside this sentence).");
      return binding<var, V>{nullptr};  // the sentence above is the only error
    } else if constexpr (matrix && !detail::same_extents<detail::nth_extent<0, Extents...>,
                                                         detail::nth_extent<1, Extents...>, storage::rows,
                                                         storage::columns>) {
      static_assert(detail::same_extents<detail::nth_extent<0, Extents...>, detail::nth_extent<1, Extents...>,
                                         storage::rows, storage::columns>,
                    "ctgrad::var::operator=: the bound matrix has other rows and columns than the variable "
                    "(both are named beside this sentence).");
      return binding<var, V>{nullptr};  // the sentence above is the only error
    } else if constexpr (sizeof...(Extents) == 2 && !storage::row_major) {
      static_assert(storage::row_major,
                    "ctgrad::var::operator=: a matrix variable binds row-major storage, as ctgrad's "
                    "tensors are; declare the Eigen matrix with Eigen::RowMajor.");
      return binding<var, V>{nullptr};  // the sentence above is the only error
    } else {
      if constexpr (storage::size == 0) detail::check_bound_size(name, shape_type::size, storage::size_of(value));
      if (!std::is_constant_evaluated()) detail::check_contiguous(name, storage::contiguous(value));
      return binding<var, V>{storage::data(value)};
    }
  }
};
}  // namespace ctgrad
