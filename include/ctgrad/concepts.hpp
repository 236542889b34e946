// ctgrad/concepts.hpp: the concepts that constrain ctgrad's public functions.
#pragma once

#include <ctgrad/fwd.hpp>

#include <type_traits>

namespace ctgrad {
namespace detail {
template <class T>
inline constexpr bool is_var = false;
template <fixed_string Name, std::size_t... Extents>
inline constexpr bool is_var<var<Name, Extents...>> = true;

template <class T>
inline constexpr bool is_constant = false;
template <class T>
inline constexpr bool is_constant<constant<T>> = true;

template <class T>
inline constexpr bool is_rational = false;
template <std::intmax_t Num, std::intmax_t Den>
inline constexpr bool is_rational<rational<Num, Den>> = true;

template <class T>
inline constexpr bool is_unary = false;
template <class Op, class Arg>
inline constexpr bool is_unary<unary<Op, Arg>> = true;

template <class T>
inline constexpr bool is_binary = false;
template <class Op, class Lhs, class Rhs>
inline constexpr bool is_binary<binary<Op, Lhs, Rhs>> = true;
}  // namespace detail

namespace detail {
template <class T>
inline constexpr bool is_character =
    std::is_same_v<T, char> || std::is_same_v<T, signed char> || std::is_same_v<T, unsigned char> ||
    std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t> || std::is_same_v<T, char16_t> ||
    std::is_same_v<T, char32_t>;
}  // namespace detail

/// A plain C++ number that may appear in an expression or be bound to a variable: an integer or
/// floating-point type, not bool and not a character type ('a' is not a number).
template <class T>
concept number = std::is_arithmetic_v<std::remove_cvref_t<T>> &&
                 !std::is_same_v<std::remove_cvref_t<T>, bool> &&
                 !detail::is_character<std::remove_cvref_t<T>>;

/// A ctgrad expression: a variable, a constant or an operation node.
template <class T>
concept expression = detail::is_var<std::remove_cvref_t<T>> ||
                     detail::is_constant<std::remove_cvref_t<T>> ||
                     detail::is_rational<std::remove_cvref_t<T>> ||
                     detail::is_unary<std::remove_cvref_t<T>> ||
                     detail::is_binary<std::remove_cvref_t<T>>;

/// A named symbolic variable, var<"x">: what d, wrt and at(x = ...) accept.
template <class T>
concept variable = expression<T> && detail::is_var<std::remove_cvref_t<T>>;

/// A compile-time constant such as rational<1, 2>: its value is part of its type.
template <class T>
concept static_constant = expression<T> && detail::is_rational<std::remove_cvref_t<T>>;

/// What an arithmetic operator accepts on either side: an expression or a number.
template <class T>
concept operand = expression<T> || number<T>;
}  // namespace ctgrad
