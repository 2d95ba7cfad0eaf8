"""The next question or upload: the most expected uplift per unit of the merchant's effort.

For each piece of evidence the decision layer proposes (``Decision.next_best_evidence``, each with the
uplift it could bring if it verifies), the score is

    score = prior × expected_uplift / effort × ½ ^ (times already asked)

``prior`` is how likely the merchant holds the evidence, from what they said (``prior`` below);
``effort`` comes from ``effort.py``. Halving per earlier ask lets the policy move on from a request the
merchant ignores, without ever dropping it.

Before asking for the best item, the policy may ask a question instead: when nothing is known about
whether the merchant holds it, a futile search would waste on average ``(1 - prior) × effort ×
FUTILE_SHARE``; if that exceeds the half unit a question costs, it asks about the topic first
("您和客户签过合同吗？"). Cheap items (photos, licences) are asked for directly; a bank statement is not.
Everything is a pure function of the decision and the profile, so the same inputs give the same step.
"""
from __future__ import annotations

from api.assistant.effort import QUESTION_EFFORT, effort
from api.assistant.lexicon import VEHICLE_CLASSES
from api.assistant.profile import topic_of
from api.assistant.records import Profile, Step
from api.assistant.replies import question_text, upload_text
from reasoning.decision import Decision

UNKNOWN_PRIOR = 0.6     # a merchant who has said nothing about it: most trades hold most of what R proposes
CLAIMED_PRIOR = 0.95    # they said they have it (or the asset it documents)
RELATED_PRIOR = 0.85    # they named counterparties or a revenue figure the evidence would show
VEHICLE_PRIOR = 0.8     # they have a vehicle of unsaid kind; this is a vehicle photo or paper
LACKS_PRIOR = 0.02      # they said they do not have it
FUTILE_SHARE = 0.5      # share of the effort a search spends before finding nothing
# A merchant who runs trucks holds their papers and, as a freight operator, the road transport permit.
_VEHICLE_PAPERS = ("vehicle_licence", "vehicle_transport_cert", "vehicle_registration", "road_transport_permit")


def prior(key: str, profile: Profile) -> float:
    """How likely the merchant holds evidence ``key``, from their own words."""
    topic = topic_of(key)
    if key in profile.lacks_doc_types:
        return LACKS_PRIOR
    if key.startswith("photo:") and key[6:] in profile.lacks_assets:
        return LACKS_PRIOR
    held = dict(profile.assets)
    if key in profile.has_doc_types:
        return CLAIMED_PRIOR
    if key.startswith("photo:"):
        asset = key[6:]
        if asset in held:
            return CLAIMED_PRIOR
        if asset in VEHICLE_CLASSES and "vehicle" in held:
            return VEHICLE_PRIOR
    if key in _VEHICLE_PAPERS and any(a in held for a in (*VEHICLE_CLASSES, "vehicle")):
        return RELATED_PRIOR
    if topic == "topic:revenue" and profile.monthly_revenue_cny is not None:
        return RELATED_PRIOR
    if topic == "topic:customers" and profile.customers:
        return RELATED_PRIOR
    if topic == "topic:suppliers" and profile.suppliers:
        return RELATED_PRIOR
    return UNKNOWN_PRIOR


def _ask_first(key: str, p: float, profile: Profile) -> str | None:
    """The topic to ask about before requesting ``key``, or None to request it directly."""
    topic = topic_of(key)
    if topic is None or p != UNKNOWN_PRIOR or topic in profile.asked:
        return None
    return topic if (1 - p) * effort(key) * FUTILE_SHARE > QUESTION_EFFORT else None


def rank(decision: Decision, profile: Profile) -> list[Step]:
    """Every proposed upload as a Step, best first (ties: larger uplift, then code order)."""
    steps = []
    for item in decision.next_best_evidence:
        if item.expected_uplift_cny <= 0 or item.doc_type in profile.uploaded:
            continue  # a verified upload of the same kind is not asked for again
        p, e = prior(item.doc_type, profile), effort(item.doc_type)
        score = p * item.expected_uplift_cny / e * 0.5 ** profile.asked.count(item.doc_type)
        steps.append(Step("upload", item.doc_type, item.expected_uplift_cny, e, p, score,
                          upload_text(item.doc_type, item.expected_uplift_cny, e, item.text_zh)))
    return sorted(steps, key=lambda s: (-s.score, -s.expected_uplift_cny, s.key))


def next_step(decision: Decision, profile: Profile) -> Step | None:
    """The one question or upload to put to the merchant now; None when nothing would raise the limit."""
    ranked = rank(decision, profile)
    if not ranked:
        return None
    best = ranked[0]
    topic = _ask_first(best.key, best.prior, profile)
    if topic is None:
        return best
    score = best.prior * best.expected_uplift_cny / (QUESTION_EFFORT + best.prior * best.effort)
    return Step("question", topic, best.expected_uplift_cny, QUESTION_EFFORT, best.prior, score,
                question_text(topic, best.key))

