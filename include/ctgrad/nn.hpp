// ctgrad/nn.hpp: neural-network building blocks: layers, losses and parameter initialisation (init_params).
#pragma once

#include <ctgrad/nn/init.hpp>
#include <ctgrad/nn/linear.hpp>
#include <ctgrad/nn/loss.hpp>
#include <ctgrad/nn/mlp.hpp>
