"""Evidence that could not be verified: named in the decision, asked for again, never held against anyone.

Verification's third outcome (``unknown``: unreadable, not a document, a faint cue, a capture too
blurred to judge; ``extractors/verify/score.py``) supports no fact, sends no case to review and lowers
no limit. The decision still says which uploads it could not use and why, so the merchant knows to
send a better capture: one ``ask`` reason per such upload.
"""
from __future__ import annotations

from ontology.rules.merchant_facts import MerchantFacts
from reasoning.decision import Reason


def recapture_requests(facts: MerchantFacts) -> tuple[Reason, ...]:
    out = []
    for e in facts.evidence:
        if e.status != "unknown":
            continue
        # The page shows the reason codes in words beside the evidence; the text stays free of codes.
        out.append(Reason("verify:could_not_verify", "ask",
                          f"材料 {e.evidence_id} 暂时无法核验：不计入额度，也不影响额度；请用原件重新拍摄清楚后上传",
                          f"Evidence {e.evidence_id} ({e.doc_type}) could not be verified ({', '.join(e.reasons) or 'unknown'}): "
                          "it neither adds to nor lowers the limit; a clearer capture of the original may verify",
                          True, None, (e.evidence_id,)))
    return tuple(out)
