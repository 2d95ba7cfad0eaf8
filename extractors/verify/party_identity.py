"""A party's printed name against the name registered for its printed taxpayer number (USCC).

An invoice or contract prints each party twice: its name and its USCC (统一社会信用代码 / 纳税人识别号).
The number is bound to one registered name (the public registry, 国家企业信用信息公示系统, answers
it for any number). Repainting a buyer's name in an image editor leaves its 18-character number as
issued, so a name that is not the one registered for the printed number is an edit, whatever the
pixels look like. Only numbers the bank already knows are looked up here: the merchant's own and
its known counterparties' (``MerchantContext.counterparties``).

The OCR may misread one character of a name; a name one character away from the registered one is
therefore inconclusive, not failed. Two or more characters off (the least a repainted name changes
in the simulations of ``seed_data/render/edits.py`` is one, most change two or three) fail.
"""
from __future__ import annotations

from extractors.verify.context import MerchantContext
from extractors.verify.names import edit_distance, names_match, normalise_name
from extractors.verify.record_view import parties
from extractors.verify.result import CheckResult

OCR_SLACK = 1            # characters a misread may change


def _registered(uscc: str, context: MerchantContext) -> tuple[str, ...]:
    if uscc in context.usccs:
        return context.names
    return tuple(p.name for p in context.counterparties if p.uscc == uscc)


def check_party_identity(record: object, context: MerchantContext) -> list[CheckResult]:
    """``party_name_matches_uscc`` for every printed (name, USCC) pair whose USCC the bank knows."""
    out: list[CheckResult] = []
    for name, uscc in parties(record):
        if not name or not uscc:
            continue
        registered = _registered(uscc, context)
        if not registered:
            continue
        if any(names_match(name, r) for r in registered):
            out.append(CheckResult("party_name_matches_uscc", True, "hard", f"“{name}”与其纳税人识别号登记名称一致",
                                   f"{name!r} is the name registered for {uscc}"))
            continue
        off = min(edit_distance(normalise_name(name), normalise_name(r)) for r in registered)
        if off <= OCR_SLACK:
            out.append(CheckResult("party_name_matches_uscc", None, "hard",
                                   f"“{name}”与{uscc}登记名称“{registered[0]}”相差一字，可能为识别误差",
                                   f"{name!r} is one character off {registered[0]!r}, registered for {uscc}: "
                                   "possibly a misread"))
            continue
        out.append(CheckResult("party_name_matches_uscc", False, "hard",
                               f"纳税人识别号{uscc}登记的名称是“{registered[0]}”，票面却印为“{name}”",
                               f"{uscc} is registered to {registered[0]!r}, but the page prints {name!r}"))
    return out
