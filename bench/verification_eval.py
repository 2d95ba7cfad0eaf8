"""Verification on the seed world's fraud variants: recapture and tamper AUC, reuse catch rate,
rejection rate per fraud kind, false rejections of genuine items, CPU per check; and what the photo
recogniser makes of the seed's asset drawings.

Builds a tiny seed world (default seed 2: the checks' thresholds were calibrated on seeds 0 and 1),
picks genuine items of every document type and renders each as the fraud kinds would (clean and phone
captures, screen and print recaptures, an edited amount, another merchant's reuse, a wrong name, a
wrong check character, an expired licence, an inflated contract) into a temporary folder.

- Image checks (recapture, tamper, perceptual hash, seal) run on every render: AUCs and CPU. The tamper
  check reads the OCR document where it has one (the retyped-amount cue): the types that can carry an
  edited amount are OCR'd in their genuine and edited renders (``--per-type`` items of each of the 9
  types, where the world has them: n is printed, 16 per capture at seed 2); the other types, and every
  type under ``--no-ocr``, get the block cues only. The end-to-end ``verify`` is given its OCR document.
- End to end (``--per-kind`` items per fraud kind and genuine capture, RapidOCR on one thread): OCR →
  fields (the true document type) → ``verify`` with the merchant's registration and its last six
  months of inflows as context, as if its bank statement were verified; a reuse index holding the
  originals. Status per item: a fraud must never come out ``verified``.

    python bench/verification_eval.py [--seed 2] [--per-type 2] [--per-kind 3] [--no-ocr]

``verification_rows()`` returns the summary rows for ``bench/extractors_eval.py``.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import numpy as np
from PIL import Image

from extractors.fields import extract_fields
from extractors.ocr import Document, default_engine
from extractors.photos import recognise_photo
from extractors.photos.efficientnet import EfficientNetRecogniser
from extractors.verify import InMemoryHashIndex, KnownEvidence, MerchantContext, MonthlyInflow, verify
from extractors.verify.phash import phash
from extractors.verify.recapture import THRESHOLD as RECAPTURE_AT
from extractors.verify.recapture import recapture_features
from extractors.verify.reuse import content_key
from extractors.verify.seal import find_seals
from extractors.verify.tamper import THRESHOLD as TAMPER_AT
from extractors.verify.tamper import find_tamper
from extractors.verify.verifier import GUILLOCHE
from seed_data.documents import FRAUD_SUPPORT
from seed_data.render import render_evidence
from seed_data.world.generator import generate_world
from seed_data.world.records import EvidenceItem, Merchant, World

GENUINE = ("clean", "phone")
SCREENSHOTS = {"payment_statement"}
CONTRACTS = ("sales_contract", "freight_contract", "lease_contract")


@dataclasses.dataclass(frozen=True)
class Sample:
    variant: str               # "clean", "phone", or a fraud kind
    merchant: Merchant
    item: EvidenceItem
    path: Path

    @property
    def doc_type(self) -> str:
        return self.item.doc_type

    @property
    def image(self) -> np.ndarray:
        return np.asarray(Image.open(self.path).convert("RGB"))


def auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    pos, neg = np.asarray(positives)[:, None], np.asarray(negatives)[None, :]
    return float(((pos > neg).sum() + 0.5 * (pos == neg).sum()) / (pos.size * neg.size))


def _render(world: World, merchant: Merchant, item: EvidenceItem, variant: str, out: Path, **changes) -> Sample:
    """Render ``item`` changed by ``changes``; a new evidence id per variant keeps every file apart."""
    suffix = "" if variant == "original" else "-" + variant.replace(":", "-")
    item = dataclasses.replace(item, evidence_id=f"{item.evidence_id}{suffix}", **changes)
    return Sample(variant, merchant, item, render_evidence(world, merchant, item, out / merchant.merchant_id))


def _annual_revenue(merchant: Merchant) -> int:
    return sum(m.revenue_cny for m in merchant.monthly[-12:])


def render_samples(world: World, out: Path, per_type: int) -> list[Sample]:
    """Genuine clean/phone captures and every fraud variant its type supports, ``per_type`` items each."""
    taken: dict[str, int] = defaultdict(int)
    samples: list[Sample] = []
    for merchant in world.merchants:
        for item in merchant.evidence:
            if item.fraud_kind is not None or taken[item.doc_type] >= per_type * (3 if item.doc_type == "photo" else 1):
                continue
            taken[item.doc_type] += 1
            support = FRAUD_SUPPORT[item.doc_type]
            variants: dict[str, dict] = {"clean": dict(capture="clean"), "phone": dict(capture="phone"),
                                         "screen_recapture": dict(capture="phone", fraud_kind="screen_recapture"),
                                         "print_recapture": dict(capture="phone", fraud_kind="print_recapture")}
            if "tamper_amount" in support and item.amount_cny:
                for capture in GENUINE:
                    variants[f"tamper_amount:{capture}"] = dict(
                        capture=capture, fraud_kind="tamper_amount", true_amount_cny=item.amount_cny,
                        amount_cny=int(item.amount_cny * 2.5))
            for kind in ("name_mismatch", "invalid_check_digit"):
                if kind in support and item.doc_type != "photo":
                    variants[kind] = dict(capture="phone", fraud_kind=kind)
            if "expired_licence" in support:
                variants["expired_licence"] = dict(capture="phone", fraud_kind="expired_licence",
                                                   valid_until=world.as_of - timedelta(days=120))
            if "inflated_contract" in support and item.doc_type in CONTRACTS:
                inflated = 3 * _annual_revenue(merchant)
                variants["inflated_contract"] = dict(capture="phone", fraud_kind="inflated_contract",
                                                     amount_cny=inflated, true_amount_cny=0)
            for variant, changes in variants.items():
                samples.append(_render(world, merchant, item, variant, out, **changes))
            if "reused_document" in support and item.doc_type != "photo":
                # The original as filed by its owner, and the same content filed by another merchant.
                samples.append(_render(world, merchant, item, "original", out, capture="clean"))
                thief = next(m for m in world.merchants if m.merchant_id != merchant.merchant_id
                             and any(e.doc_type == item.doc_type for e in m.evidence))
                own = next(e for e in thief.evidence if e.doc_type == item.doc_type)
                samples.append(_render(world, thief, own, "reused_document", out, capture="phone",
                                       fraud_kind="reused_document", reused_from=item.evidence_id))
    return samples


def _cpu(fn: Callable[[], object]) -> tuple[object, float]:
    start = time.process_time()
    value = fn()
    return value, (time.process_time() - start) * 1000


class Reader:
    """OCR of a render, read once: the image checks and the end-to-end run share it."""

    def __init__(self) -> None:
        self.engine = default_engine(threads=1)
        self.documents: dict[Path, Document] = {}

    def __call__(self, s: Sample) -> Document:
        if s.path not in self.documents:
            self.documents[s.path] = self.engine.read([s.image])
        return self.documents[s.path]


def _edited_or_twin(s: Sample) -> bool:
    return s.doc_type != "photo" and "tamper_amount" in FRAUD_SUPPORT[s.doc_type] and (
        s.variant in GENUINE or s.variant.startswith("tamper_amount"))


def image_checks(samples: list[Sample], read: Reader | None = None) -> dict[str, object]:
    """Recapture and tamper scores on every render, with CPU ms per check (OCR excluded)."""
    ms: dict[str, list[float]] = defaultdict(list)
    recapture: dict[str, list[float]] = defaultdict(list)
    tamper: dict[str, list[float]] = defaultdict(list)
    flagged = genuine = 0
    for s in samples:
        image = s.image
        hard_flag = False
        features, t = _cpu(lambda: recapture_features(image, document=s.doc_type != "photo"))
        ms["recapture"].append(t)
        recapture[s.variant].append(features.score())
        hard_flag |= features.score() >= RECAPTURE_AT
        _, t = _cpu(lambda: phash(image))
        ms["phash"].append(t)
        if s.doc_type != "photo":
            document = read(s) if read is not None and _edited_or_twin(s) else None
            finding, t = _cpu(lambda: find_tamper(image, screenshot=s.doc_type in SCREENSHOTS, document=document))
            ms["tamper"].append(t)
            hard_flag |= finding.score >= TAMPER_AT and s.doc_type not in GUILLOCHE
            if "tamper_amount" in FRAUD_SUPPORT[s.doc_type]:   # genuine pages of the types that get edited
                tamper[s.variant].append(finding.score)
            _, t = _cpu(lambda: find_seals(image))
            ms["seal"].append(t)
        if s.variant in GENUINE:
            genuine += 1
            flagged += hard_flag
    genuine_recapture = recapture["clean"] + recapture["phone"]
    return {
        "recapture_auc": auc(recapture["screen_recapture"] + recapture["print_recapture"], genuine_recapture),
        "recapture_auc_screen": auc(recapture["screen_recapture"], genuine_recapture),
        "recapture_auc_print": auc(recapture["print_recapture"], genuine_recapture),
        "tamper_auc_clean": auc(tamper["tamper_amount:clean"], tamper["clean"]),
        "tamper_auc_phone": auc(tamper["tamper_amount:phone"], tamper["phone"]),
        "tamper_auc": auc(tamper["tamper_amount:clean"] + tamper["tamper_amount:phone"], tamper["clean"] + tamper["phone"]),
        "ms": {k: statistics.median(v) for k, v in ms.items()},
        "ms_max": {k: max(v) for k, v in ms.items()},
        "images": len(samples),
        "tamper_n": (len(tamper["tamper_amount:clean"]), len(tamper["tamper_amount:phone"])),
        "genuine_flagged": (flagged, genuine),
    }


def context_for(world: World, merchant: Merchant) -> MerchantContext:
    """Registration data plus six months of inflows, as if the merchant's bank statement were verified."""
    return MerchantContext(
        merchant_id=merchant.merchant_id, registered_name=merchant.name, registered_uscc=merchant.uscc,
        as_of=world.as_of, owner_names=(merchant.owner.name,),
        monthly_inflows=tuple(MonthlyInflow(m.month, float(m.inflow_cny)) for m in merchant.monthly[-6:]))


