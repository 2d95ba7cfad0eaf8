"""Unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters: registration authority (1) | organisation category (1) | region (6, GB/T 2260) |
organisation code (9, checked per GB 11714) | check character (1, ISO 7064 MOD 31-3 as GB 32100 writes
it). The alphabet leaves out I, O, S, V and Z so that no character reads as a digit.
"""
from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714-1997: eight body characters weighted 3,7,9,10,5,8,4,2; check = 11 − sum mod 11 (10 → X, 11 → 0).
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def uscc_check_character(body: str) -> str:
    """The 18th character for the first 17."""
    total = sum(_VALUE[c] * w for c, w in zip(body, _WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def org_code_check_character(body: str) -> str:
    """GB 11714's check character for an eight-character organisation code body."""
    total = sum(_ORG_ALPHABET.index(c) * w for c, w in zip(body, _ORG_WEIGHTS))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def uscc_problem(code: str) -> str | None:
    """Why ``code`` is not a valid USCC, or None if it is. The reason is a reason-code suffix."""
    if len(code) != 18:
        return "length"
    if any(c not in _VALUE for c in code):
        return "alphabet"
    if not code[2:8].isdigit():
        return "region"
    if code[-1] != uscc_check_character(code[:17]):
        return "check_character"
    org = code[8:17]
    # Organisation codes hold only digits and capitals; USCCs minted since 2015 may use letters GB
    # 11714 also allows, so the inner check applies whenever the body fits its alphabet.
    if all(c in _ORG_ALPHABET for c in org) and org[-1] != org_code_check_character(org[:8]):
        return "org_code"
    return None
