// ctgrad/core.hpp: variables, constants, nodes, bindings and eval.
#pragma once

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/var.hpp>