def end_to_end(world: World, samples: list[Sample], per_kind: int, ocr: Reader) -> dict[str, object]:
    chosen: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        if s.variant == "original" or len(chosen[s.variant]) < per_kind * (4 if s.variant in GENUINE else 1):
            chosen[s.variant].append(s)
    index = InMemoryHashIndex()

    def read(s: Sample):
        image = s.image
        document = None if s.doc_type == "photo" else ocr(s)
        record = None if document is None else extract_fields(s.doc_type, document)
        return image, record, document

    originals = [s for s in chosen.pop("original", []) if any(
        r.item.reused_from == s.item.evidence_id for r in chosen.get("reused_document", []))]
    for s in originals:
        image, record, _ = read(s)
        index.add(KnownEvidence(s.item.evidence_id, s.merchant.merchant_id, s.doc_type,
                                hashlib.sha256(s.path.read_bytes()).hexdigest(), phash(image),
                                content_key=content_key(s.doc_type, record)))
    status: dict[str, list[str]] = defaultdict(list)
    reasons: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    authenticity: dict[str, list[tuple[str, float]]] = defaultdict(list)
    verify_ms: list[float] = []
    for variant, group in chosen.items():
        for s in group:
            image, record, document = read(s)
            result, t = _cpu(lambda: verify(
                evidence_id=s.item.evidence_id, doc_type=s.doc_type, record=record, image=image,
                context=context_for(world, s.merchant), sha256=hashlib.sha256(s.path.read_bytes()).hexdigest(),
                index=index, document=document))
            verify_ms.append(t)
            status[variant].append(result.status)
            reasons[variant].append(result.reasons)
            authenticity[variant].append((s.doc_type, result.authenticity))
    edited = {d for d, _ in authenticity["tamper_amount:clean"] + authenticity["tamper_amount:phone"]}
    # Tamper AUC of the whole verification (image cue and figures that disagree): 1 − authenticity.
    tamper_auc = auc([1 - a for v in ("tamper_amount:clean", "tamper_amount:phone") for _, a in authenticity[v]],
                     [1 - a for v in GENUINE for d, a in authenticity[v] if d in edited])
    return {"status": dict(status), "reasons": dict(reasons), "verify_ms": statistics.median(verify_ms),
            "tamper_auc": tamper_auc}


