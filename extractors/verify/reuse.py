"""Reuse: the same file, a near copy, or the same document re-photographed, submitted before.

Three lookups, from cheapest to most robust:

- exact sha256: the very same file;
- perceptual hash within a Hamming radius: the same picture re-encoded, resized or lightly cropped;
- content key: the same *document* (invoice code + number, contract number, statement account and
  period) however it was captured — a reused invoice photographed afresh by another merchant has
  another file and often another perceptual hash, but the same number. An issuer numbers each
  document once, so the same key with other *content* (its digest: the amount and date a reader
  cannot misread without the arithmetic checks noticing) is a forgery whoever submits it, the
  merchant itself included: ``conflicting_document``.

The index is a protocol because at scale it lives in the graph (Evidence nodes carry ``sha256``,
``phash`` and the key); :class:`InMemoryHashIndex` is the batch/offline implementation (a re-scoring
job over files, a bench), a linear scan that is fine for tens of thousands of entries.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from extractors.verify.context import KnownEvidence
from extractors.verify.phash import hamming, parse_phash
from extractors.verify.record_view import day, money, text
from extractors.verify.result import CheckResult, Severity

NEAR_DISTANCE = 6      # Hamming bits within which two images are the same picture (re-encoded, resized)
_INVOICES = frozenset({"vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice"})
_CONTRACTS = frozenset({"sales_contract", "lease_contract", "construction_contract", "freight_contract",
                        "purchase_order"})
_LICENCES = frozenset({"business_licence", "food_licence", "road_transport_permit", "qualification_cert"})


@runtime_checkable
class HashIndex(Protocol):
    def exact(self, sha256: str) -> tuple[KnownEvidence, ...]: ...

    def near(self, phash: str, max_distance: int) -> tuple[KnownEvidence, ...]: ...

    def with_key(self, content_key: str) -> tuple[KnownEvidence, ...]: ...


class InMemoryHashIndex:
    """All known evidence in a list; every lookup is a scan (64-bit XOR and popcount per entry)."""

    def __init__(self, entries: Iterable[KnownEvidence] = ()):
        self._entries: list[KnownEvidence] = []
        for entry in entries:
            self.add(entry)

    def add(self, entry: KnownEvidence) -> None:
        parse_phash(entry.phash)     # refuse a malformed hash when it is stored, not when it is searched
        self._entries.append(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def exact(self, sha256: str) -> tuple[KnownEvidence, ...]:
        return tuple(e for e in self._entries if e.sha256 == sha256)

    def near(self, phash: str, max_distance: int) -> tuple[KnownEvidence, ...]:
        if max_distance < 0:
            raise ValueError(f"max_distance must be >= 0, got {max_distance}")
        return tuple(e for e in self._entries if hamming(e.phash, phash) <= max_distance)

    def with_key(self, content_key: str) -> tuple[KnownEvidence, ...]:
        return tuple(e for e in self._entries if e.content_key == content_key)


def content_key(doc_type: str, record: object | None) -> str | None:
    """What the document *is*, independent of its picture: ``None`` when its identifying numbers
    were not read (or it has none, like an asset photo). Invoice keys follow the graph's Invoice ids."""
    if record is None:
        return None
    number = text(record, "number")
    if doc_type in _INVOICES and number:
        return f"invoice:{text(record, 'code') or ''}:{number}"
    if doc_type in _CONTRACTS and number:
        return f"contract:{number}"
    if doc_type == "waybill" and number:
        return f"waybill:{number}"
    if doc_type == "delivery_note" and number:   # a pad's serials are the seller's own: key on both
        return f"delivery_note:{text(record, 'shipper_name') or ''}:{number}"
    if doc_type in _LICENCES and number:
        return f"{doc_type}:{number}"
    if doc_type == "bank_statement":
        parts = [text(record, n) for n in ("account", "period_start", "period_end")]
        return None if None in parts else "bank_statement:" + ":".join(parts)
    if doc_type == "payment_statement":
        parts = [text(record, n) for n in ("platform", "shop_name", "month")]
        return None if None in parts else "payment_statement:" + ":".join(parts)
    if doc_type == "property_certificate":
        key = text(record, "unit_no") or number
        return f"property_certificate:{key}" if key else None
    if doc_type == "vehicle_transport_cert" and number:
        return f"vehicle_transport_cert:{number}"
    if doc_type == "vehicle_registration":
        key = text(record, "certificate_no") or text(record, "vin")
        return f"vehicle_registration:{key}" if key else None
    if doc_type == "vehicle_licence":
        vin = text(record, "vin")
        return f"{doc_type}:{vin}" if vin else None
    if doc_type == "receipt" and number:   # a receipt book's serials are its owner's own
        return f"receipt:{text(record, 'seller_name') or ''}:{number}"
    if doc_type == "account_statement":   # one statement per creditor, customer and closing day
        parts = [text(record, n) for n in ("seller_name", "buyer_name", "period_end")]
        return None if None in parts else "account_statement:" + ":".join(parts)
    if doc_type == "resident_id":   # one card per person and term (masked: the key is stored)
        parts = [text(record, n) for n in ("id_masked", "issued")]
        return None if None in parts else "resident_id:" + ":".join(parts)
    if doc_type == "social_insurance":   # one proof per employer and printing day
        parts = [text(record, n) for n in ("holder_uscc", "issued")]
        return None if None in parts else "social_insurance:" + ":".join(parts)
    if doc_type == "utility_bill":   # one bill per account and month
        parts = [text(record, n) for n in ("account_no", "month")]
        return None if None in parts else "utility_bill:" + ":".join(parts)
    if doc_type == "tax_certificate":   # one return per taxpayer and period
        parts = [text(record, n) for n in ("holder_uscc", "period_start", "period_end")]
        return None if None in parts else "tax_certificate:" + ":".join(parts)
    return None


