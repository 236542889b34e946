// tests/asm/calls_out.cpp: kernels that call out and allocate, so that asm.detects_call and
// asm.detects_allocation prove that scripts/asm --check can fail, and one that computes sin and
// cos twice, for asm.detects_repeated_sincos.
double opaque(double);

double calls_out(double x) { return opaque(x) + 1.0; }

double* allocates(double x) { return new double(x); }

// sin and cos of two different angles: two of each, which asm.detects_repeated_sincos rejects.
double repeats_sincos(double x, double y) { return __builtin_sin(x) * __builtin_cos(x) + __builtin_sin(y) * __builtin_cos(y); }
