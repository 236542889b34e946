// ctgrad/eigen.hpp: Eigen's vectors and matrices bound to ctgrad's tensor variables where they
// are, by pointer: `x = v` for an Eigen::Vector3d, a Map or a Ref; and value_and_jacobian written
// into Eigen objects. Optional: it needs Eigen (Debian libeigen3-dev), and the rest of ctgrad does
// not include it.
#pragma once

#include <ctgrad/core/storage.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/diff/jacobian.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace ctgrad::detail {
/// An Eigen object with direct access to its numbers (Matrix, Array, Map, Ref; not an expression
/// such as a + b, which has no numbers to point at) of a floating-point scalar.
template <class T>
concept eigen_storage = std::is_base_of_v<Eigen::DenseBase<T>, T> &&
                        ((T::Flags & Eigen::DirectAccessBit) != 0) && std::is_floating_point_v<typename T::Scalar>;

template <class T>
  requires eigen_storage<T>
struct bound_storage<T> {
  static constexpr bool bindable = true;
  using value_type = typename T::Scalar;
  static constexpr std::size_t extent(int n) { return n == Eigen::Dynamic ? 0 : static_cast<std::size_t>(n); }
  static constexpr std::size_t size = extent(T::SizeAtCompileTime);
  static constexpr std::size_t rows = extent(T::RowsAtCompileTime), columns = extent(T::ColsAtCompileTime);
  // A Map or a Ref refers to the caller's numbers; a Matrix owns its own.
  static constexpr bool view = !std::is_base_of_v<Eigen::PlainObjectBase<T>, T>;
  static constexpr bool vector = T::IsVectorAtCompileTime != 0;
  static constexpr bool row_major = vector || (T::Flags & Eigen::RowMajorBit) != 0;
  static const value_type* data(const T& v) { return v.data(); }
  static std::size_t size_of(const T& v) { return static_cast<std::size_t>(v.size()); }
  static bool contiguous(const T& v) {
    return v.innerStride() == 1 && (vector || v.outerStride() == (row_major ? v.cols() : v.rows()));
  }
};
}  // namespace ctgrad::detail

namespace ctgrad {
namespace detail {
/// Whether an Eigen object of Rows × Columns at compile time (0: known at run time) can hold an
/// M × N result.
template <std::size_t M, std::size_t N, std::size_t Rows, std::size_t Columns>
concept fits_result = (Rows == M || Rows == 0) && (Columns == N || Columns == 0);

template <class F>
inline constexpr bool is_output_list = false;
template <class... Outputs>
inline constexpr bool is_output_list<output_list<Outputs...>> = true;

template <class Out>
void check_result_shape(const Out& out, std::size_t rows, std::size_t columns, const char* what) {
  if (static_cast<std::size_t>(out.rows()) != rows || static_cast<std::size_t>(out.cols()) != columns) {
    throw std::invalid_argument(std::string("ctgrad::value_and_jacobian: the ") + what + " is " +
                                std::to_string(out.rows()) + " × " + std::to_string(out.cols()) + ", the result " +
                                std::to_string(rows) + " × " + std::to_string(columns));
  }
}
}  // namespace detail

/// value_and_jacobian (outputs(...) or one expression F) written into Eigen objects: the M values
/// into `value` (a vector) and ∂fᵢ/∂xⱼ into `jacobian` (M × N, N the variables' numbers), each a
/// Matrix, a Map or a Ref, row-major or column-major. A row-major, contiguous `jacobian` (and a
/// contiguous `value`) is written in place, with no temporary; any other layout gets the result
/// copied in. A shape fixed at compile time is checked there; one known at run time throws
/// std::invalid_argument naming both shapes.
template <class F, class... Variables, class... Bindings, class Value, class Jacobian, class Mode = automatic_mode_t>
  requires(detail::eigen_storage<std::remove_cvref_t<Value>> && detail::eigen_storage<std::remove_cvref_t<Jacobian>>)
void value_and_jacobian(const F& f, variable_list<Variables...> wrt, const bindings<Bindings...>& point, Value&& value,
                        Jacobian&& jacobian, Mode mode = {}) {
  using T = typename bindings<Bindings...>::value_type;
  using result = decltype(value_and_jacobian(f, wrt, point, mode));
  constexpr std::size_t rows = decltype(result::value){}.size();
  constexpr std::size_t columns = gradient<T, Variables...>::numbers();
  using V = std::remove_cvref_t<Value>;
  using J = std::remove_cvref_t<Jacobian>;
  using value_storage = detail::bound_storage<V>;
  using jacobian_storage = detail::bound_storage<J>;
  static_assert(std::is_same_v<typename V::Scalar, T> && std::is_same_v<typename J::Scalar, T>,
                "ctgrad::value_and_jacobian: the Eigen objects hold the point's number type.");
  static_assert(detail::fits_result<rows, 1, value_storage::size, 1>,
                "ctgrad::value_and_jacobian: the Eigen value vector must hold one value per output.");
  static_assert(detail::fits_result<rows, columns, jacobian_storage::rows, jacobian_storage::columns>,
                "ctgrad::value_and_jacobian: the Eigen jacobian must have a row per output and a column per "
                "number of the variables of wrt(...).");
  if (static_cast<std::size_t>(value.size()) != rows) detail::check_result_shape(value, rows, 1, "value vector");
  detail::check_result_shape(jacobian, rows, columns, "jacobian");
  constexpr bool in_place = detail::is_output_list<F> && jacobian_storage::row_major;
  if constexpr (in_place) {
    if (value.innerStride() == 1 && jacobian_storage::contiguous(jacobian)) {
      value_and_jacobian(f, wrt, point, std::span<T, rows>(value.data(), rows),
                         std::span<T, rows * columns>(jacobian.data(), rows * columns), mode);
      return;
    }
  }
  const auto [values, J_result] = value_and_jacobian(f, wrt, point, mode);
  for (std::size_t i = 0; i < rows; ++i) {
    value(static_cast<Eigen::Index>(i)) = values[i];
    for (std::size_t k = 0; k < columns; ++k) {
      jacobian(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = J_result(i, k);
    }
  }
}
}  // namespace ctgrad
