"""``verify``: every check that applies to one piece of evidence, combined into a :class:`Verification`.

The caller (the extraction pipeline) supplies what the checks cannot find for themselves: the typed
field record the field extractors produced (``None`` when none was extracted, e.g. asset photos), the
decoded image, the merchant as the bank knows it, and the reuse index. Checks that need a field the
record lacks report ``passed=None`` and never fail the evidence for it.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import chain

import numpy as np

from extractors.fields.records import InvoiceRecord
from extractors.ocr.document import Document
from extractors.verify.arithmetic import check_arithmetic
from extractors.verify.capture import check_capture
from extractors.verify.consistency import check_consistency
from extractors.verify.context import MerchantContext
from extractors.verify.invoice_qr import check_invoice_qr
from extractors.verify.numbers import check_numbers
from extractors.verify.numbers.invoice import invoice_code_kind
from extractors.verify.party_identity import check_party_identity
from extractors.verify.phash import phash as compute_phash
from extractors.verify.recapture import check_recapture
from extractors.verify.result import CheckResult, Verification
from extractors.verify.reuse import HashIndex, check_reuse, content_digest, content_key
from extractors.verify.score import combine
from extractors.verify.seal import check_seal
from extractors.verify.signature import check_signature
from extractors.verify.tamper import check_tamper
from extractors.verify.validity import check_validity

# Types printed on paper and sealed by their issuer; a missing seal is a soft failure for these.
SEALED = frozenset({"business_licence", "vat_special_invoice", "vat_ordinary_invoice", "sales_contract",
                    "lease_contract", "construction_contract", "freight_contract", "bank_statement",
                    "road_transport_permit", "food_licence", "vehicle_transport_cert", "qualification_cert",
                    "property_certificate", "account_statement", "receipt"})
SIGNED = frozenset({"sales_contract", "lease_contract", "construction_contract", "freight_contract"})
# Forms that are genuine in black ink alone (a carbonless pad's tinted copy, a purchasing system's
# print-out, unsealed), ID cards, which banks take as photocopies, and what merchants print themselves
# from a government or utility website (a VAT return from 电子税务局, a social insurance proof, a
# utility bill from 网上国网) on an office printer: no colour is no sign of a photocopy there, so the
# mono-copy cue does not apply.
MONOCHROME_FORMS = frozenset({"delivery_note", "purchase_order", "resident_id", "tax_certificate",
                              "social_insurance", "utility_bill"})
# Asset photos have no page to tamper with: they get the recapture, reuse and capture checks only.
PHOTOS = frozenset({"photo"})
SCREENSHOTS = frozenset({"payment_statement"})   # born digital: flat panels, no paper
# Printed on a security background (fine guilloche curves), which the tamper check's noise cue can
# mistake for a pasted patch: there a tamper finding is a soft failure, and the hard checks of these
# documents are their numbers, names and validity.
GUILLOCHE = frozenset({"business_licence", "food_licence", "road_transport_permit", "vehicle_licence",
                       "vehicle_transport_cert", "qualification_cert", "property_certificate"})


def _seal_due(doc_type: str, record: object | None) -> bool:
    """Whether the issuer's seal is due on this document. The 增值税电子专用发票 (a 12-digit code of kind
    13) is signed electronically instead of carrying the seller's 发票专用章 (国家税务总局公告 2020 年
    第 22 号): its PDF prints none, and a phone shot may lose the small 监制章 it does print."""
    if doc_type not in SEALED:
        return False
    code = record.code if isinstance(record, InvoiceRecord) else None
    return not (doc_type == "vat_special_invoice" and code and invoice_code_kind(code) == "e_special")


def _page_document(document: Document | None, index: int) -> Document | None:
    """The OCR of page ``index`` alone: page checks place words on that page's pixels only."""
    if document is None or index >= len(document.pages):
        return None
    return replace(document, pages=(document.pages[index],))


