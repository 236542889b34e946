// ctgrad/core/var.hpp: var<"x">, a named symbolic variable, and binding it to a value (x = 1.0).
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/detail/type_traits.hpp>
#include <ctgrad/fwd.hpp>

#include <string_view>

namespace ctgrad {
/// The value bound to a variable inside at(...): what `x = 1.0` returns.
template <class Variable, class T>
struct binding {
  using variable_type = Variable;
  using value_type = T;
  T value;
};

/// A named symbolic variable: an empty type, its identity is its name.
template <detail::fixed_string Name>
struct var {
  static constexpr std::string_view name = Name.view();

  /// x = v binds the variable to a number for at(...); integers bind as double, as in <cmath>.
  template <class T>
  constexpr auto operator=(T value) const {
    if constexpr (std::is_floating_point_v<T>) {
      return binding<var, T>{value};
    } else if constexpr (number<T>) {
      return binding<var, double>{static_cast<double>(value)};
    } else {
      static_assert(detail::always_false<T>,
                    "ctgrad::var::operator=: a variable can only be bound to a number "
                    "(float, double, long double or an integer).");
      return binding<var, double>{};  // the sentence above is the only error
    }
  }
};
}  // namespace ctgrad
