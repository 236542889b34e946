// bench/peers/eigen.cpp: Eigen's AutoDiffScalar (unsupported/Eigen/AutoDiff), forward mode,
// beside the hand-written kernels.
//   eigen_fixed    AutoDiffScalar<Matrix<double, n, 1>>: n derivatives, as many as parameters, in a
//                  fixed-size vector on the stack.
//   eigen_dynamic  AutoDiffScalar<VectorXd>: the derivatives in a heap-allocated vector, what one
//                  writes when n is known only at run time.
// ReLU and the hinge branch on the value, as the hand-written kernel does.
#include "peer_bench.hpp"

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

#include <array>
#include <cstddef>

namespace {
using namespace bench::peers;

template <class W, class Derivatives>
struct forward {
  using scalar = Eigen::AutoDiffScalar<Derivatives>;
  typename W::result operator()(const typename W::data& set, const typename W::parameters& theta) const {
    const auto x = flatten<W>(theta);
    constexpr auto n = static_cast<Eigen::Index>(W::size);
    std::array<scalar, W::size> seeded;
    for (std::size_t k = 0; k < W::size; ++k) seeded[k] = scalar(x[k], n, static_cast<Eigen::Index>(k));
    const auto relu = [](const scalar& z) { return z.value() > 0.0 ? z : scalar(0.0); };
    const scalar loss = W::template loss<scalar>(set, seeded.data(), relu);
    std::array<double, W::size> gradient{};
    for (std::size_t k = 0; k < W::size; ++k) gradient[k] = loss.derivatives()(static_cast<Eigen::Index>(k));
    return W::make_result(loss.value(), unflatten<W>(gradient.data()));
  }
};
}  // namespace

int main(int argc, char** argv) {
  for_each_workload([]<class W>() {
    add_hand<W>();
    add<W>("eigen_fixed", forward<W, Eigen::Matrix<double, static_cast<int>(W::size), 1>>{});
    add<W>("eigen_dynamic", forward<W, Eigen::VectorXd>{});
  });
  return run_benchmarks(argc, argv);
}
