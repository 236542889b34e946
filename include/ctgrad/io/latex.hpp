// ctgrad/io/latex.hpp: to_latex(f), an expression as a LaTeX math formula.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/fwd.hpp>
#include <ctgrad/io/print.hpp>  // precedence_of: the same parenthesization as operator<<

#include <ostream>
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>

namespace ctgrad {
namespace detail {
template <class E>
void print_latex(std::ostream& out, const E& e);

template <class E>
void print_latex_wrapped(std::ostream& out, const E& e, bool parenthesize) {
  if (parenthesize) out << "\\left(";
  print_latex(out, e);
  if (parenthesize) out << "\\right)";
}

/// An op's latex_form with #0 (and #1) replaced by its operands, each printed whole: the form
/// delimits them itself, as \sqrt{#0} and \frac{#0}{#1} do.
template <class E>
void print_latex_form(std::ostream& out, const E& e) {
  constexpr std::string_view form = E::op::latex_form;
  for (std::size_t k = 0; k < form.size(); ++k) {
    if (form[k] == '#' && k + 1 < form.size() && (form[k + 1] == '0' || form[k + 1] == '1')) {
      if constexpr (is_unary<E>) {
        print_latex(out, e.arg);
      } else if (form[k + 1] == '0') {
        print_latex(out, e.lhs);
      } else {
        print_latex(out, e.rhs);
      }
      ++k;
    } else {
      out << form[k];
    }
  }
}

template <class E>
void print_latex(std::ostream& out, const E& e) {
  if constexpr (is_var<E> || is_constant<E>) {
    print(out, e);
  } else if constexpr (is_rational<E>) {
    if constexpr (E::den == 1) {
      out << E::num;
    } else {
      out << (E::num < 0 ? "-" : "") << "\\frac{" << (E::num < 0 ? -E::num : E::num) << "}{"
          << E::den << '}';
    }
  } else if constexpr (is_unary_of<E, neg_op>) {
    out << '-';
    print_latex_wrapped(out, e.arg, precedence_of(e.arg) <= precedence::negation);
  } else if constexpr (is_power<E>) {
    out << '{';
    print_latex_wrapped(out, e.arg, precedence_of(e.arg) <= precedence::power || is_binary_of<typename E::arg_type, pow_op>);
    out << "}^{" << E::op::exponent << '}';
  } else if constexpr (requires { E::op::latex_form; }) {  // sqrt, abs, div: the op says how
    print_latex_form(out, e);
  } else if constexpr (is_unary<E>) {
    out << E::op::latex << "\\left(";
    print_latex(out, e.arg);
    out << "\\right)";
  } else if constexpr (is_binary_of<E, pow_op>) {
    out << '{';
    print_latex_wrapped(out, e.lhs,
                        precedence_of(e.lhs) < precedence::atom || is_binary_of<typename E::lhs_type, pow_op>);
    out << "}^{";
    print_latex(out, e.rhs);
    out << '}';
  } else if constexpr (is_infix<E>) {
    constexpr auto own = static_cast<precedence>(E::op::precedence);
    print_latex_wrapped(out, e.lhs, precedence_of(e.lhs) < own);
    out << ' ' << E::op::latex << ' ';
    const auto right = precedence_of(e.rhs);
    print_latex_wrapped(out, e.rhs,
                        right < own || (right == own && !E::op::associative) || prints_negative(e.rhs));
  } else if constexpr (is_binary_of<E, mul_op>) {  // two tensors, element by element
    print_latex_wrapped(out, e.lhs, precedence_of(e.lhs) < precedence::product);
    out << " \\odot ";
    print_latex_wrapped(out, e.rhs, precedence_of(e.rhs) <= precedence::product);
  } else {
    out << E::op::latex << "\\left(";
    print_latex(out, e.lhs);
    out << ", ";
    print_latex(out, e.rhs);
    out << "\\right)";
  }
}
}  // namespace detail

/// f as a LaTeX formula: \frac for division, ^{N} for powers, \cdot for products.
template <expression E>
std::string to_latex(const E& f) {
  std::ostringstream text;
  detail::print_latex(text, f);
  return text.str();
}
}  // namespace ctgrad
