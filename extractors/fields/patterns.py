"""Value patterns shared by the field extractors (run on text with whitespace removed)."""
from __future__ import annotations

import re

# GB 32100: 18 characters, no I, O, S, V or Z, standing alone (not 18 digits of a 19-digit account).
USCC = re.compile(r"(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Z])")
# The same 18 characters as read: GB 32100 leaves O and I out so that none reads as a digit, yet OCR of
# a monospaced 0 or 1 gives them; ``uscc_read`` folds them back.
USCC_READ = re.compile(r"(?<![0-9A-Z])([0-9A-Z]{2}[0-9OI]{6}[0-9A-Z]{10})(?![0-9A-Z])")
NAME = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{2,48})")
# A party to a contract or a waybill: a firm, whose registered name may list its trades with the
# enumeration comma ("…变压器、整流有限公司"), or a person signing in their own name (two characters up).
PARTY_NAME = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff（）()·、]{1,48})")
PERSON = re.compile(r"([\u4e00-\u9fff]{2,4})")
AMOUNT_TEXT = re.compile(r"([-+]?[¥]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.[0-9]{2})(?![0-9])")
DATE_TEXT = re.compile(r"((?:19|20)[0-9]{2}[年\-/.][0-9]{1,2}[月\-/.][0-9]{1,2}日?)")
CAPITAL = re.compile(r"([零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整正]{2,})")
PLATE = re.compile(r"([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-Z0-9]{5,6})")
VIN = re.compile(r"([A-HJ-NPR-Z0-9]{17})")
CJK = re.compile(r"([\u4e00-\u9fff][^:：]*)")


def uscc_read(text: str) -> str | None:
    """A USCC read with O for 0 or I for 1 (letters its alphabet leaves out), folded back; else ``None``."""
    folded = text.translate(str.maketrans("OI", "01"))
    return folded if USCC.fullmatch(folded) else None
