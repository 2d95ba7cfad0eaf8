"""Folding what the merchant says into the conversation's profile (claims that steer, never prove)."""
from __future__ import annotations

from dataclasses import replace

from api.assistant.lexicon import DOC_FAMILIES
from api.assistant.records import Profile, Utterance

# The evidence a topic question is about; an answer to the question speaks for all of it.
TOPICS: dict[str, tuple[str, ...]] = {
    "topic:revenue": ("bank_statement", "payment_statement", "tax_certificate"),
    "topic:customers": ("sales_contract", "freight_contract", "construction_contract", "waybill", "delivery_note",
                        "account_statement", "vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice"),
    "topic:suppliers": ("purchase_order",),
    "topic:assets": ("vehicle_licence", "vehicle_transport_cert", "vehicle_registration", "property_certificate"),
}


def topic_of(key: str) -> str | None:
    if key.startswith("photo:"):
        return "topic:assets"
    return next((topic for topic, keys in TOPICS.items() if key in keys), None)


def _add(existing: tuple[str, ...], new: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*existing, *new)))


def _expand(codes: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for code in codes:
        out += DOC_FAMILIES.get(code, (code,))
    return tuple(out)


def remember(profile: Profile, u: Utterance) -> Profile:
    """The profile after ``u``. An answer ("有的"/"没有") applies to the last question or request asked."""
    changes: dict[str, object] = {}
    monthly = [a.monthly_cny() for a in u.amounts if a.monthly_cny() is not None]
    if monthly and "tell_revenue" in u.intents:
        changes["monthly_revenue_cny"] = monthly[0]
    if u.months and u.season != "off":
        changes["peak_months"] = tuple(sorted(set(u.months)))
    held = dict(profile.assets)
    for a in u.assets:
        if not a.negated:
            held[a.asset_class] = max(held.get(a.asset_class, 0), a.count or 0)
    changes["assets"] = tuple(held.items())
    changes["lacks_assets"] = _add(profile.lacks_assets, [a.asset_class for a in u.assets if a.negated])
    changes["suppliers"] = _add(profile.suppliers, u.suppliers)
    changes["customers"] = _add(profile.customers, u.customers)
    has, lacks = _expand(u.doc_types), _expand(u.denied_doc_types)
    if profile.last_step and u.intent in ("affirm", "deny") and not (u.doc_types or u.denied_doc_types):
        answered = (profile.last_step,) + TOPICS.get(profile.last_step, ())
        has, lacks = (answered, ()) if u.intent == "affirm" else ((), answered)
    changes["has_doc_types"] = _add(tuple(k for k in profile.has_doc_types if k not in lacks), has)
    changes["lacks_doc_types"] = _add(tuple(k for k in profile.lacks_doc_types if k not in has), lacks)
    return replace(profile, **changes)


def asked(profile: Profile, key: str) -> Profile:
    """The profile after the assistant has put ``key`` (an evidence code or a topic) to the merchant."""
    return replace(profile, asked=(*profile.asked, key), last_step=key)
