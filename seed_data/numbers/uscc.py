"""Unified social credit code (统一社会信用代码), GB 32100-2015.

Layout: registration authority (1) | organisation category (1) | region (6, GB/T 2260) |
organisation code (9, with its own GB 11714 check character) | check character (1, mod 31).
"""
from __future__ import annotations

import re

import numpy as np

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"   # 31 characters: no I, O, S, V, Z
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_PATTERN = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")

# (authority, category) pairs a micro merchant or its counterparties carry: 9 = market regulation;
# 1 company, 2 individual-proprietorship enterprise, 3 partnership; 92 = 个体工商户 (sole trader).
COMPANY = "91"
SOLE_TRADER = "92"


def _check_char(body17: str) -> str:
    total = sum(ALPHABET.index(c) * w for c, w in zip(body17, _WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(body8: str) -> str:
    """GB 11714 check character of the 9-character organisation code (letters count as 10..35)."""
    total = sum(int(c, 36) * w for c, w in zip(body8, _ORG_WEIGHTS))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def make_uscc(rng: np.random.Generator, region_code: str, kind: str = COMPANY) -> str:
    """A valid USCC registered in ``region_code``. New-style organisation codes start with "MA",
    the form issued since the 2015 reform, followed by 6 characters from the USCC alphabet."""
    tail = "".join(ALPHABET[i] for i in rng.integers(0, 31, size=6))
    body8 = "MA" + tail
    body17 = kind + region_code + body8 + org_code_check_char(body8)
    return body17 + _check_char(body17)


def uscc_is_valid(s: str) -> bool:
    """Format and GB 32100 check character. Positions 1–2 may be letters (e.g. "Y", "N")."""
    if not isinstance(s, str) or not _PATTERN.fullmatch(s):
        return False
    return _check_char(s[:17]) == s[17]


def make_usccs(rng: np.random.Generator, region_codes: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    """Vectorised :func:`make_uscc` for millions of codes (the scale world): same layout and checks,
    built as an (n, 18) array of ASCII bytes."""
    n = len(region_codes)
    alphabet = np.frombuffer(ALPHABET.encode(), dtype=np.uint8)
    value36 = np.array([int(c, 36) for c in ALPHABET])
    tail = rng.integers(0, 31, size=(n, 6))
    org_sum = int("M", 36) * _ORG_WEIGHTS[0] + int("A", 36) * _ORG_WEIGHTS[1] \
        + (value36[tail] * np.array(_ORG_WEIGHTS[2:])).sum(axis=1)
    org_value = 11 - org_sum % 11
    org_check = np.where(org_value == 10, ALPHABET.index("X"), np.where(org_value == 11, 0, org_value))
    head = np.frombuffer("".join(k + r for k, r in zip(kinds, region_codes)).encode(), dtype=np.uint8)
    # ALPHABET is in ASCII order, so a character's index is its searchsorted position
    index = np.concatenate([np.searchsorted(alphabet, head.reshape(n, 8)),
                            np.full((n, 1), ALPHABET.index("M")), np.full((n, 1), ALPHABET.index("A")),
                            tail, org_check[:, None]], axis=1)
    check = (31 - (index * np.array(_WEIGHTS)).sum(axis=1) % 31) % 31
    chars = alphabet[np.concatenate([index, check[:, None]], axis=1)]
    return np.ascontiguousarray(chars).view("S18").ravel().astype(str)
