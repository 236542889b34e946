// ctgrad/diff.hpp: symbolic (d) and reverse-mode (value_and_grad, grad) differentiation,
// Hessians (hessian), and Jacobians (value_and_jacobian, jacobian, jvp, hvp).
#pragma once

#include <ctgrad/diff/hessian.hpp>
#include <ctgrad/diff/jacobian.hpp>
#include <ctgrad/diff/missing_wrt.hpp>
#include <ctgrad/diff/reverse.hpp>
#include <ctgrad/diff/symbolic.hpp>
