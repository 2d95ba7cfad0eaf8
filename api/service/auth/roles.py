"""The four kinds of caller (SPEC §2)."""
from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    MERCHANT = "merchant"   # one merchant: sees and changes only its own data
    SERVICE = "service"     # a bank system: registers merchants, uploads for them, batch re-scoring
    ANALYST = "analyst"     # reads decisions, evidence lists and histories of any merchant
    EXPERT = "expert"       # risk expert: reads decisions and versions to judge rule changes


ROLES: tuple[str, ...] = tuple(r.value for r in Role)
