"""Comparing business names as documents print them.

Names differ in form, not identity, between a licence, an invoice and a signboard: full-width
brackets, spaces, a place prefix or a legal-form suffix dropped. Two names match when their normal
forms are equal, or when one's core (suffix removed) is contained in the other and is at least
``MIN_CORE`` characters long, so "老王" never matches "老王记五金店有限公司" by accident.
"""
from __future__ import annotations

import re
import unicodedata

MIN_CORE = 4
_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "个体工商户", "合伙企业", "公司", "商行", "经营部", "门市部")
_NOISE = re.compile(r"[\s·•()（）\[\]【】\"“”'‘’,，.。:：]")


def normalise_name(name: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", name)).upper()


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: characters inserted, deleted or replaced (names are short, ≤ 50 characters)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def core_name(name: str) -> str:
    core = normalise_name(name)
    for suffix in _SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix):
            return core[: -len(suffix)]
    return core


def names_match(a: str, b: str) -> bool:
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    ca, cb = core_name(a), core_name(b)
    shorter, longer = (ca, nb) if len(ca) <= len(cb) else (cb, na)
    return len(shorter) >= MIN_CORE and shorter in longer
