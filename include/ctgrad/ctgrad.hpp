// ctgrad/ctgrad.hpp: what users include; every public header of ctgrad.
#pragma once

#include <ctgrad/config.hpp>
#include <ctgrad/core.hpp>
#include <ctgrad/diff.hpp>
#include <ctgrad/io.hpp>
#include <ctgrad/nn.hpp>
#include <ctgrad/ops.hpp>
#include <ctgrad/optim.hpp>
