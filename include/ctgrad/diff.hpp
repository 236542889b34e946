// ctgrad/diff.hpp: symbolic (d, hessian) and reverse-mode (value_and_grad, grad)
// differentiation, and Jacobians (value_and_jacobian, jacobian, jvp).
#pragma once

#include <ctgrad/diff/jacobian.hpp>
#include <ctgrad/diff/missing_wrt.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/diff/symbolic.hpp>
