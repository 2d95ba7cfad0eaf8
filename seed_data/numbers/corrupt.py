"""Deliberately invalid identifiers, for the ``invalid_check_digit`` fraud kind."""
from __future__ import annotations

from collections.abc import Callable


def corrupt_check_digit(s: str, is_valid: Callable[[str], bool] | None = None) -> str:
    """Replace the last character (the check character of every identifier here) with a wrong one.

    Walks a fixed candidate order rather than drawing at random, so the forged number is a pure
    function of the genuine one. With ``is_valid`` the first candidate the validator rejects is
    returned; without it, simply the next character in the same class (digit or letter).
    """
    last = s[-1]
    candidates = "0123456789X" if last.isdigit() or last == "X" else "ABCDEFGHJKLMNPQRTUWXY0123456789"
    start = candidates.index(last) + 1 if last in candidates else 0
    for step in range(len(candidates)):
        forged = s[:-1] + candidates[(start + step) % len(candidates)]
        if forged != s and (is_valid is None or not is_valid(forged)):
            return forged
    raise ValueError(f"no invalid variant of {s!r} found")
