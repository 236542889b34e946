// ctgrad/fwd.hpp: declarations of ctgrad's public class templates.
#pragma once

#include <ctgrad/detail/fixed_string.hpp>

#include <cstddef>
#include <cstdint>

namespace ctgrad {
template <detail::fixed_string Name, std::size_t... Extents>
struct var;
template <class T>
struct constant;
template <std::intmax_t Num, std::intmax_t Den = 1>
struct rational;
// The node templates have internal linkage (node.hpp says why).
namespace {
template <class Op, class Arg>
struct unary;
template <class Op, class Lhs, class Rhs>
struct binary;
}  // namespace
template <class Variable, class T>
struct binding;
template <class... Bindings>
struct bindings;
template <class... Variables>
struct variable_list;
template <class T, class... Variables>
struct variable_values;
template <class T, std::size_t... Extents>
struct tensor;

// Operation tags, declared here so that op headers may name each other in any include order.
struct add_op;
struct sub_op;
struct mul_op;
struct div_op;
struct neg_op;
template <int Exponent>
struct power_op;
struct pow_op;
struct sqrt_op;
struct exp_op;
struct log_op;
struct sin_op;
struct cos_op;
struct tanh_op;
struct sigmoid_op;
struct relu_op;
struct step_op;
struct abs_op;
struct sign_op;
struct max_op;
struct xlogy_op;
struct matmul_op;
struct sum_op;
struct transpose_op;
struct min_op;
}  // namespace ctgrad
