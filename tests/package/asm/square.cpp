// tests/package/asm/square.cpp: a function for the installed ctgrad-asm to list; it includes
// ctgrad, so the tool must find the headers installed beside it.
#include <ctgrad/ctgrad.hpp>

double square_derivative(double x) {
  constexpr ctgrad::var<"x"> v;
  return ctgrad::eval(ctgrad::d(v * v, v), ctgrad::at(v = x));  // 2·x: one addition or multiply
}
