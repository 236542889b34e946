// tests/support/check_gradient.hpp: check_gradient, the law every op passes, and sample_points.
#pragma once

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/diff/symbolic.hpp>
#include <ctgrad/io/print.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

/// A closed interval [lo, hi] of one variable's values.
struct interval {
  double lo;
  double hi;
};

/// Where check_gradient samples: one interval per variable (or one shared by all), how many points
/// and the seed of the std::mt19937 that draws them.
struct sample_spec {
  std::vector<interval> domains;
  std::size_t count;
  std::uint32_t seed;
};

/// count points with every variable in [lo, hi]; the first two points are the corners lo and hi.
inline sample_spec sample_points(double lo, double hi, std::size_t count = 48,
                                 std::uint32_t seed = 20240601) {
  return {{{lo, hi}}, count, seed};
}

/// count points with the i-th variable of wrt(...) in the i-th interval.
inline sample_spec sample_points(std::initializer_list<interval> per_variable,
                                 std::size_t count = 48, std::uint32_t seed = 20240601) {
  return {per_variable, count, seed};
}

namespace check_gradient_impl {
/// The points of a spec, in N coordinates. A positive interval spanning two decades or more is
/// drawn log-uniformly, so that [1e-3, 1e-1] samples 1e-3 as often as 1e-1.
template <std::size_t N>
std::vector<std::array<double, N>> draw(const sample_spec& spec) {
  REQUIRE_MESSAGE((spec.domains.size() == 1 || spec.domains.size() == N),
                  "sample_points: give one interval, or one per variable of wrt(...)");
  std::mt19937 engine(spec.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<std::array<double, N>> points(std::max<std::size_t>(spec.count, 2));
  for (std::size_t p = 0; p < points.size(); ++p) {
    for (std::size_t i = 0; i < N; ++i) {
      const interval domain = spec.domains[spec.domains.size() == 1 ? 0 : i];
      const double u = p == 0 ? 0.0 : p == 1 ? 1.0 : unit(engine);
      const bool logarithmic = domain.lo > 0 && domain.hi >= 100 * domain.lo;
      points[p][i] =
          logarithmic ? domain.lo * std::pow(domain.hi / domain.lo, u)
                      : std::clamp(domain.lo + u * (domain.hi - domain.lo), domain.lo, domain.hi);
    }
  }
  return points;
}

template <class T, class... Variables, std::size_t... I>
constexpr auto bind(const std::array<T, sizeof...(Variables)>& values, std::index_sequence<I...>) {
  return ctgrad::at((Variables{} = values[I])...);
}

// Kinks: the arguments of relu, abs, step and sign, and a - b for max(a, b) and min(a, b). A finite
// difference whose stencil sees one of them change sign measures a jump, not a derivative.
template <class E, class B>
void kink_signs(const E&, const B&, std::vector<int>&) {}
template <class Op, class Arg, class B>
void kink_signs(const ctgrad::unary<Op, Arg>& e, const B& point, std::vector<int>& signs);
template <class Op, class Lhs, class Rhs, class B>
void kink_signs(const ctgrad::binary<Op, Lhs, Rhs>& e, const B& point, std::vector<int>& signs);

inline int sign_of(long double v) { return (v > 0) - (v < 0); }

template <class Op, class Arg, class B>
void kink_signs(const ctgrad::unary<Op, Arg>& e, const B& point, std::vector<int>& signs) {
  kink_signs(e.arg, point, signs);
  if constexpr (std::is_same_v<Op, ctgrad::relu_op> || std::is_same_v<Op, ctgrad::abs_op> ||
                std::is_same_v<Op, ctgrad::step_op> || std::is_same_v<Op, ctgrad::sign_op>) {
    signs.push_back(sign_of(ctgrad::eval(e.arg, point)));
  }
}

template <class Op, class Lhs, class Rhs, class B>
void kink_signs(const ctgrad::binary<Op, Lhs, Rhs>& e, const B& point, std::vector<int>& signs) {
  kink_signs(e.lhs, point, signs);
  kink_signs(e.rhs, point, signs);
  if constexpr (std::is_same_v<Op, ctgrad::max_op> || std::is_same_v<Op, ctgrad::min_op>) {
    signs.push_back(sign_of(ctgrad::eval(e.lhs, point) - ctgrad::eval(e.rhs, point)));
  }
}

/// Whether a kink lies at one of three points or between them (a sign changes or is 0).
template <class E, class B>
bool kink_between(const E& f, const B& below, const B& centre, const B& above) {
  std::vector<int> low, mid, high;
  kink_signs(f, below, low);
  kink_signs(f, centre, mid);
  kink_signs(f, above, high);
  for (std::size_t k = 0; k < mid.size(); ++k) {
    if (mid[k] == 0 || low[k] != mid[k] || high[k] != mid[k]) return true;
  }
  return false;
}

/// |a - b| <= rel·max(|a|, |b|) + abs; NaN is never close.
inline bool close(long double a, long double b, long double rel, long double abs) {
  return std::fabs(a - b) <= rel * std::max(std::fabs(a), std::fabs(b)) + abs;
}

/// How far the reverse sweep in T may be from a central difference in long double: in float,
/// about the square root of T's epsilon; in double, what the difference's own truncation
/// error h^2 f'''/6 needs at domain edges such as log and sqrt near 1e-3 (1e-8 fails there).
template <class T>
constexpr long double fd_tolerance = std::is_same_v<T, float> ? 2e-4L : 1e-7L;

template <class T>
std::string type_name() {
  return std::is_same_v<T, float> ? " in float" : " in double";
}

/// "x = 1.5, y = -2": the point, for failure messages.
template <class... Variables, class T>
std::string describe(const std::array<T, sizeof...(Variables)>& x) {
  std::ostringstream text;
  text.precision(std::numeric_limits<T>::max_digits10);
  std::size_t i = 0;
  ((text << (i == 0 ? "" : ", ") << Variables::name << " = " << x[i], ++i), ...);
  return text.str();
}

/// Checks f at one sample in T; returns how many partials were compared with a difference.
template <class T, class E, class... Variables>
std::size_t check_at(const E& f, const std::array<double, sizeof...(Variables)>& sample) {
  constexpr std::size_t n = sizeof...(Variables);
  constexpr auto indices = std::index_sequence_for<Variables...>{};
  constexpr long double eps = std::numeric_limits<T>::epsilon();
  std::array<T, n> x{};
  std::array<long double, n> wide{};
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = static_cast<T>(sample[i]);
    wide[i] = x[i];  // differences are taken around the point T can represent
  }
  const auto point = bind<T, Variables...>(x, indices);
  const auto wide_point = bind<long double, Variables...>(wide, indices);
  const auto result = ctgrad::value_and_grad(f, ctgrad::wrt(Variables{}...), point);
  const T expected_value = ctgrad::eval(f, point);
  const long double scale = std::max(1.0L, std::fabs(static_cast<long double>(expected_value)));

  INFO("f = ", ctgrad::to_string(f), check_gradient_impl::type_name<T>());
  INFO("at ", describe<Variables...>(x));
  CHECK_MESSAGE(close(result.value, expected_value, 4 * eps, 0), "value_and_grad's value ",
                result.value, " differs from eval's ", expected_value);

  std::size_t i = 0;
  std::size_t compared = 0;
  (
      [&](auto variable) {
        const T reverse = result.grad[variable];
        const T symbolic = ctgrad::eval(ctgrad::d(f, variable), point);
        CHECK_MESSAGE(close(symbolic, reverse, 64 * eps, 64 * eps * scale), "d/d",
                      decltype(variable)::name, ": symbolic ", symbolic, " but reverse ", reverse);

        // h is sized for long double, the type the difference is computed in.
        const long double h = std::cbrt(std::numeric_limits<long double>::epsilon()) *
                              std::max(1.0L, std::fabs(wide[i]));
        auto below = wide, above = wide;
        below[i] -= h;
        above[i] += h;
        const auto below_point = bind<long double, Variables...>(below, indices);
        const auto above_point = bind<long double, Variables...>(above, indices);
        if (!kink_between(f, below_point, wide_point, above_point)) {
          const long double difference =
              (ctgrad::eval(f, above_point) - ctgrad::eval(f, below_point)) / (above[i] - below[i]);
          CHECK_MESSAGE(close(reverse, difference, fd_tolerance<T>, fd_tolerance<T> * scale), "d/d",
                        decltype(variable)::name, ": reverse ", reverse, " but central difference ",
                        static_cast<double>(difference));
          ++compared;
        }
        ++i;
      }(Variables{}),
      ...);
  return compared;
}
}  // namespace check_gradient_impl

