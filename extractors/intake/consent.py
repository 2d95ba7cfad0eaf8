"""The consent a merchant gave for one upload (PIPL: a scope and a purpose, recorded with the evidence)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

FINANCIAL_ACCOUNTS = "financial_accounts"
# Financial accounts are sensitive personal information (PIPL Art. 28): read only under a separate
# consent that names them, never under a general one for business documents.
FINANCIAL_ACCOUNT_TYPES = frozenset({"bank_statement", "payment_statement"})


@dataclass(frozen=True, slots=True)
class Consent:
    """Required for every ingest; its scope and purpose are written onto the Evidence node.

    Args:
        scope (str): What the merchant allowed to be read, e.g. ``"business_documents"``.
        purpose (str): What it may be used for, e.g. ``"credit_limit_review"`` (purpose limitation).
        granted_at (datetime): When the merchant agreed; timezone-aware.
    """

    scope: str
    purpose: str
    granted_at: datetime

    def __post_init__(self) -> None:
        if not self.scope.strip() or not self.purpose.strip():
            raise ValueError("consent needs a non-empty scope and purpose")
        if self.granted_at.tzinfo is None:
            raise ValueError("Consent.granted_at must be timezone-aware")

    def covers(self, doc_type: str) -> bool:
        """Whether a document of ``doc_type`` may be read under this consent."""
        return doc_type not in FINANCIAL_ACCOUNT_TYPES or self.scope == FINANCIAL_ACCOUNTS
