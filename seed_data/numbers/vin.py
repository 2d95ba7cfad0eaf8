"""Vehicle identification number, ISO 3779 / GB 16735, with the check digit in position 9.

China requires the check digit (GB 16735-2019), as North America does; the weights and
transliteration are the standard's.
"""
from __future__ import annotations

import re

import numpy as np

_ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"   # no I, O, Q
_VALUES = {**{str(d): d for d in range(10)},
           **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
           **dict(zip("STUVWXYZ", range(2, 10)))}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"     # model years 2010.. cycle of 30
_PATTERN = re.compile(r"[0-9A-HJ-NPR-Z]{17}")

# World manufacturer identifiers: "L" marks China; the brand pairing is illustrative, not a registry.
WMIS: dict[str, str] = {"解放": "LFN", "东风": "LGA", "重汽": "LZZ", "陕汽": "LZG", "福田": "LVB",
                        "江淮": "LJ1", "江铃": "LEF", "五菱": "LZW", "长安": "LS5", "欧曼": "LRD"}


def _check_digit(vin: str) -> str:
    total = sum(_VALUES[c] * w for c, w in zip(vin, _WEIGHTS))
    return "X" if total % 11 == 10 else str(total % 11)


def make_vin(rng: np.random.Generator, model_year: int, wmi: str = "LFN") -> str:
    vds = "".join(_ALPHABET[i] for i in rng.integers(0, len(_ALPHABET), size=5))
    year = _YEAR_CODES[(model_year - 2010) % 30]
    serial = "".join(str(d) for d in rng.integers(0, 10, size=6))
    plant = _ALPHABET[int(rng.integers(10, len(_ALPHABET)))]
    draft = f"{wmi}{vds}0{year}{plant}{serial}"
    return draft[:8] + _check_digit(draft) + draft[9:]


def vin_is_valid(s: str) -> bool:
    if not isinstance(s, str) or not _PATTERN.fullmatch(s):
        return False
    return s[8] == _check_digit(s)
