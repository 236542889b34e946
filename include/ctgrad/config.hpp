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