def content_digest(doc_type: str, record: object | None) -> str | None:
    """What a numbered document *says* in the figures it cannot change without being another document:
    its total and its date. ``None`` when either was not read, or the type has no such figures (two
    reads of one genuine page may differ in a name's character, never in a total that its arithmetic
    checks, so names are left out)."""
    if record is None or content_key(doc_type, record) is None:
        return None
    if doc_type in _INVOICES:
        amount, when = money(record, "total", "amount"), day(record, "issued")
    elif doc_type in _CONTRACTS:
        amount, when = money(record, "amount"), day(record, "signed")
    elif doc_type == "tax_certificate":   # a refiled return (更正申报) is dated again: the sales say it
        amount, when = money(record, "declared_sales"), day(record, "period_end")
    else:
        return None
    return None if amount is None or when is None else f"{amount:.2f}|{when.isoformat()}"


def _conflicts(hits: tuple[KnownEvidence, ...], digest: str | None) -> tuple[KnownEvidence, ...]:
    """Earlier filings of the same document whose content differs. A copy already rejected is not
    held against the next one: the forgery was the earlier copy, and this may be the genuine page."""
    if digest is None:
        return ()
    return tuple(h for h in hits if h.content_digest is not None and h.content_digest != digest
                 and h.status != "rejected")


def _verdict(code: str, hits: tuple[KnownEvidence, ...], merchant_id: str, zh: str, en: str,
             severity: Severity = "hard") -> CheckResult:
    others = [h for h in hits if h.merchant_id != merchant_id]
    if others:
        ids = ", ".join(sorted({h.evidence_id for h in others}))
        return CheckResult(code, False, severity, f"{zh}已由其他商户提交（{ids}）", f"{en} was submitted by another merchant ({ids})")
    if hits:
        ids = ", ".join(sorted({h.evidence_id for h in hits}))
        return CheckResult(code, True, "info", f"{zh}本商户曾提交（{ids}），按同一份计", f"{en} was submitted before by this merchant ({ids}); counted once")
    return CheckResult(code, True, severity, f"{zh}未见重复提交", f"{en} not seen before")


def check_reuse(*, evidence_id: str, merchant_id: str, sha256: str, phash: str, key: str | None,
                index: HashIndex, digest: str | None = None, party: bool = False) -> list[CheckResult]:
    """Exact file, same document (content key), near-identical picture; this evidence itself excluded.

    Reuse of the file or the document by *another* merchant is a hard failure; a near-identical
    picture is a soft one, because two different pages of one printed template (or two photos of one
    model of truck) can hash a few bits apart. The merchant's own re-submission is recorded as info
    (it proves nothing new, and its facts merge with the earlier ones by id). The same document key
    with another ``digest`` (see :func:`content_digest`) is a hard ``conflicting_document``, whoever
    filed the other copy. ``party``: the submitting merchant is a named party of the document (its
    buyer or seller), so another merchant's copy of the same document is its counterparty's, filed
    from the other side of one trade: recorded as info, not reuse."""
    def others(hits: tuple[KnownEvidence, ...]) -> tuple[KnownEvidence, ...]:
        return tuple(h for h in hits if h.evidence_id != evidence_id)

    out = [_verdict("reused_file", others(index.exact(sha256)), merchant_id, "同一文件", "the same file")]
    if key is not None:
        same_key = others(index.with_key(key))
        conflicts = _conflicts(same_key, digest)
        if conflicts:
            ids = ", ".join(sorted({h.evidence_id for h in conflicts}))
            out.append(CheckResult("conflicting_document", False, "hard",
                                   f"同一编号的单据已存档（{ids}），但金额或日期不同：同一单据不可能有两种内容",
                                   f"a document with this number is on file ({ids}) with another amount or date: "
                                   "one document cannot say two things"))
        elif party and any(h.merchant_id != merchant_id for h in same_key):
            ids = ", ".join(sorted({h.evidence_id for h in same_key}))
            out.append(CheckResult("reused_document", True, "info", f"交易对方也提交了同一单据（{ids}），双方各执一份",
                                   f"the counterparty filed the same document too ({ids}): one trade, two parties"))
        else:
            out.append(_verdict("reused_document", same_key, merchant_id, "同一单据", "the same document"))
    out.append(_verdict("near_duplicate_image", others(index.near(phash, NEAR_DISTANCE)), merchant_id,
                        "高度相似的图像", "a near-identical image", severity="soft"))
    return out
