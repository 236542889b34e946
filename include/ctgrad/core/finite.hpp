// ctgrad/core/finite.hpp: check_finite(result), which throws non_finite_error naming the first
// loss or gradient entry that is NaN or infinite.
#pragma once

#include <ctgrad/core/variable_values.hpp>

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace ctgrad {
/// A loss or gradient entry that is NaN or infinite; what() names it.
struct non_finite_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

namespace detail {
template <class T>
std::string number_text(T value) {
  return std::isnan(value) ? "nan" : value > 0 ? "inf" : "-inf";
}
}  // namespace detail

/// Throws non_finite_error naming the first variable (and element) of g that is not finite:
/// `ctgrad::check_finite: the gradient's entry W[3] is nan`. Costs one pass over g, only if called.
template <class T, class... Variables>
void check_finite(const variable_values<T, Variables...>& g) {
  g.for_each([](auto variable, const auto& value) {
    using V = std::remove_cvref_t<decltype(value)>;
    if constexpr (std::is_arithmetic_v<V>) {
      if (!std::isfinite(value)) {
        throw non_finite_error("ctgrad::check_finite: the gradient's entry " + std::string(decltype(variable)::name) +
                               " is " + detail::number_text(value));
      }
    } else {
      for (std::size_t k = 0; k < V::size; ++k) {
        if (!std::isfinite(value.values[k])) {
          throw non_finite_error("ctgrad::check_finite: the gradient's entry " +
                                 std::string(decltype(variable)::name) + "[" + std::to_string(k) + "] is " +
                                 detail::number_text(value.values[k]));
        }
      }
    }
  });
}

/// Throws non_finite_error if value_and_grad's loss is not finite (`ctgrad::check_finite: the loss
/// is nan`), then checks its gradient: a NaN loss with a finite gradient (relu′(NaN) = 0) is caught.
template <class Result>
  requires requires(const Result& r) {
    r.value;
    r.grad;
  }
void check_finite(const Result& result) {
  if (!std::isfinite(result.value)) {
    throw non_finite_error("ctgrad::check_finite: the loss is " + detail::number_text(result.value));
  }
  check_finite(result.grad);
}
}  // namespace ctgrad
