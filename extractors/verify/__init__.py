"""Verification (验真): format, arithmetic, validity, image-forensic, reuse and cross-document checks."""
from extractors.verify.context import KnownEvidence, MerchantContext, MonthlyInflow, Party, TradeRecord
from extractors.verify.result import CheckResult, Verification
from extractors.verify.reuse import HashIndex, InMemoryHashIndex
from extractors.verify.verifier import verify

__all__ = ["CheckResult", "HashIndex", "InMemoryHashIndex", "KnownEvidence", "MerchantContext", "MonthlyInflow",
           "Party", "TradeRecord", "Verification", "verify"]
