// bench/peers/sacado.cpp: Trilinos Sacado, beside the hand-written kernels.
//   sacado_sfad  forward mode, Fad::SFad<double, n>: n derivatives in a fixed-size array, as many
//                as parameters, carried through every operation (expression templates).
//   sacado_dfad  forward mode, Fad::DFad<double>: the same with the derivatives on the heap.
//   sacado_rad   reverse mode, Rad::ADvar<double>: every operation is recorded in Sacado's arena
//                as it runs, and ADvar::Gradcomp() sweeps back over it and frees it.
// ReLU and the hinge branch on the value, as the hand-written kernel does: in forward mode the
// branch taken carries its derivatives, and Rad records only the branch taken.
#include "peer_bench.hpp"

#include <Sacado_Fad_DFad.hpp>
#include <Sacado_Fad_SFad.hpp>
#include <Sacado_trad.hpp>

#include <array>
#include <cstddef>

namespace {
using namespace bench::peers;

template <class Fad>
const auto fad_relu = [](const Fad& z) { return z.val() > 0.0 ? z : Fad(0.0); };

/// Forward mode: parameter k is seeded with the k-th unit derivative, and the loss's n
/// derivatives are the gradient.
template <class W, class Fad>
struct forward {
  typename W::result operator()(const typename W::data& set, const typename W::parameters& theta) const {
    const auto x = flatten<W>(theta);
    std::array<Fad, W::size> seeded;
    for (std::size_t k = 0; k < W::size; ++k) seeded[k] = Fad(static_cast<int>(W::size), static_cast<int>(k), x[k]);
    const Fad loss = W::template loss<Fad>(set, seeded.data(), fad_relu<Fad>);
    std::array<double, W::size> gradient{};
    for (std::size_t k = 0; k < W::size; ++k) gradient[k] = loss.dx(static_cast<int>(k));
    return W::make_result(loss.val(), unflatten<W>(gradient.data()));
  }
};

using rad = Sacado::Rad::ADvar<double>;

template <class W>
struct reverse {
  typename W::result operator()(const typename W::data& set, const typename W::parameters& theta) const {
    const auto x = flatten<W>(theta);
    std::array<rad, W::size> independent;
    for (std::size_t k = 0; k < W::size; ++k) independent[k] = x[k];
    const auto relu = [](const rad& z) { return z.val() > 0.0 ? z : rad(0.0); };
    const rad loss = W::template loss<rad>(set, independent.data(), relu);
    rad::Gradcomp();
    std::array<double, W::size> gradient{};
    for (std::size_t k = 0; k < W::size; ++k) gradient[k] = independent[k].adj();
    return W::make_result(loss.val(), unflatten<W>(gradient.data()));
  }
};
}  // namespace

int main(int argc, char** argv) {
  for_each_workload([]<class W>() {
    add_hand<W>();
    add<W>("sacado_sfad", forward<W, Sacado::Fad::SFad<double, W::size>>{});
    add<W>("sacado_dfad", forward<W, Sacado::Fad::DFad<double>>{});
    add<W>("sacado_rad", reverse<W>{});
  });
  return run_benchmarks(argc, argv);
}