/// For float and double at every sample point: value_and_grad's value equals eval's, each partial
/// equals d(f, x) evaluated there (to 64 ulps) and a central difference in long double (to
/// fd_tolerance<T>). Differences straddling a kink (relu, abs, step, sign, max, min) are
/// skipped; tests check kinks with exact values.
template <class E, class... Variables>
void check_gradient(const E& f, ctgrad::variable_list<Variables...>, const sample_spec& spec) {
  const auto samples = check_gradient_impl::draw<sizeof...(Variables)>(spec);
  std::size_t compared = 0;
  for (const auto& sample : samples) {
    compared += check_gradient_impl::check_at<float, E, Variables...>(f, sample);
    compared += check_gradient_impl::check_at<double, E, Variables...>(f, sample);
  }
  // Kinks are lines, not regions: if most differences were skipped, the law was barely tested.
  const std::size_t possible = 2 * samples.size() * sizeof...(Variables);
  CHECK_MESSAGE(4 * compared >= 3 * possible, "check_gradient(", ctgrad::to_string(f), "): only ",
                compared, " of ", possible, " partials were compared with a difference");
}

/// For float and double at every sample point: eval(f) has type T and equals reference(values...)
/// computed in T, such as std::sin(v), to `ulps` units in the last place.
template <class E, class... Variables, class Reference>
void check_value(const E& f, ctgrad::variable_list<Variables...>, Reference reference,
                 const sample_spec& spec, int ulps = 2) {
  constexpr auto indices = std::index_sequence_for<Variables...>{};
  const auto samples = check_gradient_impl::draw<sizeof...(Variables)>(spec);
  const auto check_in = [&](auto type) {
    using T = decltype(type);
    constexpr long double eps = std::numeric_limits<T>::epsilon();
    for (const auto& sample : samples) {
      std::array<T, sizeof...(Variables)> x{};
      for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<T>(sample[i]);
      const auto actual = ctgrad::eval(f, check_gradient_impl::bind<T, Variables...>(x, indices));
      static_assert(std::is_same_v<decltype(actual), const T>);
      const T expected = static_cast<T>(std::apply(reference, x));
      INFO("f = ", ctgrad::to_string(f), check_gradient_impl::type_name<T>());
      INFO("at ", check_gradient_impl::describe<Variables...>(x));
      CHECK_MESSAGE(check_gradient_impl::close(actual, expected, ulps * eps, 0), "eval gives ",
                    actual, ", the reference ", expected);
    }
  };
  check_in(float{});
  check_in(double{});
}
