// ctgrad/nn.hpp: neural-network building blocks: layers, losses and parameter initialisation.
#pragma once

#include <ctgrad/nn/linear.hpp>
#include <ctgrad/nn/loss.hpp>
#include <ctgrad/nn/mlp.hpp>
