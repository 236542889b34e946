// ctgrad/diff/backward_loop.hpp: the backward sweep of a layer as one loop over its units.
//
// Node by node, the sweep of relu(W·x + b) would be a loop for relu's adjoint, one for b's
// partials, one for W's, each reading what the one before wrote. A hand-written layer is one
// loop: at unit k, the adjoint through relu, b's partial k and row k of W's partials. The sweep
// does the same wherever the forward sweep fused a chain (record.hpp): it walks the chain at
// element k, inside one loop over k, and writes a variable's partial k in place. What cannot be
// finished at element k is kept in a slot and swept after the loop: a broadcast scalar's adjoint
// (a sum over k), the adjoint of a matrix·vector product's vector (a sum over the rows), and the
// adjoint of any other tensor operand (element by element).
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/core/record.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/diff/adjoint.hpp>

#include <boost/hana/at.hpp>

#include <cstddef>
#include <type_traits>

namespace ctgrad::detail {
namespace {  // internal linkage, as the nodes': core/node.hpp says why
template <class T, class Wrt, class Seen, class E, class Record, class Adjoint, class Gradient>
constexpr auto backward(const E& e, const Record& record, const Adjoint& adjoint, Gradient& g);

/// Whether E is computed one element at a time in a loop: an elementwise tensor node, or a
/// product that computes_elements (matrix·vector: element k is row k times the vector).
template <class E>
inline constexpr bool in_loop = is_elementwise_tensor<E> || computes_elements<E>;

/// Where the backward sweep starts a loop: an elementwise node of more than one element (a node
/// of one element, an output layer's W·h + b, is swept as a scalar, and its matrix·vector
/// product by columns: backward_columns).
template <class E>
inline constexpr bool starts_loop = is_elementwise_tensor<E> && (shape_of_t<E>::size > 1);

/// Where the backward sweep runs a loop over a matrix·vector product's columns: the vector needs
/// an adjoint (backward_columns).
template <class Wrt, class E>
inline constexpr bool starts_column_loop = false;
template <class Wrt, class Op, class Lhs, class Rhs>
inline constexpr bool starts_column_loop<Wrt, binary<Op, Lhs, Rhs>> =
    computes_elements<binary<Op, Lhs, Rhs>> && needs_adjoint<Wrt, Rhs>;

struct no_slot {};

template <class T, class Wrt, class E>
struct loop_slots_of;
template <class T, class Wrt, class E>
using loop_slots = typename loop_slots_of<T, Wrt, E>::type;

// An operand's slot: none when it needs no adjoint or is a tensor variable (its partials are
// written in the loop), its own slots when it is in the loop, else its adjoint.
template <class T, class Wrt, class C>
constexpr auto operand_slot_of() {
  if constexpr (!needs_adjoint<Wrt, C> || (is_var<C> && !is_scalar<C>)) {
    return no_slot{};
  } else if constexpr (in_loop<C>) {
    return loop_slots<T, Wrt, C>{};
  } else {
    return value_t<T, shape_of_t<C>>{};
  }
}
template <class T, class Wrt, class C>
using operand_slot = decltype(operand_slot_of<T, Wrt, C>());

template <class Arg>
struct unary_slots {
  [[no_unique_address]] Arg arg;
};
template <class Lhs, class Rhs>
struct binary_slots {
  [[no_unique_address]] Lhs lhs;
  [[no_unique_address]] Rhs rhs;
};
template <class Slot>
inline constexpr bool is_loop_slots = false;
template <class Arg>
inline constexpr bool is_loop_slots<unary_slots<Arg>> = true;
template <class Lhs, class Rhs>
inline constexpr bool is_loop_slots<binary_slots<Lhs, Rhs>> = true;

template <class T, class Wrt, class Op, class Arg>
struct loop_slots_of<T, Wrt, unary<Op, Arg>> {
  using type = unary_slots<operand_slot<T, Wrt, Arg>>;
};
template <class T, class Wrt, class Op, class Lhs, class Rhs>
struct loop_slots_of<T, Wrt, binary<Op, Lhs, Rhs>> {
  // A product that computes_elements keeps its matrix's adjoint unless that is a variable, and
  // always its vector's, which every row adds to.
  template <class C>
  using product_slot = std::conditional_t<!needs_adjoint<Wrt, C> || (std::is_same_v<C, Lhs> && is_var<C>),
                                          no_slot, value_t<T, shape_of_t<C>>>;
  using type = std::conditional_t<computes_elements<binary<Op, Lhs, Rhs>>,
                                  binary_slots<product_slot<Lhs>, product_slot<Rhs>>,
                                  binary_slots<operand_slot<T, Wrt, Lhs>, operand_slot<T, Wrt, Rhs>>>;
};

/// A slot's address, or nullptr for no slot: where a product writes an operand's adjoint.
template <class Slot>
CTGRAD_ALWAYS_INLINE constexpr auto slot_address(Slot& slot) {
  if constexpr (std::is_same_v<Slot, no_slot>) {
    return nullptr;
  } else {
    return &slot;
  }
}

/// Where a product's matrix operand's partials go: the gradient, for a variable of wrt(...), else
/// its slot (or nowhere).
template <class Wrt, class Lhs, class Slot, class Gradient>
CTGRAD_ALWAYS_INLINE constexpr auto matrix_partials(const Lhs&, Slot& slot, Gradient& g) {
  if constexpr (needs_adjoint<Wrt, Lhs> && is_var<Lhs>) {
    return &value_of<Lhs>(g);
  } else {
    return slot_address(slot);
  }
}

template <class T, class Wrt, class E, class Slots>
CTGRAD_SWEEP_INLINE constexpr void prepare_loop(Slots& slots);

/// Zeroes the sums an operand's slot collects over the loop.
template <class T, class Wrt, class C, class Slot>
CTGRAD_SWEEP_INLINE constexpr void prepare_operand(Slot& slot) {
  if constexpr (std::is_same_v<Slot, no_slot>) {
    return;
  } else if constexpr (in_loop<C>) {
    prepare_loop<T, Wrt, C>(slot);
  } else if constexpr (is_scalar<C>) {
    slot = T{0};
  }
}

template <class T, class Wrt, class E, class Slots>
CTGRAD_SWEEP_INLINE constexpr void prepare_loop(Slots& slots) {
  if constexpr (computes_elements<E>) {
    if constexpr (!std::is_same_v<decltype(slots.rhs), no_slot>) slots.rhs = {};
  } else if constexpr (is_unary<E>) {
    prepare_operand<T, Wrt, typename E::arg_type>(slots.arg);
  } else {
    prepare_operand<T, Wrt, typename E::lhs_type>(slots.lhs);
    prepare_operand<T, Wrt, typename E::rhs_type>(slots.rhs);
  }
}

template <class T, class Wrt, class Seen, class E, class Record, class Slots, class Adjoint, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto backward_at(const E& e, const Record& record, Slots& slots,
                                                const Adjoint& adjoint, std::size_t k, Gradient& g);

/// Element k of operand c's adjoint is a: written into c's partials, passed on through c when c
/// is in the loop, else kept in c's slot.
template <class T, class Wrt, class Seen, class C, class Record, class Slot, class Adjoint, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto operand_at(const C& c, const Record& record, Slot& slot,
                                               const Adjoint& a, std::size_t k, Gradient& g) {
  if constexpr (!needs_adjoint<Wrt, C>) {
    return Seen{};
  } else if constexpr (is_scalar<C>) {
    slot += materialize(a);
    return Seen{};
  } else if constexpr (is_var<C>) {
    deposit<!Seen::template contains<C>>(value_of<C>(g).values[k], materialize(a));
    return seen_with<Seen, C>{};
  } else if constexpr (in_loop<C>) {
    return backward_at<T, Wrt, Seen>(c, record, slot, a, k, g);
  } else {
    slot.values[k] = materialize(a);
    return Seen{};
  }
}

/// The adjoint of operand I (0 lhs, 1 rhs) of an elementwise node at element k, passed on.
template <std::size_t I, class T, class Wrt, class Seen, class E, class Record, class Operand,
          class OperandRecord, class Slot, class Adjoint, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto binary_operand_at(const E&, const Record& record, const Operand& operand,
                                                      const OperandRecord& operand_record, Slot& slot,
                                                      const Adjoint& adjoint, std::size_t k, Gradient& g) {
  const auto rule = binary_rule_of<typename E::op, I>();
  if constexpr (!needs_adjoint<Wrt, Operand> || is_zero<decltype(rule)>) {
    return Seen{};
  } else {
    const binary_rule_point<decltype(rule), Record> point{record, k};
    return operand_at<T, Wrt, Seen>(operand, operand_record, slot,
                                    chain<T, shape<>, shape<>>(adjoint, rule, point), k, g);
  }
}

/// Element k of E's adjoint is a scalar adjoint: passes it on to E's operands at element k.
template <class T, class Wrt, class Seen, class E, class Record, class Slots, class Adjoint, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto backward_at(const E& e, const Record& record, Slots& slots,
                                                const Adjoint& adjoint, std::size_t k, Gradient& g) {
  if constexpr (computes_elements<E>) {
    using lhs_type = typename E::lhs_type;
    using rhs_type = typename E::rhs_type;
    constexpr bool lhs_is_partial = needs_adjoint<Wrt, lhs_type> && is_var<lhs_type>;
    const auto lhs_out = matrix_partials<Wrt>(e.lhs, slots.lhs, g);
    const auto rhs_out = slot_address(slots.rhs);
    E::op::template adjoint_at_row<shape_of_t<lhs_type>, shape_of_t<rhs_type>,
                                   lhs_is_partial && Seen::template contains<lhs_type>>(
        static_cast<T>(materialize(adjoint)), k, record.lhs, record.rhs, lhs_out, rhs_out);
    if constexpr (lhs_is_partial) {
      return seen_with<Seen, lhs_type>{};
    } else {
      return Seen{};
    }
  } else if constexpr (is_unary<E>) {
    const auto rule = unary_rule_of<typename E::op>();
    if constexpr (!needs_adjoint<Wrt, typename E::arg_type> || is_zero<decltype(rule)>) {
      return Seen{};
    } else {
      const unary_rule_point<decltype(rule), Record> point{record, k};
      return operand_at<T, Wrt, Seen>(e.arg, record.arg, slots.arg,
                                      chain<T, shape<>, shape<>>(adjoint, rule, point), k, g);
    }
  } else if constexpr (needs_adjoint<Wrt, typename E::lhs_type> &&
                       needs_adjoint<Wrt, typename E::rhs_type> && !is_one<adjoint_factor<Adjoint>>) {
    // The adjoint fans out: its constant factor is applied once here, not in both operands.
    return backward_at<T, Wrt, Seen>(e, record, slots, detail::adjoint<one, T>{materialize(adjoint)}, k, g);
  } else {
    using seen_after_lhs = decltype(binary_operand_at<0, T, Wrt, Seen>(e, record, e.lhs, record.lhs, slots.lhs, adjoint, k, g));
    binary_operand_at<0, T, Wrt, Seen>(e, record, e.lhs, record.lhs, slots.lhs, adjoint, k, g);
    return binary_operand_at<1, T, Wrt, seen_after_lhs>(e, record, e.rhs, record.rhs, slots.rhs, adjoint, k, g);
  }
}

template <class T, class Wrt, class Seen, class E, class Record, class Slots, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto finish_loop(const E& e, const Record& record, Slots& slots, Gradient& g);

/// After the loop: the sweep below an operand whose adjoint its slot has collected.
template <class T, class Wrt, class Seen, class C, class Record, class Slot, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto finish_operand(const C& c, const Record& record, Slot& slot, Gradient& g) {
  if constexpr (std::is_same_v<Slot, no_slot>) {
    return Seen{};
  } else if constexpr (is_loop_slots<Slot>) {
    return finish_loop<T, Wrt, Seen>(c, record, slot, g);
  } else if constexpr (is_tensor<Slot>) {
    return backward<T, Wrt, Seen>(c, record, adjoint<one, const Slot*>{&slot}, g);
  } else {
    return backward<T, Wrt, Seen>(c, record, adjoint<one, T>{slot}, g);
  }
}

template <class T, class Wrt, class Seen, class E, class Record, class Slots, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto finish_loop(const E& e, const Record& record, Slots& slots, Gradient& g) {
  if constexpr (is_unary<E>) {
    return finish_operand<T, Wrt, Seen>(e.arg, record.arg, slots.arg, g);
  } else {
    // A product's matrix operand has a slot of its own only when it is not in the loop either.
    using seen_after_lhs = decltype(finish_operand<T, Wrt, Seen>(e.lhs, record.lhs, slots.lhs, g));
    finish_operand<T, Wrt, Seen>(e.lhs, record.lhs, slots.lhs, g);
    return finish_operand<T, Wrt, seen_after_lhs>(e.rhs, record.rhs, slots.rhs, g);
  }
}

/// The backward sweep below an elementwise node of several elements, as one loop over them.
template <class T, class Wrt, class Seen, class E, class Record, class Adjoint, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto backward_loop(const E& e, const Record& record, const Adjoint& adjoint,
                                                  Gradient& g) {
  using element_adjoint = detail::adjoint<adjoint_factor<Adjoint>, T>;
  loop_slots<T, Wrt, E> slots;
  prepare_loop<T, Wrt, E>(slots);
  using seen_after_loop = decltype(backward_at<T, Wrt, Seen>(e, record, slots, element_adjoint{}, 0, g));
  for (std::size_t k = 0; k < shape_of_t<E>::size; ++k) {
    backward_at<T, Wrt, Seen>(e, record, slots, element_adjoint{static_cast<T>(element(adjoint.value, k))}, k, g);
  }
  return finish_loop<T, Wrt, seen_after_loop>(e, record, slots, g);
}

/// The backward sweep below a matrix·vector product A·x whose vector needs an adjoint, as one
/// loop over x's elements: column p of A's partials, then x(p)'s adjoint Σᵢ A(i, p)·δᵢ, carried
/// on through x's own loop. An output layer W·h swept this way is fused with the layer below it.
template <class T, class Wrt, class Seen, class E, class Record, class Adjoint, class Gradient>
CTGRAD_SWEEP_INLINE constexpr auto backward_columns(const E& e, const Record& record, const Adjoint& adjoint,
                                                     Gradient& g) {
  using lhs_type = typename E::lhs_type;
  using rhs_type = typename E::rhs_type;
  using lhs_shape = shape_of_t<lhs_type>;
  using rhs_shape = shape_of_t<rhs_type>;
  constexpr bool lhs_is_partial = needs_adjoint<Wrt, lhs_type> && is_var<lhs_type>;
  using lhs_slot = std::conditional_t<needs_adjoint<Wrt, lhs_type> && !lhs_is_partial,
                                      value_t<T, lhs_shape>, no_slot>;
  const auto& delta = materialize(adjoint);
  lhs_slot lhs_adjoint;
  operand_slot<T, Wrt, rhs_type> rhs_slot;
  prepare_operand<T, Wrt, rhs_type>(rhs_slot);
  const auto lhs_out = matrix_partials<Wrt>(e.lhs, lhs_adjoint, g);
  using seen_after_lhs = std::conditional_t<lhs_is_partial, seen_with<Seen, lhs_type>, Seen>;
  using seen_after_loop =
      decltype(operand_at<T, Wrt, seen_after_lhs>(e.rhs, record.rhs, rhs_slot, detail::adjoint<one, T>{}, 0, g));
  for (std::size_t p = 0; p < rhs_shape::size; ++p) {
    const T operand_adjoint =
        E::op::template adjoint_at_column<lhs_shape, rhs_shape, lhs_is_partial && Seen::template contains<lhs_type>, T>(
            delta, p, record.lhs, record.rhs, lhs_out);
    operand_at<T, Wrt, seen_after_lhs>(e.rhs, record.rhs, rhs_slot, detail::adjoint<one, T>{operand_adjoint}, p, g);
  }
  using seen_after_lhs_slot = decltype(finish_operand<T, Wrt, seen_after_loop>(e.lhs, record.lhs, lhs_adjoint, g));
  finish_operand<T, Wrt, seen_after_loop>(e.lhs, record.lhs, lhs_adjoint, g);
  return finish_operand<T, Wrt, seen_after_lhs_slot>(e.rhs, record.rhs, rhs_slot, g);
}
}  // namespace
}  // namespace ctgrad::detail
