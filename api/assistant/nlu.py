"""Offline understanding of a merchant's free-text Chinese: intents from cue words and slots together.

A message may carry several intents ("你好，我有两台重卡，额度能提吗" greets, tells assets and asks the
limit); all are returned, most specific first, and the dialogue answers each.
"""
from __future__ import annotations

import re
import unicodedata

from api.assistant.lexicon import INTENT_CUES
from api.assistant.records import Utterance
from api.assistant.slots import (
    extract_amounts, extract_assets, extract_counterparties, extract_doc_mentions, extract_months,
)

# Most specific first: a request to withdraw or a question outranks what the message also tells.
PRIORITY: tuple[str, ...] = (
    "withdraw", "ask_why", "ask_limit", "want_upload", "deny", "affirm", "tell_assets", "tell_revenue",
    "tell_suppliers", "tell_customers", "tell_season", "greet", "unknown",
)
_SHORT_REPLY = 6  # "有的" / "没有" / "好的" answer the last question only when that is all that was said
_PEAK = ("旺季", "忙的时候", "忙季", "最忙", "生意好")
_SLACK = ("淡季", "闲的时候", "不忙", "生意差")
_MAX_TEXT = 2000


def _has_cue(text: str, intent: str) -> bool:
    for cue in INTENT_CUES[intent]:
        if cue.isascii():
            if re.search(r"\b" + re.escape(cue) + r"\b", text, re.IGNORECASE):
                return True
        elif cue in text:
            return True
    return False


def normalise(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), trimmed; a message longer than 2000 characters
    is a paste, not a reply, and is cut there."""
    return unicodedata.normalize("NFKC", text).strip()[:_MAX_TEXT]


def understand(text: str) -> Utterance:
    """Intents and slots of one message. Deterministic: the same text always gives the same result."""
    text = normalise(text)
    amounts = extract_amounts(text)
    had_docs, lacked_docs, doc_spans = extract_doc_mentions(text)
    assets = extract_assets(text, doc_spans)
    suppliers, customers = extract_counterparties(text)
    months = extract_months(text)
    season = "peak" if any(w in text for w in _PEAK) else "off" if any(w in text for w in _SLACK) else None
    bare = re.sub(r"[\s，,。.!！？?~～啊呀呢吧哦噢嘛了的]", "", text)

    found: set[str] = set()
    for intent in ("greet", "ask_limit", "ask_why", "want_upload", "withdraw", "tell_season",
                   "tell_suppliers", "tell_customers"):
        if _has_cue(text, intent):
            found.add(intent)
    undocumented = "".join("　" if any(s <= i < e for s, e in doc_spans) else c for i, c in enumerate(text))
    if amounts and (_has_cue(undocumented, "tell_revenue") or any(a.period for a in amounts)):
        found.add("tell_revenue")
    elif _has_cue(undocumented, "tell_revenue") and not found & {"ask_limit", "ask_why"}:
        found.add("tell_revenue")
    if any(not a.negated for a in assets) and "want_upload" not in found:
        found.add("tell_assets")
    if any(a.negated for a in assets) or lacked_docs:
        found.add("deny")
    if suppliers:
        found.add("tell_suppliers")
    if customers:
        found.add("tell_customers")
    if months or season:
        found.add("tell_season")
    if had_docs and "deny" not in found and not found & {"withdraw", "ask_why"}:
        found.add("want_upload")
    if len(bare) <= _SHORT_REPLY and not found:
        if _has_cue(bare, "deny"):
            found.add("deny")
        elif _has_cue(bare, "affirm"):
            found.add("affirm")
    intents = tuple(i for i in PRIORITY if i in found) or ("unknown",)
    return Utterance(text=text, intents=intents, amounts=amounts, assets=assets, suppliers=suppliers,
                     customers=customers, months=months, season=season, doc_types=had_docs,
                     denied_doc_types=lacked_docs)
