// bench/peers/torch.cpp: libtorch's autograd on the CPU, in double precision and one thread,
// beside the hand-written kernels (a binary of its own: torch's headers take half a minute to
// compile), on the workloads and on the 2-H-H-1 grid of bench/kernels/wide.hpp.
//   torch  the loss written as batched tensor operations over all rows at once, as a PyTorch
//          user writes it (matrix products, relu, mean), with the data as tensors made once. The
//          parameters are leaf tensors kept between calls, as a model's are: a call copies θ in,
//          clears the gradients (zero_grad(set_to_none)), builds the graph and runs backward().
#include "peer_bench.hpp"

#include <torch/torch.h>

#include <array>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

namespace {
using namespace bench::peers;

const auto f64 = torch::TensorOptions().dtype(torch::kFloat64);

/// A tensor holding a copy of numbers, in the given shape.
torch::Tensor tensor_of(const double* numbers, std::vector<std::int64_t> shape) {
  return torch::from_blob(const_cast<double*>(numbers), shape, f64).clone();
}

/// The data set's inputs as an N×2 matrix and its targets as a vector of N.
template <class Data>
std::pair<torch::Tensor, torch::Tensor> rows_of(const Data& set) {
  const auto n = static_cast<std::int64_t>(set.y.size());
  std::vector<double> inputs;
  for (const auto& x : set.x) inputs.insert(inputs.end(), x.begin(), x.end());
  return {tensor_of(inputs.data(), {n, 2}), tensor_of(set.y.data(), {n})};
}

/// The parameters as leaf tensors requiring gradients, one per block, shaped as the block is
/// (W1 of W2 is 16×2, b1 a vector of 16, ...); `shapes` lists them in the flat order.
template <class W>
class leaves {
 public:
  explicit leaves(std::vector<std::vector<std::int64_t>> shapes) {
    for (auto& shape : shapes) tensors_.push_back(torch::zeros(shape, f64).requires_grad_(true));
  }
  /// Copies θ into the leaves and forgets the last call's gradients.
  void load(const typename W::parameters& theta) {
    const auto flat = flatten<W>(theta);
    torch::NoGradGuard no_grad;
    std::size_t start = 0;
    for (auto& leaf : tensors_) {
      std::memcpy(leaf.data_ptr<double>(), flat.data() + start, sizeof(double) * static_cast<std::size_t>(leaf.numel()));
      start += static_cast<std::size_t>(leaf.numel());
      leaf.mutable_grad().reset();
    }
  }
  /// Runs backward() from loss and returns it with the gradient, laid out as the parameters.
  typename W::result backward(const torch::Tensor& loss) {
    loss.backward();
    std::array<double, W::size> flat{};
    std::size_t start = 0;
    for (auto& leaf : tensors_) {
      const torch::Tensor gradient = leaf.grad().contiguous();
      std::memcpy(flat.data() + start, gradient.data_ptr<double>(), sizeof(double) * static_cast<std::size_t>(leaf.numel()));
      start += static_cast<std::size_t>(leaf.numel());
    }
    return W::make_result(loss.item<double>(), unflatten<W>(flat.data()));
  }
  const torch::Tensor& operator[](std::size_t i) const { return tensors_[i]; }

 private:
  std::vector<torch::Tensor> tensors_;
};

struct torch_w1 {
  torch::Tensor x, y;  // N×2 (x1, x2) and N
  leaves<w1> p{{{2}, {1}}};  // (θ1, θ2) and b
  explicit torch_w1(const w1::data& set) {
    std::vector<double> inputs;
    for (std::size_t i = 0; i < bench::w1::rows; ++i) inputs.insert(inputs.end(), {set.x1[i], set.x2[i]});
    x = tensor_of(inputs.data(), {static_cast<std::int64_t>(bench::w1::rows), 2});
    y = tensor_of(set.y.data(), {static_cast<std::int64_t>(bench::w1::rows)});
  }
  w1::result operator()(const w1::data&, const w1::parameters& theta) {
    p.load(theta);
    const torch::Tensor prediction = torch::mv(x, p[0]) + p[1];
    return p.backward((y - prediction).pow(2).mean());
  }
};

struct torch_w2 {
  torch::Tensor x, y;
  leaves<w2> p{{{16, 2}, {16}, {1, 16}, {1}}};
  explicit torch_w2(const w2::data& set) { std::tie(x, y) = rows_of(set); }
  w2::result operator()(const w2::data&, const w2::parameters& theta) {
    p.load(theta);
    const torch::Tensor hidden = torch::relu(torch::addmm(p[1], x, p[0].t()));
    const torch::Tensor prediction = torch::addmm(p[3], hidden, p[2].t()).squeeze(1);
    return p.backward((prediction - y).pow(2).mean());
  }
};

/// W3's network, and the 2-H-H-1 grid's (bench/kernels/wide.hpp): W::hidden units per layer.
template <class W>
struct torch_mlp {
  static constexpr auto H = static_cast<std::int64_t>(W::hidden);
  torch::Tensor x, y;
  leaves<W> p{{{H, 2}, {H}, {H, H}, {H}, {1, H}, {1}}};
  explicit torch_mlp(const typename W::data& set) { std::tie(x, y) = rows_of(set); }
  typename W::result operator()(const typename W::data&, const typename W::parameters& theta) {
    p.load(theta);
    const torch::Tensor h1 = torch::relu(torch::addmm(p[1], x, p[0].t()));
    const torch::Tensor h2 = torch::relu(torch::addmm(p[3], h1, p[2].t()));
    const torch::Tensor score = torch::addmm(p[5], h2, p[4].t()).squeeze(1);
    torch::Tensor penalty = p[0].pow(2).sum();
    for (std::size_t i = 1; i < 6; ++i) penalty = penalty + p[i].pow(2).sum();
    return p.backward(torch::relu(1.0 - y * score).mean() + bench::w3::alpha * penalty);
  }
};

template <std::size_t N>
struct torch_rosenbrock {
  leaves<rosenbrock<N>> p{{{static_cast<std::int64_t>(N)}}};
  typename rosenbrock<N>::result operator()(const typename rosenbrock<N>::data&,
                                            const typename rosenbrock<N>::parameters& x) {
    p.load(x);
    using torch::indexing::Slice;
    const torch::Tensor even = p[0].index({Slice(0, torch::indexing::None, 2)});
    const torch::Tensor odd = p[0].index({Slice(1, torch::indexing::None, 2)});
    return p.backward((100.0 * (odd - even * even).pow(2) + (1.0 - even).pow(2)).sum());
  }
};
}  // namespace

int main(int argc, char** argv) {
  torch::set_num_threads(1);  // one core, as every other variant
  for_each_workload([]<class W>() {
    add_hand<W>();
    if constexpr (std::is_same_v<W, w1>) {
      add<W>("torch", torch_w1(benchmark_data<W>()));
    } else if constexpr (std::is_same_v<W, w2>) {
      add<W>("torch", torch_w2(benchmark_data<W>()));
    } else if constexpr (std::is_same_v<W, w3>) {
      add<W>("torch", torch_mlp<W>(benchmark_data<W>()));
    } else {
      add<W>("torch", torch_rosenbrock<W::size>{});
    }
  });
  for_each_wide_point([]<class W>() {
    add_hand<W>();
    add<W>("torch", torch_mlp<W>(benchmark_data<W>()));
  });
  return run_benchmarks(argc, argv);
}
