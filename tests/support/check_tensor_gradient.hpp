// tests/support/check_tensor_gradient.hpp: check_tensor_gradient, the finite-difference law for
// expressions of tensor variables, checked number by number.
#pragma once

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/record.hpp>
#include <ctgrad/core/variable_values.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/ops/sub.hpp>  // a - b at the kink of max(a, b)

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace check_tensor_gradient_impl {
template <class V>
constexpr std::size_t numbers_in() {
  if constexpr (std::is_arithmetic_v<V>) {
    return 1;
  } else {
    return V::size;
  }
}

/// The k-th number of a parameter's value: the value itself for a scalar.
template <class V>
auto& number(V& value, [[maybe_unused]] std::size_t k) {
  if constexpr (std::is_arithmetic_v<std::remove_const_t<V>>) {
    return value;
  } else {
    return value[k];
  }
}

/// The same variables with every number converted to T.
template <class T, class U, class... Variables>
ctgrad::variable_values<T, Variables...> convert(const ctgrad::variable_values<U, Variables...>& from) {
  ctgrad::variable_values<T, Variables...> to{};
  to.for_each([&](auto variable, auto& value) {
    using V = std::remove_cvref_t<decltype(value)>;
    for (std::size_t k = 0; k < numbers_in<V>(); ++k) number(value, k) = static_cast<T>(number(from[variable], k));
  });
  return to;
}

inline int sign_of(long double v) { return (v > 0) - (v < 0); }

template <class Op>
inline constexpr bool kinked_unary = std::is_same_v<Op, ctgrad::relu_op> || std::is_same_v<Op, ctgrad::abs_op> ||
                                     std::is_same_v<Op, ctgrad::step_op> || std::is_same_v<Op, ctgrad::sign_op>;
template <class Op>
inline constexpr bool kinked_binary = std::is_same_v<Op, ctgrad::max_op> || std::is_same_v<Op, ctgrad::min_op>;

// Kinks: every element of the argument of relu, abs, step and sign, and of a - b for max(a, b)
// and min(a, b), evaluated again (the forward sweep records only what the backward sweep reads).
template <class E, class Point>
void kink_signs(const E& e, const Point& point, std::vector<int>& signs) {
  const auto push_signs = [&](const auto& subexpression) {
    const auto v = ctgrad::eval(subexpression, point);
    if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(v)>>) {
      signs.push_back(sign_of(v));
    } else {
      for (const auto element : v) signs.push_back(sign_of(element));
    }
  };
  if constexpr (ctgrad::detail::is_unary<E>) {
    kink_signs(e.arg, point, signs);
    if constexpr (kinked_unary<typename E::op>) push_signs(e.arg);
  } else if constexpr (ctgrad::detail::is_binary<E>) {
    kink_signs(e.lhs, point, signs);
    kink_signs(e.rhs, point, signs);
    if constexpr (kinked_binary<typename E::op>) push_signs(e.lhs - e.rhs);
  }
}

/// f at the point in long double, and the signs of its kinks there.
template <class E, class Point>
long double wide_value(const E& f, const Point& point, std::vector<int>& signs) {
  signs.clear();
  kink_signs(f, point, signs);
  return ctgrad::eval(f, point);
}

/// |a - b| <= rel·max(|a|, |b|) + abs; NaN is never close.
inline bool close(long double a, long double b, long double rel, long double abs) {
  return std::fabs(a - b) <= rel * std::max(std::fabs(a), std::fabs(b)) + abs;
}

/// How far the reverse sweep in T may be from a central difference taken in long double (whose
/// own error is about 1e-13 here): in float about the square root of its epsilon.
template <class T>
constexpr long double tolerance = std::is_same_v<T, float> ? 1e-4L : 1e-9L;

