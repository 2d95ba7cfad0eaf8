"""The records verification returns: one :class:`CheckResult` per check, combined into a :class:`Verification`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# hard: a failure rejects the evidence outright (forged number, expired, recaptured, tampered, reused,
#       someone else's name). soft: a failure lowers authenticity; several soft failures reject.
# info: recorded for the audit trail, never counted against the evidence.
Severity = Literal["hard", "soft", "info"]
Status = Literal["verified", "rejected", "unknown"]


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check's outcome. ``passed=None`` means the check could not run (nothing to check against)."""

    code: str                   # reason code, e.g. "uscc_check_digit", stable across versions
    passed: bool | None
    severity: Severity
    detail_zh: str
    detail_en: str
    score: float | None = None  # the check's raw statistic where it has one (recapture, tamper)

    def __post_init__(self) -> None:
        if self.severity not in ("hard", "soft", "info"):
            raise ValueError(f"unknown severity {self.severity!r}")


@dataclass(frozen=True, slots=True)
class Verification:
    """Authenticity of one piece of evidence.

    ``status``: "verified" may support positive facts; "rejected" supports none and is stored with its
    ``reasons``; "unknown" means checks that would confirm it could not run — it supports no positive
    fact until re-verified with more context, and is no fraud signal either.
    """

    status: Status
    authenticity: float
    reasons: tuple[str, ...]    # codes of failed checks, most decisive first
    checks: tuple[CheckResult, ...]

    def __post_init__(self) -> None:
        if self.status not in ("verified", "rejected", "unknown"):
            raise ValueError(f"unknown verification status {self.status!r}")
        if not 0.0 <= self.authenticity <= 1.0:
            raise ValueError(f"authenticity must be in [0, 1], got {self.authenticity}")