def photo_eval(samples: list[Sample]) -> dict[str, object]:
    """Top-1 asset class on the seed's genuine asset drawings: classifier alone, and with OCR."""
    engine = default_engine(threads=1)
    recogniser = EfficientNetRecogniser()
    photos = [s for s in samples if s.doc_type == "photo" and s.variant in GENUINE]
    alone = with_text = 0
    ms: list[float] = []
    for s in photos:
        image = s.image
        found, t = _cpu(lambda: recogniser.recognise(image))
        ms.append(t)
        alone += bool(found) and found[0].asset_class == s.item.photo_class
        result = recognise_photo(image, document=engine.read([image]), recogniser=recogniser,
                                 context=context_for_photo(s))
        with_text += result.asset_class == s.item.photo_class
    return {"photos": len(photos), "classifier_top1": alone / max(len(photos), 1),
            "combined_top1": with_text / max(len(photos), 1), "classifier_ms": statistics.median(ms) if ms else 0.0}


def context_for_photo(s: Sample) -> MerchantContext:
    plates = tuple(a.plate.replace("·", "") for a in s.merchant.assets if a.plate)
    return MerchantContext(merchant_id=s.merchant.merchant_id, registered_name=s.merchant.name,
                           registered_uscc=s.merchant.uscc, as_of=s.item.issued, plates=plates)


