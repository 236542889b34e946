// ctgrad/concepts.hpp: the concepts that constrain ctgrad's public functions.
#pragma once

#include <ctgrad/fwd.hpp>

#include <type_traits>

namespace ctgrad {
namespace detail {
// A trait that is evaluated on every node is a concept over a class's ::value, never a variable
// template: GCC gives each instantiation of a variable template (and of std::is_same_v and its
// kind) a symbol whose mangled name spells the node's whole type, O(depth) long, so building a sum
// of n terms spent O(n²) or more in the mangler (docs/compile-time.md). std::true_type::value is
// one variable whatever the node.
template <class T>
struct is_var_trait : std::false_type {};
template <fixed_string Name, std::size_t... Extents>
struct is_var_trait<var<Name, Extents...>> : std::true_type {};
/// Whether T is a var<name, extents...>.
template <class T>
concept is_var = is_var_trait<T>::value;

template <class T>
struct is_constant_trait : std::false_type {};
template <class T>
struct is_constant_trait<constant<T>> : std::true_type {};
/// Whether T is a runtime constant, constant<U>.
template <class T>
concept is_constant = is_constant_trait<T>::value;

template <class T>
struct is_rational_trait : std::false_type {};
template <std::intmax_t Num, std::intmax_t Den>
struct is_rational_trait<rational<Num, Den>> : std::true_type {};
/// Whether T is a compile-time constant, rational<num, den>.
template <class T>
concept is_rational = is_rational_trait<T>::value;

template <class T>
struct is_unary_trait : std::false_type {};
template <class Op, class Arg>
struct is_unary_trait<unary<Op, Arg>> : std::true_type {};
/// Whether T is a unary node.
template <class T>
concept is_unary = is_unary_trait<T>::value;

template <class T>
struct is_binary_trait : std::false_type {};
template <class Op, class Lhs, class Rhs>
struct is_binary_trait<binary<Op, Lhs, Rhs>> : std::true_type {};
/// Whether T is a binary node.
template <class T>
concept is_binary = is_binary_trait<T>::value;
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
