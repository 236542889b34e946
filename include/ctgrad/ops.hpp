// ctgrad/ops.hpp: every operation; adding one means its header, one line here, and its test.
#pragma once

#include <ctgrad/ops/abs.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/cos.hpp>
#include <ctgrad/ops/div.hpp>
#include <ctgrad/ops/exp.hpp>
#include <ctgrad/ops/log.hpp>
#include <ctgrad/ops/max.hpp>
#include <ctgrad/ops/min.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/pow.hpp>
#include <ctgrad/ops/relu.hpp>
#include <ctgrad/ops/sigmoid.hpp>
#include <ctgrad/ops/sign.hpp>
#include <ctgrad/ops/sin.hpp>
#include <ctgrad/ops/sqrt.hpp>
#include <ctgrad/ops/square.hpp>
#include <ctgrad/ops/step.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/tanh.hpp>
#include <ctgrad/ops/xlogy.hpp>
