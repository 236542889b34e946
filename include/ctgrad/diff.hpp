// ctgrad/diff.hpp: symbolic (d, hessian) and reverse-mode (value_and_grad, grad) differentiation.
#pragma once

#include <ctgrad/diff/missing_wrt.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/diff/symbolic.hpp>
