// ctgrad/core.hpp: variables, constants, nodes, bindings and eval.
#pragma once

#include <ctgrad/core/bindings.hpp>
#include <ctgrad/core/constant.hpp>
#include <ctgrad/core/dataset.hpp>
#include <ctgrad/core/eval.hpp>
#include <ctgrad/core/finite.hpp>
#include <ctgrad/core/node.hpp>
#include <ctgrad/core/op_rules.hpp>
#include <ctgrad/core/record.hpp>
#include <ctgrad/core/shape.hpp>
#include <ctgrad/core/shape_of.hpp>
#include <ctgrad/core/tensor.hpp>
#include <ctgrad/core/values_view.hpp>
#include <ctgrad/core/var.hpp>
#include <ctgrad/core/variable_values.hpp>
