// ctgrad/core/shape.hpp: shape<Extents...>, the compile-time extents of a value (shape<> is a scalar).
#pragma once

#include <cstddef>

namespace ctgrad {
/// The extents of a value, known at compile time: shape<> scalar, shape<n> vector, shape<m, n> matrix.
template <std::size_t... Extents>
struct shape {
  static constexpr std::size_t rank = sizeof...(Extents);
  static constexpr std::size_t size = (Extents * ... * std::size_t{1});
};

template <class T, std::size_t... Extents>
struct tensor;

namespace detail {
/// The value a node of shape S holds in type T: T itself for a scalar, else a tensor.
template <class T, class S>
struct value_of_shape;
template <class T>
struct value_of_shape<T, shape<>> {
  using type = T;
};
template <class T, std::size_t... Extents>
  requires(sizeof...(Extents) > 0)
struct value_of_shape<T, shape<Extents...>> {
  using type = tensor<T, Extents...>;
};
template <class T, class S>
using value_t = typename value_of_shape<T, S>::type;
}  // namespace detail
}  // namespace ctgrad