def _on_every_page(results: Sequence[CheckResult]) -> CheckResult:
    """A page check over every page: the worst page decides (a failure, else one that could not
    tell, else a pass), named by its page number when there are several."""
    if len(results) == 1:
        return results[0]
    rank = {False: 0, None: 1, True: 2}
    page, worst = min(enumerate(results, start=1), key=lambda pr: rank[pr[1].passed])
    if worst.passed is True:
        return replace(worst, detail_zh=f"{len(results)} 页均{worst.detail_zh}",
                       detail_en=f"all {len(results)} pages: {worst.detail_en}")
    return replace(worst, detail_zh=f"第 {page} 页：{worst.detail_zh}", detail_en=f"page {page}: {worst.detail_en}")


def _on_some_page(results: Sequence[CheckResult]) -> CheckResult:
    """A mark a document needs once (a seal, a signature): the first page that has it, else page 1's."""
    return next((r for r in results if r.passed is True), results[0])


def verify(*, evidence_id: str, doc_type: str, record: object | None, image: np.ndarray,
           context: MerchantContext, sha256: str, index: HashIndex, phash: str | None = None,
           document: Document | None = None, more_pages: Sequence[np.ndarray] = ()) -> Verification:
    """Run the checks for ``doc_type`` and combine them.

    Args:
        evidence_id: this evidence's id; entries with the same id in ``index`` are itself, not reuse.
        doc_type: a SPEC §5 code, or ``"photo"``.
        record: the typed field record of ``extractors.fields`` (``None`` if none).
        image: the decoded upload (its first page), RGB ``uint8`` ``(H, W, 3)``.
        context: the submitting merchant (see :class:`MerchantContext`).
        sha256: hex digest of the uploaded bytes.
        index: the reuse index (see :mod:`extractors.verify.reuse`).
        phash: the image's perceptual hash (default: computed here).
        document: the OCR output of every page, used to find the signing blocks of contracts and the
            amounts the tamper check examines (default: ``None``).
        more_pages: the pages after the first of a multi-page upload (a PDF statement). Each page gets
            the recapture and tamper checks (the worst page decides); a seal or signature on any page
            counts. A forger edits the page that pays, which is rarely the first.
    """
    # One pass over the pages, each read once: a PDF's pages are kept out of memory until read.
    recaptured, tampered, sealed, signed = [], [], [], []
    for n, page in enumerate(chain((image,), more_pages)):
        if page.ndim != 3 or page.shape[2] != 3 or page.dtype != np.uint8:
            raise ValueError(f"page {n + 1} must be RGB uint8 (H, W, 3), got {page.dtype} {page.shape}")
        on_page = _page_document(document, n) if more_pages else document
        recaptured.append(check_recapture(page, document=doc_type not in PHOTOS,
                                          colour_expected=doc_type not in MONOCHROME_FORMS))
        if doc_type not in PHOTOS:
            tampered.append(check_tamper(page, screenshot=doc_type in SCREENSHOTS,
                                         severity="soft" if doc_type in GUILLOCHE else "hard", document=on_page))
        if _seal_due(doc_type, record):
            sealed.append(check_seal(page))
        if doc_type in SIGNED:
            signed.append(check_signature(page, on_page))
    checks: list[CheckResult] = []
    consistency = check_consistency(doc_type, record, context) if record is not None else []
    # Both sides of one trade may file the same invoice or contract: the counterparty's copy is no reuse.
    party = any(c.code == "merchant_is_party" and c.passed for c in consistency)
    checks += check_reuse(evidence_id=evidence_id, merchant_id=context.merchant_id, sha256=sha256,
                          phash=phash or compute_phash(image), key=content_key(doc_type, record), index=index,
                          digest=content_digest(doc_type, record), party=party)
    checks.append(_on_every_page(recaptured))
    if doc_type in PHOTOS:
        checks += check_capture(image)
    else:
        checks.append(_on_every_page(tampered))
    if record is not None:
        checks += check_numbers(doc_type, record, as_of=context.as_of)
        checks += check_arithmetic(record)
        checks += check_validity(doc_type, record, as_of=context.as_of)
        checks += consistency
        if isinstance(record, InvoiceRecord):   # the three invoice types, which carry a QR code
            checks.append(check_invoice_qr(record, image, document))
            checks += check_party_identity(record, context)
    if sealed:
        checks.append(_on_some_page(sealed))
    if signed:
        checks.append(_on_some_page(signed))
    return combine(tuple(checks))