template <class T, class E, class U, class... Variables, class... Inputs>
void check_in(const E& f, const ctgrad::variable_values<U, Variables...>& params, const Inputs&... inputs) {
  const auto p = convert<T>(params);
  const auto in = std::tuple{convert<T>(inputs)...};
  const auto result = std::apply(
      [&](const auto&... each) { return ctgrad::value_and_grad(f, ctgrad::wrt(Variables{}...), ctgrad::at(p, each...)); },
      in);
  static_assert(std::is_same_v<decltype(result.value), T>, "value_and_grad computes in the parameters' type");

  // Differences are taken around the point T can represent, in long double.
  const auto wide = convert<long double>(p);
  const auto wide_in = std::tuple{convert<long double>(convert<T>(inputs))...};
  const auto evaluate = [&](const auto& at_params, std::vector<int>& signs) {
    return std::apply([&](const auto&... each) { return wide_value(f, ctgrad::at(at_params, each...), signs); }, wide_in);
  };
  std::vector<int> mid, low, high;
  const long double centre = evaluate(wide, mid);
  const long double scale = std::max(1.0L, std::fabs(centre));
  const std::string type = std::is_same_v<T, float> ? "float" : "double";
  CHECK_MESSAGE(close(result.value, centre, tolerance<T>, tolerance<T> * scale), "in ", type,
                ": value_and_grad's value ", result.value, " but long double gives ",
                static_cast<double>(centre));

  std::size_t compared = 0;
  std::size_t possible = 0;
  wide.for_each([&](auto variable, const auto& value) {
    using V = std::remove_cvref_t<decltype(value)>;
    for (std::size_t k = 0; k < numbers_in<V>(); ++k) {
      ++possible;
      const long double x = number(value, k);
      const long double h = std::cbrt(std::numeric_limits<long double>::epsilon()) * std::max(1.0L, std::fabs(x));
      auto below = wide;
      auto above = wide;
      number(below[variable], k) = x - h;
      number(above[variable], k) = x + h;
      const long double down = evaluate(below, low);
      const long double up = evaluate(above, high);
      bool kink = false;
      for (std::size_t s = 0; s < mid.size(); ++s) kink = kink || mid[s] == 0 || low[s] != mid[s] || high[s] != mid[s];
      if (kink) continue;  // the stencil straddles a kink: it measures a jump, not a slope
      ++compared;
      const long double difference = (up - down) / (number(above[variable], k) - number(below[variable], k));
      const T reverse = number(result.grad[variable], k);
      CHECK_MESSAGE(close(reverse, difference, tolerance<T>, tolerance<T> * scale), "in ", type, ": d/d",
                    decltype(variable)::name, "[", k, "]: reverse ", reverse, " but central difference ",
                    static_cast<double>(difference));
    }
  });
  // Kinks are surfaces, not regions: if most differences were skipped, the law was barely tested.
  CHECK_MESSAGE(4 * compared >= 3 * possible, "in ", type, ": only ", compared, " of ", possible,
                " partials were compared with a difference");
}
}  // namespace check_tensor_gradient_impl

/// For each T of Types (float and double when none is given): value_and_grad(f, wrt(every
/// variable of params), at(params, inputs...)) computed in T equals, number by number, a central
/// difference in long double around the same point; inputs (variable_values too) are bound but not
/// differentiated. Differences whose stencil straddles a kink (relu, abs, step, sign, max, min) are
/// skipped; at most a quarter may be.
template <class... Types, class E, class U, class... Variables, class... Inputs>
void check_tensor_gradient(const E& f, const ctgrad::variable_values<U, Variables...>& params,
                           const Inputs&... inputs) {
  if constexpr (sizeof...(Types) == 0) {
    check_tensor_gradient_impl::check_in<float>(f, params, inputs...);
    check_tensor_gradient_impl::check_in<double>(f, params, inputs...);
  } else {
    (check_tensor_gradient_impl::check_in<Types>(f, params, inputs...), ...);
  }
}

/// Parameters drawn uniformly from [lo, hi] by std::mt19937(seed), number by number in order
/// (the distribution is written out so that every standard library draws the same numbers).
template <class Params>
Params random_values(unsigned seed, double lo = -1.0, double hi = 1.0) {
  std::mt19937 engine(seed);
  Params p{};
  p.for_each([&](auto, auto& value) {
    using V = std::remove_cvref_t<decltype(value)>;
    for (std::size_t k = 0; k < check_tensor_gradient_impl::numbers_in<V>(); ++k) {
      const double u = static_cast<double>(engine()) / 4294967296.0;
      check_tensor_gradient_impl::number(value, k) = lo + (hi - lo) * u;
    }
  });
  return p;
}
