// ctgrad/eigen.hpp: Eigen's vectors and matrices bound to ctgrad's tensor variables where they
// are, by pointer: `x = v` for an Eigen::Vector3d, a Map or a Ref. Optional: it needs Eigen
// (Debian libeigen3-dev), and the rest of ctgrad does not include it.
#pragma once

#include <ctgrad/core/storage.hpp>
#include <ctgrad/core/var.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <type_traits>

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
