"""Chinese number plates (GA 36-2018) valid for the region where a vehicle is registered.

Ordinary plates: province abbreviation + office letter + five characters (digits and letters, no I/O),
e.g. 粤B·12345 (blue for small vehicles, yellow for large ones such as heavy trucks). New-energy plates
(green) have six characters after the office letter: small vehicles start with D (battery) or F
(hybrid); large vehicles end with D or F.
"""
from __future__ import annotations

import re

import numpy as np

from seed_data.numbers.regions import region, regions

_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"   # no I, O
_PATTERN_ORDINARY = re.compile(r"(?P<prefix>\w[A-HJ-NP-Z])·[0-9A-HJ-NP-Z]{5}")
_PATTERN_NEW_ENERGY = re.compile(r"(?P<prefix>\w[A-HJ-NP-Z])·(?:[DF][0-9A-HJ-NP-Z]\d{4}|\d{5}[DF])")


def make_plate(rng: np.random.Generator, region_code: str, *, new_energy: bool = False, large: bool = False) -> str:
    prefixes = region(region_code).plate_prefixes
    prefix = prefixes[int(rng.integers(len(prefixes)))]
    digits = "".join(str(d) for d in rng.integers(0, 10, size=5))
    if new_energy:
        kind = "DF"[int(rng.integers(2))]
        if large:
            return f"{prefix}·{digits}{kind}"
        return f"{prefix}·{kind}{_LETTERS[int(rng.integers(len(_LETTERS)))]}{digits[:4]}"
    # one letter among the five characters is common; plates of only letters are not issued
    if rng.random() < 0.5:
        pos = int(rng.integers(5))
        digits = digits[:pos] + _LETTERS[int(rng.integers(len(_LETTERS)))] + digits[pos + 1:]
    return f"{prefix}·{digits}"


def plate_region_codes(plate: str) -> tuple[str, ...]:
    """Prefecture codes (among the shipped table) whose offices issue this plate's prefix."""
    return tuple(code for code, r in regions().items() if plate[:2] in r.plate_prefixes)


def plate_is_valid(plate: str, region_code: str | None = None) -> bool:
    """Well-formed, and, when ``region_code`` is given, issued by that prefecture."""
    match = _PATTERN_ORDINARY.fullmatch(plate) or _PATTERN_NEW_ENERGY.fullmatch(plate)
    if match is None:
        return False
    if region_code is not None:
        return match["prefix"] in region(region_code).plate_prefixes
    return bool(plate_region_codes(plate))
