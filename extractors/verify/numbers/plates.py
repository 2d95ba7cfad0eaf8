"""Number plates of motor vehicles, GA 36-2018.

Province abbreviation + issuing-office letter + five characters (ordinary: digits and letters, no I
or O), or six for new-energy plates (small: D/F then a letter or digit then four digits; large: five
digits then D/F). The separator dot is printed on the plate but not part of the number.
"""
from __future__ import annotations

import re

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_OFFICE = "A-HJ-NP-Z"
_BODY = "0-9A-HJ-NP-Z"
PLATE = re.compile(rf"[{PROVINCES}][{_OFFICE}](?:[DF][{_BODY}]\d{{4}}|\d{{5}}[DF]|[{_BODY}]{{5}})")
_SEPARATORS = re.compile(r"[\s·•．.\-]")
# Plates print the simplified province character, but PP-OCR's dictionary often returns the traditional
# form of the same glyph (粵 for 粤 in 4 of 6 camera photos of one truck): read them as the plate's.
_TRADITIONAL = str.maketrans("滬雲遼魯蘇贛晉陝閩貴粵寧瓊", "沪云辽鲁苏赣晋陕闽贵粤宁琼")


def normalise_plate(text: str) -> str:
    """Upper case, separators removed, traditional province characters simplified: the form plates are
    compared in."""
    return _SEPARATORS.sub("", text).translate(_TRADITIONAL).upper()


def plate_is_valid(text: str) -> bool:
    return PLATE.fullmatch(normalise_plate(text)) is not None


def find_plates(text: str) -> tuple[str, ...]:
    """Every well-formed plate in free text (OCR of a photo), normalised, in order of appearance."""
    return tuple(dict.fromkeys(m.group(0) for m in PLATE.finditer(normalise_plate(text))))
