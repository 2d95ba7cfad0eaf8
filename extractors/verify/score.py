"""Combining check results into one :class:`Verification`.

Policy (documented thresholds, one place):

- any failed **hard** check rejects: a failed check digit, an expired licence, recapture, tampering,
  reuse by another merchant, a name or USCC that is not the merchant's, broken arithmetic;
- ``SOFT_LIMIT`` or more failed **soft** checks reject too (each alone is explainable, together not);
- otherwise, a check in ``REQUIRED`` that was inconclusive (``passed=None``: a contract with nothing
  yet to corroborate it, a photo with faint recapture cues) leaves the evidence ``unknown`` — not
  fraud, but not proof either: it supports no positive fact until re-verified;
- otherwise the evidence is ``verified``.

Authenticity starts at 1 and is multiplied by ``HARD_FACTOR`` per failed hard check and
``SOFT_FACTOR`` per failed soft check, so it orders evidence by how much is wrong with it; a verified
item scores at least ``SOFT_FACTOR ** (SOFT_LIMIT - 1)``, a rejected one at most ``HARD_FACTOR``
(or ``SOFT_FACTOR ** SOFT_LIMIT``).
"""
from __future__ import annotations

from extractors.verify.result import CheckResult, Verification

HARD_FACTOR = 0.2
SOFT_FACTOR = 0.8
SOFT_LIMIT = 3
REQUIRED = frozenset({"contract_corroborated", "recapture"})


def combine(checks: tuple[CheckResult, ...]) -> Verification:
    hard = [c for c in checks if c.passed is False and c.severity == "hard"]
    soft = [c for c in checks if c.passed is False and c.severity == "soft"]
    authenticity = HARD_FACTOR ** len(hard) * SOFT_FACTOR ** len(soft)
    reasons = tuple(dict.fromkeys(c.code for c in (*hard, *soft)))
    if hard or len(soft) >= SOFT_LIMIT:
        status = "rejected"
    elif any(c.passed is None and c.code in REQUIRED for c in checks):
        status = "unknown"
        reasons = (*reasons, *dict.fromkeys(c.code for c in checks if c.passed is None and c.code in REQUIRED))
    else:
        status = "verified"
    return Verification(status, round(authenticity, 4), reasons, checks)
