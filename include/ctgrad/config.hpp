// ctgrad/config.hpp: the library version; the only header that defines CTGRAD_ macros.
#pragma once

#define CTGRAD_VERSION_MAJOR 0
#define CTGRAD_VERSION_MINOR 1
#define CTGRAD_VERSION_PATCH 0

// The forward and backward sweeps are many small function templates that must become one
// fused function: past a size, inlining heuristics stop and leave calls in the gradient kernel.
#if defined(__GNUC__) || defined(__clang__)
#define CTGRAD_ALWAYS_INLINE [[gnu::always_inline]]
#else
#define CTGRAD_ALWAYS_INLINE
#endif

// The backward sweep and value recurse once per node: they are CTGRAD_SWEEP_INLINE and their
// entry points CTGRAD_FLATTEN. Forced inlining at every level makes the compiler inline each
// subtree into the function of every node above it and optimise all of those bodies: O(n·depth)
// work, cubic for a sum of n variables. g++'s flatten inlines the whole recursion once, into the
// entry point only. clang's flatten (clang 14) inlines one level, so clang keeps always_inline.
// The forward sweep stays CTGRAD_ALWAYS_INLINE: flattened, g++ compiled W2's forward loop into
// 10 % more instructions (docs/compile-time.md).
#if defined(__clang__)
#define CTGRAD_SWEEP_INLINE [[gnu::always_inline]]
#define CTGRAD_FLATTEN
#elif defined(__GNUC__)
#define CTGRAD_SWEEP_INLINE
#define CTGRAD_FLATTEN [[gnu::flatten]]
#else
#define CTGRAD_SWEEP_INLINE
#define CTGRAD_FLATTEN
#endif
