// tests/asm/report_fixture.cpp: functions whose -O2 assembly is known, so that asm.report can check
// what scripts/asm --report writes: counts, the ratio, calls, allocations, the diff and objdump.
double opaque(double);

// mulsd, addsd, ret with g++ and clang++ (x86-64 has no fused multiply-add without -mfma).
double multiply_add(double x, double y, double z) { return x * y + z; }

// The reference: mulsd, mulsd, addsd, ret. multiply_add's ratio to it is 3/4.
double multiply_add_reference(double x, double y, double z) { return x * y + z * y; }

// A tail call: jmp opaque, which the report must count as a call.
double tail_call(double x) { return opaque(x); }

double* allocates(double x) { return new double(x); }
