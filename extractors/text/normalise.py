"""OCR text normalised before matching: what PP-OCR gets systematically wrong or writes two ways.

- NFKC folds full-width digits, letters and punctuation (``１２３``, ``：``, ``（``) to ASCII.
- PP-OCR reads a blurred "¥" as "V" or "v"; only before an amount with cents, so plates keep their V.
- PP-OCR's dictionary prefers some traditional forms (粵 for Guangdong's plate character).
- The ideographic space and runs of whitespace become one space (``compact`` drops them all).
"""
from __future__ import annotations

import re
import unicodedata

# Traditional or variant characters PP-OCR emits where the simplified form was printed.
VARIANTS = str.maketrans({"粵": "粤", "裏": "里", "証": "证", "號": "号", "車": "车", "貨": "货",
                          "運": "运", "額": "额", "圓": "圆", "萬": "万"})
# An amount has cents; a plate (粤V12345) or VIN never has a decimal point.
_YEN_BEFORE_AMOUNT = re.compile(r"(?<![A-Za-z0-9])[Vv](?=\s?[0-9][0-9,]*\.[0-9]{2}(?![0-9]))")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC, variants folded, "V" before an amount read as "¥", whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(VARIANTS)
    text = _YEN_BEFORE_AMOUNT.sub("¥", text)
    return _SPACE.sub(" ", text).strip()


def compact(text: str) -> str:
    """``normalise`` with all whitespace removed: labels like "名　　称" print with spacing."""
    return _SPACE.sub("", normalise(text))
