"""Bank card and account numbers with the Luhn (ISO/IEC 7812-1) check digit."""
from __future__ import annotations

import numpy as np

# Issuer prefixes (BINs) of debit cards from large Chinese banks, as printed on public BIN lists.
BANK_BINS: dict[str, str] = {
    "中国工商银行": "622202",
    "中国农业银行": "622848",
    "中国银行": "621661",
    "中国建设银行": "621700",
    "交通银行": "622262",
    "招商银行": "621483",
    "中国邮政储蓄银行": "621799",
    "浙江网商银行": "623229",
}


def _check_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:   # doubled positions, counted from the right of the body
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def make_luhn_number(rng: np.random.Generator, prefix: str, length: int = 19) -> str:
    if not prefix.isdigit() or len(prefix) >= length:
        raise ValueError(f"prefix {prefix!r} must be digits and shorter than {length}")
    body = prefix + "".join(str(d) for d in rng.integers(0, 10, size=length - len(prefix) - 1))
    return body + _check_digit(body)


def luhn_is_valid(s: str) -> bool:
    if not isinstance(s, str) or not s.isdigit() or len(s) < 2:
        return False
    return _check_digit(s[:-1]) == s[-1]
