// tests/io/summary_test.cpp
#include <ctgrad/io/summary.hpp>  // first: proves the header stands alone

#include <ctgrad/nn.hpp>
#include <ctgrad/ops.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace ctgrad;

TEST_CASE("io/summary: one line per layer of an mlp, with shapes, activations and the total") {
  // micrograd's moons model: 2·16 + 16, 16·16 + 16 and 16 + 1 parameters.
  CHECK(nn::summary(nn::mlp<"moons", 2, 16, 16, 1>{}) ==
        "layer    in  out  activation  W      b   parameters\n"
        "moons.0   2   16  relu        16×2   16          48\n"
        "moons.1  16   16  relu        16×16  16         272\n"
        "moons.2  16    1  –           1×16   1           17\n"
        "total                                           337\n");
}

TEST_CASE("io/summary: a single layer, and a stack with another activation") {
  CHECK(nn::summary(nn::linear<"fc", 2, 3>{}) ==
        "layer  in  out  activation  W    b  parameters\n"
        "fc      2    3  –           3×2  3           9\n"
        "total                                        9\n");
  CHECK(nn::summary(nn::basic_mlp<tanh_op, "net", 3, 4, 2>{}) ==
        "layer  in  out  activation  W    b  parameters\n"
        "net.0   3    4  tanh        4×3  4          16\n"
        "net.1   4    2  –           2×4  2          10\n"
        "total                                       26\n");
}
