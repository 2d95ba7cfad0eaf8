"""Amounts in Chinese financial capitals (大写金额), as printed on invoices, contracts and cheques.

Rules (中国人民银行《支付结算办法》附件, the convention invoicing software follows): digits 零壹贰叁肆伍陆
柒捌玖, units 拾佰仟 inside each four-digit group and 万/亿 between groups; a run of zeros inside the
number is written as one 零; "壹拾" keeps its 壹; 圆 after the yuan; 整 when there are no fen.
"""
from __future__ import annotations

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def _group(n: int) -> str:
    """A number 1..9999 without its group unit, zeros collapsed, no trailing zero."""
    out, zero = [], False
    for pos in range(3, -1, -1):
        d = n // 10 ** pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[d] + _SMALL[pos])
    return "".join(out)


def capital_yuan(yuan: int) -> str:
    """Whole yuan in capitals without 圆, e.g. 10005 → 壹万零伍."""
    if yuan == 0:
        return "零"
    groups = []
    while yuan:
        groups.append(yuan % 10000)
        yuan //= 10000
    out, pending_zero = [], False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or g < 1000):
            out.append("零")
        out.append(_group(g) + _GROUPS[i])
        pending_zero = False
    return "".join(out)


def capital_amount(cents: int) -> str:
    """E.g. 1_234_567 cents → 壹万贰仟叁佰肆拾伍圆陆角柒分; 100_000 → 壹仟圆整."""
    if cents < 0:
        raise ValueError("amounts in capitals are never negative")
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    head = f"{capital_yuan(yuan)}圆" if yuan else ""
    if jiao == 0 and fen == 0:
        return (head or "零圆") + "整"
    if jiao == 0:
        return f"{head}零{DIGITS[fen]}分" if head else f"{DIGITS[fen]}分"
    return head + DIGITS[jiao] + "角" + (DIGITS[fen] + "分" if fen else "整")
