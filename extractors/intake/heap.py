"""Freed decode buffers go back to the operating system at once (glibc).

glibc serves an allocation above its mmap threshold (128 KiB at start) with its own mapping and unmaps
it when freed. The threshold is dynamic, though: each time such a block is freed glibc raises the
threshold to that block's size (up to 32 MiB), so later page buffers come from the heap, and a heap
with a live block above a freed one cannot shrink. A process decoding many pages then keeps its worst
mix of them resident: 20 decode bombs in 4 threads left 511 MB resident, against 228 MB with the
threshold fixed (``tests/extractors/intake/test_decode_budget.py``). Setting the threshold explicitly
also turns the adjustment off.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools

_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number (malloc.h)
_THRESHOLD = 128 * 1024  # glibc's own starting value: pages and bands are far above it, small objects below


@functools.cache
def return_freed_buffers() -> bool:
    """Fix glibc's mmap threshold, once per process; False where the C library has no ``mallopt``."""
    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c")).mallopt
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS): nothing to fix there
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return mallopt(_M_MMAP_THRESHOLD, _THRESHOLD) == 1
