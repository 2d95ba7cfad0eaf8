"""Combining check results into one :class:`Verification`: what a failed check *means*.

Three outcomes, kept apart everywhere downstream (evidence status, reasons, decision, page, assistant;
``reasoning/README.md``, "What a failed check means"):

- **fraud evidence** (``rejected``): a failed **hard** check. Every hard check has a conclusive cause
  that the evidence itself shows: a check digit or layout that cannot be, arithmetic that does not add
  up, a date that has passed, a name or USCC the registry contradicts, the physics of a recapture or a
  local edit above its calibrated threshold, the same document already filed by another merchant or
  with other content. Only this outcome may stop a credit decision.
- **could not verify** (``unknown``): nothing conclusive either way. A required check that could not
  run or saw only a faint cue (``passed=None``: a contract with nothing yet to corroborate it, a photo
  with faint recapture cues, a capture too blurred to judge, an invoice whose QR cannot be read), or ``SOFT_LIMIT`` or more failed **soft**
  checks (each a weak cue — no seal found, a near-identical picture — that together leave too much
  doubt to vouch for the evidence, and prove no fraud). It supports no positive fact and asks for a
  better capture; it never lowers a limit.
- **verified**: everything else; at most ``SOFT_LIMIT - 1`` weak cues.

Authenticity starts at 1 and is multiplied by ``HARD_FACTOR`` per failed hard check and
``SOFT_FACTOR`` per failed soft check, so it orders evidence by how much is wrong with it; a verified
item scores at least ``SOFT_FACTOR ** (SOFT_LIMIT - 1)``, a rejected one at most ``HARD_FACTOR``.
"""
from __future__ import annotations

from extractors.verify.result import CheckResult, Verification

HARD_FACTOR = 0.2
SOFT_FACTOR = 0.8
SOFT_LIMIT = 3
# Inconclusive (passed=None) results of these checks leave the evidence unknown rather than verified.
# An invoice is proven by its issuer's QR agreeing with the print: pixel cues do not see a retype in
# the page's own face (bench/real_edits.py), so an invoice whose QR cannot be read is asked for again.
# A field that fails only as a misread would (``misread.py``) proves nothing either way: asked for again.
# An amount whose ink differs from the page's (``retyped_amount``) is a weak cue: asked for again.
# An ID card with no registered owner to match (``owner_identity_matches``) proves nobody: unknown.
REQUIRED = frozenset({"contract_corroborated", "recapture", "capture_quality", "first_hand_capture",
                      "invoice_qr_matches", "possible_misread", "retyped_amount", "owner_identity_matches"})


def combine(checks: tuple[CheckResult, ...]) -> Verification:
    hard = [c for c in checks if c.passed is False and c.severity == "hard"]
    soft = [c for c in checks if c.passed is False and c.severity == "soft"]
    authenticity = HARD_FACTOR ** len(hard) * SOFT_FACTOR ** len(soft)
    reasons = tuple(dict.fromkeys(c.code for c in (*hard, *soft)))
    inconclusive = tuple(dict.fromkeys(c.code for c in checks if c.passed is None and c.code in REQUIRED))
    if hard:
        status = "rejected"
    elif len(soft) >= SOFT_LIMIT or inconclusive:
        status = "unknown"
        reasons = (*reasons, *(c for c in inconclusive if c not in reasons))
    else:
        status = "verified"
    return Verification(status, round(authenticity, 4), reasons, checks)