def evaluate(seed: int = 2, per_type: int = 2, per_kind: int = 3, ocr: bool = True) -> dict[str, object]:
    world = generate_world(seed, "tiny")
    with tempfile.TemporaryDirectory(prefix="bailing-verify-") as tmp:
        samples = render_samples(world, Path(tmp), per_type)
        read = Reader() if ocr else None
        report: dict[str, object] = {"seed": seed, "images": image_checks(samples, read)}
        if read is not None:
            report["end_to_end"] = end_to_end(world, samples, per_kind, read)
            report["photos"] = photo_eval(samples)
    return report


def verification_rows(seed: int = 2, per_type: int = 2, per_kind: int = 3, ocr: bool = True) -> list[tuple[str, ...]]:
    """Summary rows ``(metric, value, target)`` for ``bench/extractors_eval.py``."""
    return _rows(evaluate(seed, per_type, per_kind, ocr))


def _rows(report: dict[str, object]) -> list[tuple[str, ...]]:
    images = report["images"]
    rows = [("recapture AUC (screen + print vs clean + phone)", f"{images['recapture_auc']:.3f}", "≥ 0.95"),
            ("  screen / print AUC", f"{images['recapture_auc_screen']:.3f} / {images['recapture_auc_print']:.3f}", ""),
            ("tamper AUC, image (+ OCR boxes) only (clean + phone)", f"{images['tamper_auc']:.3f}", "≥ 0.90"),
            ("  clean / phone captures", f"{images['tamper_auc_clean']:.3f} / {images['tamper_auc_phone']:.3f}", "≥ 0.90"),
            ("  edited pages n (clean / phone)",
             "{} / {}".format(*images["tamper_n"]), "")]
    flagged, genuine = images["genuine_flagged"]
    rows.append(("genuine clean + phone images an image check rejects", f"{flagged}/{genuine}", "< 2%"))
    rows += [(f"CPU ms per image check: {k} (median / max)", f"{v:.0f} / {images['ms_max'][k]:.0f}", "< 300")
             for k, v in images["ms"].items()]
    e2e = report.get("end_to_end")
    if e2e:
        status = e2e["status"]
        for variant in sorted(status):
            values = status[variant]
            if variant in GENUINE:
                rejected = sum(v == "rejected" for v in values)
                rows.append((f"genuine {variant}: false rejections (unknown)", f"{rejected}/{len(values)} "
                             f"({sum(v == 'unknown' for v in values)})", "< 2%"))
                why = sorted({r for v, reasons in zip(values, e2e["reasons"][variant]) if v == "rejected" for r in reasons})
                if why:
                    rows.append(("  reasons", ", ".join(why), ""))
            else:
                caught = sum(v == "rejected" for v in values)
                verified = sum(v == "verified" for v in values)
                target = "all caught" if variant == "reused_document" else "none verified"
                rows.append((f"fraud {variant}: rejected, verified", f"{caught}/{len(values)}, {verified}", target))
        frauds = [v for variant, values in status.items() if variant not in GENUINE for v in values]
        rows.append(("all fraud variants: rejected / unknown / verified",
                     f"{frauds.count('rejected')} / {frauds.count('unknown')} / {frauds.count('verified')}",
                     "0 verified"))
        rows.append(("tamper AUC, verification (image + figures), 1 − authenticity", f"{e2e['tamper_auc']:.3f}", "≥ 0.90"))
        rows.append(("CPU ms per verify() call, OCR excluded (median)", f"{e2e['verify_ms']:.0f}", ""))
    photos = report.get("photos")
    if photos:
        rows.append((f"photo top-1 on {photos['photos']} seed drawings: classifier / with OCR",
                     f"{photos['classifier_top1']:.2f} / {photos['combined_top1']:.2f}", "(drawings)"))
        rows.append(("CPU ms per classifier call (median)", f"{photos['classifier_ms']:.0f}", ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--per-type", type=int, default=2, help="genuine items per document type (default 2)")
    parser.add_argument("--per-kind", type=int, default=3, help="end-to-end items per fraud kind (default 3)")
    parser.add_argument("--no-ocr", action="store_true", help="image checks only (a minute, no OCR)")
    parser.add_argument("--verbose", action="store_true", help="print every end-to-end status and reasons")
    args = parser.parse_args()
    report = evaluate(args.seed, args.per_type, args.per_kind, not args.no_ocr)
    width = max(len(r[0]) for r in _rows(report))
    for metric, value, target in _rows(report):
        print(f"{metric:<{width}}  {value:>14}  {target}")
    if args.verbose and "end_to_end" in report:
        e2e = report["end_to_end"]
        for variant, values in e2e["status"].items():
            for status, reasons in zip(values, e2e["reasons"][variant]):
                print(json.dumps({"variant": variant, "status": status, "reasons": reasons}, ensure_ascii=False))


if __name__ == "__main__":
    main()
