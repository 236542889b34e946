// ctgrad/ceres.hpp: residuals written as ctgrad expressions, as a Ceres Solver cost function whose
// residuals and Jacobian blocks come from one forward sweep. Optional: it needs Ceres (Debian
// libceres-dev), and the rest of ctgrad does not include it.
#pragma once

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/values_view.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/diff/jacobian.hpp>

#include <ceres/sized_cost_function.h>

#include <array>
#include <cstddef>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ctgrad {
namespace detail {
template <class... Bindings>
std::tuple<Bindings...> bindings_tuple(const bindings<Bindings...>& point) {
  return {static_cast<const Bindings&>(point)...};
}

template <class Block>
inline constexpr bool scalar_block = false;
template <class... Variables>
inline constexpr bool scalar_block<variable_list<Variables...>> = all_true<(Variables::shape_type::rank == 0)...>;
}  // namespace detail

/// A ceres::SizedCostFunction whose residuals are the outputs of Residuals (an outputs(...) list),
/// with one parameter block per variable list Blocks (a wrt(...) of scalar variables, one per
/// number of the block, in memory order) and the other variables bound once, by Data (an at(...)
/// of the observation: a measured feature, a weight). Evaluate binds the blocks' numbers, runs
/// value_and_jacobian once, and copies the Jacobian's columns into Ceres' row-major blocks
/// (residuals × block size); a block Ceres asks no Jacobian of (nullptr) is skipped, and with no
/// Jacobian asked at all (a trial step) only the forward sweep runs.
template <class Residuals, class Data, class... Blocks>
class ceres_cost_function final
    : public ::ceres::SizedCostFunction<static_cast<int>(Residuals::size()), static_cast<int>(Blocks::size)...> {
  static_assert((detail::scalar_block<Blocks> && ...),
                "ctgrad::ceres_cost: a parameter block is a wrt(...) of scalar variables, one per number of the block.");

 public:
  ceres_cost_function(const Residuals& residuals, const Data& data) : residuals_(residuals), data_(data) {}

  bool Evaluate(double const* const* parameters, double* residuals, double** jacobians) const override {
    evaluate(parameters, residuals, jacobians, std::index_sequence_for<Blocks...>{});
    return true;
  }

 private:
  using all_variables = decltype((Blocks{} + ...));
  static constexpr std::size_t rows = Residuals::size();
  static constexpr std::size_t columns = all_variables::size;
  static constexpr std::array<std::size_t, sizeof...(Blocks)> sizes{Blocks::size...};

  template <std::size_t... B>
  void evaluate(double const* const* parameters, double* residuals, double** jacobians,
                std::index_sequence<B...>) const {
    const auto point = std::apply(
        [](const auto&... each) { return bindings<std::remove_cvref_t<decltype(each)>...>{each...}; },
        std::tuple_cat(detail::bindings_tuple(data_),
                       view(Blocks{}, parameters[B]).to_bindings()...));
    if (jacobians == nullptr) {  // a trial step: the residuals alone, one forward sweep
      const auto value = eval(residuals_, point);
      for (std::size_t i = 0; i < rows; ++i) residuals[i] = value[i];
      return;
    }
    std::array<double, rows * columns> jacobian;
    value_and_jacobian(residuals_, all_variables{}, point, std::span<double, rows>(residuals, rows),
                       std::span<double, rows * columns>(jacobian));
    std::size_t offset = 0;
    for (std::size_t b = 0; b < sizeof...(Blocks); ++b) {
      if (jacobians[b] != nullptr) {
        for (std::size_t i = 0; i < rows; ++i) {
          for (std::size_t k = 0; k < sizes[b]; ++k) jacobians[b][i * sizes[b] + k] = jacobian[i * columns + offset + k];
        }
      }
      offset += sizes[b];
    }
  }

  Residuals residuals_;
  Data data_;
};

/// A new ceres_cost_function of the residuals outputs(...), the observation's bindings `data`
/// (at(...), possibly empty) and its parameter blocks (one wrt(...) each), for
/// problem.AddResidualBlock(ceres_cost(...), loss, block0, block1, ...), which takes ownership.
template <class... Outputs, class... Data, class... Blocks>
ceres_cost_function<output_list<Outputs...>, bindings<Data...>, Blocks...>* ceres_cost(
    const output_list<Outputs...>& residuals, const bindings<Data...>& data, Blocks...) {
  static_assert(sizeof...(Blocks) > 0, "ctgrad::ceres_cost: name at least one parameter block, as wrt(x, y).");
  return new ceres_cost_function<output_list<Outputs...>, bindings<Data...>, Blocks...>(residuals, data);
}
}  // namespace ctgrad
