// ctgrad/core/tensor.hpp: tensor<T, Extents...>, fixed-size row-major storage for vector and matrix values.
#pragma once

#include <ctgrad/core/shape.hpp>

#include <array>
#include <cstddef>

namespace ctgrad {
/// Values of a fixed shape, row-major in a std::array: no heap. tensor<double, 16, 2> is a 16×2
/// matrix; t(i, j) reads element (i, j), t[k] the k-th element in memory order.
template <class T, std::size_t... Extents>
struct tensor {
  static_assert(sizeof...(Extents) >= 1 && sizeof...(Extents) <= 2,
                "ctgrad::tensor: ctgrad supports vectors (one extent) and matrices (two extents).");
  using value_type = T;
  using shape_type = shape<Extents...>;
  static constexpr std::size_t size = shape_type::size;

  std::array<T, size> values;  // no default zeroing: the sweeps write every element first

  constexpr T& operator[](std::size_t k) { return values[k]; }
  constexpr const T& operator[](std::size_t k) const { return values[k]; }
  constexpr T& operator()(std::size_t i) requires(sizeof...(Extents) == 1) { return values[i]; }
  constexpr const T& operator()(std::size_t i) const requires(sizeof...(Extents) == 1) {
    return values[i];
  }
  constexpr T& operator()(std::size_t i, std::size_t j) requires(sizeof...(Extents) == 2) {
    return values[i * columns() + j];
  }
  constexpr const T& operator()(std::size_t i, std::size_t j) const
      requires(sizeof...(Extents) == 2) {
    return values[i * columns() + j];
  }
  constexpr T* begin() { return values.data(); }
  constexpr T* end() { return values.data() + size; }
  constexpr const T* begin() const { return values.data(); }
  constexpr const T* end() const { return values.data() + size; }
  friend constexpr bool operator==(const tensor&, const tensor&) = default;

 private:
  static constexpr std::size_t columns() {
    constexpr std::size_t extents[] = {Extents...};
    return extents[sizeof...(Extents) - 1];
  }
};
}  // namespace ctgrad
