#!/usr/bin/env bash
# tests/asm/count_calls.sh: scripts/asm's listing of one function, and a check that it calls sin
# and cos once each, or sincos once and neither of them.
#   tests/asm/count_calls.sh SCRIPTS_ASM COMPILER FILE.cpp FUNCTION
set -euo pipefail
listing=$(bash "$1" --compiler "$2" "$3" "$4")
echo "$listing"
count() { grep -cE "^[[:space:]]*call[q]?[[:space:]]+$1(@PLT)?\$" <<<"$listing" || true; }
sin=$(count sin)
cos=$(count cos)
sincos=$(count sincos)
echo "# $4: $sin sin, $cos cos, $sincos sincos"
if [[ $sincos -eq 1 && $sin -eq 0 && $cos -eq 0 ]] || [[ $sincos -eq 0 && $sin -eq 1 && $cos -eq 1 ]]; then
  echo "# $4: one sin and one cos of the shared angle"
else
  echo "asm: FAIL: $4 should compute sin and cos of its shared angle once each" >&2
  exit 1
fi
