"""One turn of the conversation, decided: what to say to a message or an upload, and what to ask next.

Pure functions of (what was said or uploaded, the profile, the decision). The router does the I/O
(store, scorer, graph) around them, and the optional phrasing backend rewords only the finished text.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from api.assistant import replies
from api.assistant.evidence_view import EvidenceView
from api.assistant.lexicon import ASSET_NAMES_ZH, DOC_FAMILIES
from api.assistant.policy import next_step
from api.assistant.profile import asked, remember
from api.assistant.records import Profile, Step, Utterance
from reasoning.decision import Decision

_TELLS = ("tell_revenue", "tell_season", "tell_suppliers", "tell_customers", "tell_assets", "deny")
_SHOWN_EFFECTS = ("raise", "cap", "lower", "flag", "model")


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    step: Step | None
    profile: Profile


def _proposed(decision: Decision, codes: tuple[str, ...]) -> list[tuple[str, float]]:
    wanted = {c for code in codes for c in DOC_FAMILIES.get(code, (code,))}
    return [(n.doc_type, n.expected_uplift_cny) for n in decision.next_best_evidence
            if n.doc_type in wanted or (n.doc_type.startswith("photo") and "photo" in wanted)]


def _with_step(parts: list[str], profile: Profile, decision: Decision) -> Reply:
    step = next_step(decision, profile)
    if step is not None:
        parts.append(step.text_zh)
        profile = asked(profile, step.key)
    elif decision.decision != "decline_review":
        parts.append(replies.nothing_more())
    return Reply("".join(parts), step, profile)


def answer(u: Utterance, profile: Profile, decision: Decision) -> Reply:
    """The reply to a message: answers to each intent in it, then the next step."""
    before = profile
    profile = remember(profile, u)
    parts: list[str] = []
    if "greet" in u.intents:
        parts.append(replies.greeting())
    if "withdraw" in u.intents:
        parts.append(replies.withdraw_help())
    if "ask_why" in u.intents:
        # A rule that did not fire may carry its sentence with unfilled figures ("{amount}"): not said.
        fired = [r.text_zh for r in decision.reasons if r.fired and r.effect in _SHOWN_EFFECTS and "{" not in r.text_zh]
        missing = [r.text_zh for r in decision.reasons if not r.fired and r.effect == "raise" and "{" not in r.text_zh]
        parts.append(replies.why_text(fired, missing))
    if "ask_limit" in u.intents or "ask_why" in u.intents:
        parts.append(replies.limit_text(decision.base_limit_cny, decision.new_limit_cny, decision.uplift_cny,
                                        decision.decision))
        profile = replace(profile, last_limit_cny=decision.new_limit_cny)
    if any(i in u.intents for i in _TELLS):
        ack = replies.acknowledgement(u)
        if ack:
            parts.append(ack)
    if "want_upload" in u.intents:
        parts.append(replies.upload_help())
        for code, uplift in _proposed(decision, u.doc_types)[:2]:
            parts.append(f"{replies.doc_name(code)}验证通过预计可提升约{replies.money(uplift)}。")
    if u.intent == "affirm" and before.last_step and not before.last_step.startswith("topic:"):
        # They hold what was just asked for: ask them to send it, rather than switching to something else.
        parts.append(f"好的，请上传{replies.doc_name(before.last_step)}，上传后我马上告诉您识别结果。")
        return Reply("".join(parts), None, profile)
    if u.intent == "affirm" and not parts:
        parts.append("好的。")
    if u.intent == "deny" and not u.denied_doc_types and not u.assets:
        parts.append("明白了，没关系。")
    if u.intent == "unknown":
        parts.append(replies.not_understood())
    return _with_step(parts, profile, decision)


def _details(view: EvidenceView) -> list[str]:
    """The few fields worth saying back: licence number and validity, plate, amounts."""
    out: list[str] = []
    for fact in view.facts:
        if fact.label == "Licence":
            if fact.get("number"):
                out.append(f"证号{fact.get('number')}")
            if fact.get("valid_until"):
                out.append(f"有效期至{fact.get('valid_until')}")
        elif fact.label == "Asset":
            if fact.get("asset_class"):
                out.append(ASSET_NAMES_ZH.get(str(fact.get("asset_class")), str(fact.get("asset_class"))))
            if fact.get("plate"):
                out.append(f"车牌{fact.get('plate')}")
        elif fact.label in ("Invoice", "Contract"):
            amount = fact.get("total_cny") or fact.get("amount_cny")
            if isinstance(amount, (int, float)):
                out.append(f"金额{replies.money(amount)}")
        elif fact.label == "Shipment" and isinstance(fact.get("freight_cny"), (int, float)):
            out.append(f"运费{replies.money(fact.get('freight_cny'))}")
    months = sum(1 for f in view.facts if f.label == "CashFlow")
    if months:
        out.append(f"{months}个月的流水")
    return list(dict.fromkeys(out))[:4]


def _upload_name(view: EvidenceView) -> str:
    doc_type = view.doc_type or "unknown"
    if doc_type.startswith("photo"):
        cls = view.photo_class or (doc_type[6:] if doc_type.startswith("photo:") else "")
        return replies.doc_name(f"photo:{cls}") if cls else "照片"
    return replies.doc_name(doc_type) if doc_type != "unknown" else "材料"


def upload_feedback(view: EvidenceView, profile: Profile, decision: Decision) -> Reply:
    """The reply to one upload: recognised as what, proved what or failed why, the limit now, the next step."""
    proves_key = "photo" if (view.doc_type or "").startswith("photo") else view.doc_type or ""
    before = profile.last_limit_cny if profile.last_limit_cny is not None else decision.base_limit_cny
    text = replies.upload_result(_upload_name(view), view.status, _details(view), replies.PROVES_ZH.get(proves_key),
                                 view.reasons, before, decision.new_limit_cny)
    done = tuple(k for k in (view.doc_type, f"photo:{view.photo_class}" if view.photo_class else None) if k)
    verified = done if view.status == "verified" else ()
    profile = replace(profile, last_limit_cny=decision.new_limit_cny,
                      has_doc_types=tuple(dict.fromkeys((*profile.has_doc_types, *done))),
                      uploaded=tuple(dict.fromkeys((*profile.uploaded, *verified))))
    return _with_step([text], profile, decision)
