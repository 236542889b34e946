// examples/large_dataset.cpp: a regression network trained on 10 million generated rows in
// shuffled minibatches, the data held once: dataset(...) borrows the vectors, a batch is a slice
// of them, and the shuffle is an order of row numbers. A progress line (rows, rows/s, loss, ETA)
// rewrites itself on a terminal and is printed every 10 % when the output is a pipe or a file.
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/threads.hpp>

#include "options.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace ctgrad;

using model = nn::mlp<"net", 2, 16, 1>;  // the article's 2-16-1 ReLU network
constexpr model net;
constexpr var<"x", 2> X;
constexpr var<"y"> Y;
constexpr auto loss = nn::mse(net(X), Y);

namespace {
// y = sin(2·x₀) + x₁²/2 + noise, x uniform on [−1, 1]²: n rows, made once.
struct rows {
  std::vector<std::array<double, 2>> x;
  std::vector<double> y;
};
rows make_rows(std::size_t n) {
  std::mt19937_64 generator(17);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  std::normal_distribution<double> noise(0.0, 0.05);
  rows r;
  r.x.resize(n);
  r.y.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    r.x[i] = {uniform(generator), uniform(generator)};
    r.y[i] = std::sin(2 * r.x[i][0]) + 0.5 * r.x[i][1] * r.x[i][1] + noise(generator);
  }
  return r;
}

// 12,345,678 as "12,345,678".
std::string grouped(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return out;
}

double peak_megabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

// The progress line: on a terminal it rewrites itself (carriage return, erase to the end), at most
// ten times a second; into a pipe or a file, one plain line per tenth of the work.
class progress {
 public:
  explicit progress(std::size_t total) : total_(total), terminal_(isatty(fileno(stdout)) == 1) {}
  void update(std::size_t done, double loss) {
    const double seconds = elapsed();
    const bool finished = done == total_;
    if (terminal_) {
      if (!finished && seconds - shown_ < 0.1) return;
    } else {
      const std::size_t tenth = done * 10 / total_;
      if (tenth == tenths_ && !finished) return;
      tenths_ = tenth;
    }
    shown_ = seconds;
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
    std::printf("%srows %s / %s (%3.0f%%), %.2fM rows/s, loss %.5f, ETA %.1f s%s", terminal_ ? "\r\033[K" : "",
                grouped(done).c_str(), grouped(total_).c_str(), 100.0 * static_cast<double>(done) / static_cast<double>(total_),
                rate / 1e6, loss, eta, terminal_ ? "" : "\n");
    if (terminal_ && finished) std::printf("\n");
    std::fflush(stdout);
  }
  double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

 private:
  std::size_t total_;
  bool terminal_;
  std::size_t tenths_ = 0;
  double shown_ = 0;  // the first line after a tenth of a second, when the rate means something
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};
}  // namespace

int main(int argc, char** argv) {
  command_line options(argc, argv,
                       "[--rows N] [--batch N] [--epochs N] [--threads N]\n"
                       "  --rows N     rows to generate and train on (default 10000000)\n"
                       "  --batch N    rows per minibatch (default 1000)\n"
                       "  --epochs N   passes over the rows, each in a new shuffled order (default 1)\n"
                       "  --threads N  threads per minibatch's gradient (default 1)\n");
  const auto n = static_cast<std::size_t>(options.count("--rows", 10'000'000));
  const auto batch_size = static_cast<std::size_t>(options.count("--batch", 1000));
  const int epochs = options.count("--epochs", 1);
  const auto thread_count = static_cast<std::size_t>(options.count("--threads", 1));
  options.finish();

  const rows r = make_rows(n);
  const double data_megabytes = static_cast<double>(n * (sizeof(r.x[0]) + sizeof(r.y[0]))) / (1024.0 * 1024.0);
  std::printf("%s rows (%.0f MiB of data), minibatches of %s, %d epoch%s, %zu thread%s\n", grouped(n).c_str(),
              data_megabytes, grouped(batch_size).c_str(), epochs, epochs == 1 ? "" : "s", thread_count,
              thread_count == 1 ? "" : "s");

  const auto data = dataset(X = r.x, Y = r.y);  // borrows the vectors: no copy
  auto params = init_params(model::parameters(), 1);
  optim::adam adam{params, 0.01};
  const double first_loss = value_and_grad(loss, params, data.slice(0, std::min<std::size_t>(n, 10'000))).value;

  progress line(n * static_cast<std::size_t>(epochs));
  std::size_t done = 0;
  double recent = first_loss;  // a running mean of the minibatches' losses
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (const auto batch : data.batches(batch_size, static_cast<std::uint64_t>(epoch))) {  // an order, not a copy
      const auto [value, grads] = thread_count == 1 ? value_and_grad(loss, params, batch)
                                                    : value_and_grad(loss, params, batch, threads{thread_count});
      adam.step(params, grads);
      recent = 0.99 * recent + 0.01 * value;
      done += batch.size();
      line.update(done, recent);
    }
  }
  const double seconds = line.elapsed();
  const double last_loss = value_and_grad(loss, params, data.slice(0, std::min<std::size_t>(n, 10'000))).value;
  std::printf("trained on %s rows in %.2f s: %.2fM rows/s; loss on the first 10,000 rows %.5f -> %.5f\n",
              grouped(done).c_str(), seconds, static_cast<double>(done) / seconds / 1e6, first_loss, last_loss);
  std::printf("peak memory %.0f MiB, of which the data %.0f MiB and the shuffled order %.0f MiB\n", peak_megabytes(),
              data_megabytes, static_cast<double>(n * sizeof(std::size_t)) / (1024.0 * 1024.0));
  if (!(last_loss < first_loss)) {
    std::fprintf(stderr, "large_dataset: the loss did not fall\n");
    return 1;
  }
  return 0;
}
