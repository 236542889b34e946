// ctgrad/ops/mean.hpp: mean(a), the mean of a tensor's elements.
#pragma once

#include <ctgrad/concepts.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/sum.hpp>

namespace ctgrad {
/// (1/n)·Σₖ aₖ, written as sum(a) times the compile-time constant 1/n: no rule of its own.
constexpr expression auto mean(expression auto a) {
  constexpr auto size = static_cast<std::intmax_t>(detail::shape_of_t<decltype(a)>::size);
  return detail::make_rational<1, size>() * sum(a);
}
}  // namespace ctgrad
