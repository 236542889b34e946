// ctgrad/core/values_view.hpp: variable_values_view, the values of some variables in numbers the
// caller owns (an optimiser's flat vector, a Ceres parameter block), bound by at(...) in place.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/concepts.hpp>
#include <ctgrad/core/storage.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <cstddef>
#include <span>
#include <tuple>
#include <type_traits>

namespace ctgrad {
/// The values of Variables in numbers the caller owns, laid out as variable_values::copy_to
/// writes them: variable after variable in their order, each tensor row-major. It holds a pointer
/// and nothing else (like std::span): at(view, ...) binds every variable to its numbers where they
/// are, with no copy, and v[x] reads or writes them. T is const for a read-only view.
template <class T, class... Variables>
class variable_values_view {
  static_assert(detail::all_true<variable<Variables>...>,  // no fold: clang++ stops one at 256 terms
                "ctgrad::variable_values_view: every listed type must be a variable.");
  static_assert(std::is_floating_point_v<std::remove_const_t<T>>,
                "ctgrad::variable_values_view: the numbers are float, double or long double.");

 public:
  using value_type = std::remove_const_t<T>;
  using values_type = variable_values<value_type, Variables...>;

  /// How many variables it views.
  static constexpr std::size_t size() { return sizeof...(Variables); }
  /// How many numbers it views: every variable's, added up (a 16×2 matrix counts 32).
  static constexpr std::size_t numbers() { return values_type::numbers(); }

  /// Views the numbers() numbers from `first` on; the caller keeps them alive and vouches for
  /// their count, as with a Ceres parameter block.
  constexpr explicit variable_values_view(T* first) : first_(first) {}

  /// Views the numbers of a span: of exactly numbers() numbers, checked at compile time for a
  /// fixed extent and at run time (std::invalid_argument naming both counts) for a dynamic one.
  template <std::size_t N>
  constexpr explicit variable_values_view(std::span<T, N> span) : first_(span.data()) {
    static_assert(detail::same_number_of_numbers<numbers(), N == std::dynamic_extent ? 0 : N>,
                  "ctgrad::variable_values_view: the span must hold as many numbers as the variables, "
                  "numbers() of them.");
    if constexpr (N == std::dynamic_extent) detail::check_flat_size("ctgrad::variable_values_view", numbers(), span.size());
  }

  /// The first number.
  constexpr T* data() const { return first_; }

  /// x's numbers: a T& for a scalar, a std::span of its numbers (row-major) for a tensor.
  template <class Variable>
  constexpr decltype(auto) operator[](Variable) const {
    static_assert(detail::one_of<Variable, Variables...>,
                  "ctgrad::variable_values_view::operator[]: this variable is not one of its variables.");
    constexpr std::size_t offset = offset_of<Variable>();
    if constexpr (Variable::shape_type::rank == 0) {
      return (first_[offset]);
    } else {
      return std::span<T, Variable::shape_type::size>(first_ + offset, Variable::shape_type::size);
    }
  }

  /// A copy of the numbers, as the variable_values that owns them (a checkpoint, a step to try).
  constexpr values_type values() const {
    values_type copy;
    copy.copy_from(std::span<const value_type, numbers()>(first_, numbers()));
    return copy;
  }

  /// One binding per variable: a tensor to its numbers in place, a scalar to its number's value.
  /// at(view, ...) calls it.
  CTGRAD_ALWAYS_INLINE constexpr auto to_bindings() const { return std::tuple{binding_of<Variables>()...}; }

 private:
  template <class Variable>
  static constexpr std::size_t offset_of() {
    constexpr bool same[] = {__is_same(Variable, Variables)...};
    constexpr std::size_t sizes[] = {Variables::shape_type::size...};
    std::size_t offset = 0;
    for (std::size_t k = 0; k < sizeof...(Variables) && !same[k]; ++k) offset += sizes[k];
    return offset;
  }

  template <class Variable>
  CTGRAD_ALWAYS_INLINE constexpr binding<Variable, value_type> binding_of() const {
    if constexpr (Variable::shape_type::rank == 0) {
      return {first_[offset_of<Variable>()]};
    } else {
      return {first_ + offset_of<Variable>()};
    }
  }

  T* first_;
};

/// A view of a model's parameters in the caller's memory: value_and_grad(loss, view, data) and
/// at(view, ...) read them where they are.
template <class T, class... Variables>
using parameters_view = variable_values_view<T, Variables...>;

/// view(wrt(x...), buffer): the variables' values in buffer, viewed in place. buffer is a pointer
/// (its count unchecked), a std::span, or a contiguous container a std::span can view (a
/// std::array, a std::vector, a C array), whose size must be the variables' count of numbers.
template <class... Variables, class Buffer>
constexpr auto view(variable_list<Variables...>, Buffer&& buffer) {
  if constexpr (std::is_pointer_v<std::remove_cvref_t<Buffer>>) {
    return variable_values_view<std::remove_pointer_t<std::remove_cvref_t<Buffer>>, Variables...>(buffer);
  } else {
    const std::span numbers{buffer};
    return variable_values_view<typename decltype(numbers)::element_type, Variables...>(numbers);
  }
}

namespace detail {
template <class T>
inline constexpr bool is_values_view = false;
template <class T, class... Variables>
inline constexpr bool is_values_view<variable_values_view<T, Variables...>> = true;
}  // namespace detail
}  // namespace ctgrad
