"""A party's printed name against the name registered for its printed taxpayer number (USCC).

An invoice or contract prints each party twice: its name and its USCC (统一社会信用代码 / 纳税人识别号).
The number is bound to one registered name (the public registry, 国家企业信用信息公示系统, answers
it for any number). Repainting a buyer's name in an image editor leaves its 18-character number as
issued, so a name that is not the one registered for the printed number is an edit, whatever the
pixels look like. Only numbers the bank already knows are looked up here: the merchant's own and
its known counterparties' (``MerchantContext.counterparties``).

The OCR may misread a name: one character off the registered name, or as many as the reader's own
confidence makes plausible, none side by side (``misread.same_name_misread``, as for the holder's
name), is therefore inconclusive, not failed. Where the reader's confidence leaves no room for even
one misread, a character off is as likely a retyped one (福州 → 泉州, ``bench/real_edits.py``): that is
``possible_misread``, could not verify. A name further off fails: a repainted name changes a
run of characters (most simulations of ``seed_data/render/edits.py`` change two or three). Where a
side's name was not read at all, the reader may have paired one side's name with the other's number
(a seller's unread name leaves its number beside the buyer's name), and where a number is registered
to the name printed on the other side (the buyer's own number misread, so the seller's was given to
it): a mismatch is then ``possible_misread``, which leaves the evidence unverified (its facts would
pair a name with another's number).
"""
from __future__ import annotations

from extractors.verify.context import MerchantContext
from extractors.verify.misread import misread_result, plausible_misreads, same_name_misread
from extractors.verify.names import names_match, normalise_name
from extractors.verify.record_view import read_parties
from extractors.verify.result import CheckResult


def _registered(uscc: str, context: MerchantContext) -> tuple[str, ...]:
    if uscc in context.usccs:
        return context.names
    return tuple(p.name for p in context.counterparties if p.uscc == uscc)


def check_party_identity(record: object, context: MerchantContext) -> list[CheckResult]:
    """``party_name_matches_uscc`` for every printed (name, USCC) pair whose USCC the bank knows."""
    out: list[CheckResult] = []
    read, unread = read_parties(record)
    mispairable = bool(unread) or any(not p.name for p in read)
    for party in read:
        name, uscc = party.name, party.uscc
        if not name or not uscc:
            continue
        registered = _registered(uscc, context)
        if not registered:
            continue
        if any(names_match(name, r) for r in registered):
            out.append(CheckResult("party_name_matches_uscc", True, "hard", f"“{name}”与其纳税人识别号登记名称一致",
                                   f"{name!r} is the name registered for {uscc}"))
            continue
        near = next((r for r in registered if same_name_misread(name, r, party.name_confidence)), None)
        if near is not None and plausible_misreads(normalise_name(name), party.name_confidence) < 1:
            # One character off, read with a confidence that leaves no room for a misread: a retyped
            # character (福州 → 泉州) as likely as a confident misread, so neither verified nor failed.
            out.append(misread_result(f"“{name}”与{uscc}登记名称“{near}”差一个字（无法排除改字）",
                                      f"{name!r} is one character off {near!r}, registered for {uscc}, read "
                                      "confidently (an edit cannot be ruled out)"))
            continue
        if near is not None:
            out.append(CheckResult("party_name_matches_uscc", None, "hard",
                                   f"“{name}”与{uscc}登记名称“{near}”仅差个别字，可能为识别误差",
                                   f"{name!r} is a character or two off {near!r}, registered for {uscc}: "
                                   "possibly a misread"))
            continue
        # A side whose name was not read, or a number registered to the name printed on the other side
        # (its own number unread, or read with a stray mark): the layout may have given one side's
        # number to the other. Its facts would pair a name with another's number: asked for again.
        if mispairable:
            out.append(misread_result(f"“{name}”与{uscc}登记名称“{registered[0]}”不一致，但另一方名称未读出，"
                                      "名称与号码或已错位",
                                      f"{name!r} is not {registered[0]!r}, registered for {uscc}, but a side's name "
                                      "was not read: the number may be the other side's"))
            continue
        if any(names_match(other.name, r) for other in read if other is not party and other.name for r in registered):
            out.append(misread_result(f"“{name}”旁的号码{uscc}登记在另一方“{registered[0]}”名下，名称与号码或已错位",
                                      f"the number beside {name!r}, {uscc}, is registered to the other side, "
                                      f"{registered[0]!r}: the sides' numbers may be mis-paired"))
            continue
        out.append(CheckResult("party_name_matches_uscc", False, "hard",
                               f"纳税人识别号{uscc}登记的名称是“{registered[0]}”，票面却印为“{name}”",
                               f"{uscc} is registered to {registered[0]!r}, but the page prints {name!r}"))
    return out
