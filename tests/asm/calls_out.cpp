// tests/asm/calls_out.cpp: kernels that call out and allocate, so that asm.detects_call and
// asm.detects_allocation prove that scripts/asm --check can fail.
double opaque(double);

double calls_out(double x) { return opaque(x) + 1.0; }

double* allocates(double x) { return new double(x); }
