"""Tamper on real edits: the local edits people make to genuine invoices, caught or not.

Builds the tiny seed world (default seed 4: thresholds were set on seeds 0 and 1, seeds 2 and 3 were
studied), renders ``--per-kind`` genuine invoices of each type (专票, 普票, 数电票) clean (the crisp digital
render) and by phone, and edits every one with each edit kind of :mod:`seed_data.render.edits` (copy-move,
inpaint-and-retype, splice from another invoice of the same type) on each field (the total, the
number, the buyer's name), in both flows (the digital render re-saved, the phone photo re-saved).
Everything is OCR'd (RapidOCR, one thread). It prints:

- tamper AUC (``find_tamper`` with the OCR document; edited against the genuine pages of the same
  flow, as rendered and re-saved the way the forger saves) and detection at the operating point
  (score ≥ 1), for digital and phone separately, per edit kind and per field, with n;
- false alarms of ``check_tamper`` on the genuine pages (clean, phone) and on the real photographs of
  ``../shared/photos/train`` checked as if they were documents (no OCR: inconclusive, passed or failed);
- the fraud suite: every edited item through OCR → fields → ``verify`` (merchant context with its
  trading partners' registered names and USCCs, a reuse index of the genuine originals): how many come
  out verified (target 0), and which checks caught them.

    python bench/real_edits.py [--seed 4] [--per-kind 3] [--no-photos]

``tamper_rows(seed, per_kind)`` returns the printable rows for ``bench/verification_real.py``.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from extractors.fields import extract_fields
from extractors.ocr import Document, default_engine
from extractors.verify import InMemoryHashIndex, KnownEvidence, MerchantContext, MonthlyInflow, verify
from extractors.verify.context import Party
from extractors.verify.phash import phash
from extractors.verify.reuse import content_key
from extractors.verify.tamper import THRESHOLD, check_tamper, find_tamper
from seed_data.render import render_evidence
from seed_data.render.edits import EDIT_FIELDS, EDIT_KINDS, EditRecord, edit, save
from seed_data.world.generator import generate_world
from seed_data.world.records import EvidenceItem, Merchant, World

INVOICES = ("vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice")
CAPTURE = {"digital": "clean", "phone": "phone"}
PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared" / "photos" / "train"


@dataclasses.dataclass(frozen=True)
class Item:
    merchant: Merchant
    evidence: EvidenceItem
    flow: str                       # "digital" | "phone"
    path: Path
    edit: EditRecord | None         # None: a genuine page
    saved: str = "as rendered"      # or how a genuine page was re-saved, as the forger saves ("png", "jpeg q90")


def auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    pos, neg = np.asarray(positives)[:, None], np.asarray(negatives)[None, :]
    return float(((pos > neg).sum() + 0.5 * (pos == neg).sum()) / (pos.size * neg.size))


def _value(truth: dict, field: str) -> str:
    return next(f["value"] for f in truth["fields"] if f["name"] == EDIT_FIELDS[field])


def render_items(world: World, out: Path, per_kind: int) -> list[Item]:
    """Genuine invoices (``per_kind`` of each type) clean and by phone, and every edit of each."""
    chosen = [(m, e) for t in INVOICES for m, e in [(m, e) for m in world.merchants for e in m.evidence
                                                    if e.doc_type == t and e.fraud_kind is None][:per_kind]]
    genuine: dict[tuple[str, str], tuple[Path, dict]] = {}
    items: list[Item] = []
    for merchant, evidence in chosen:
        for flow, capture in CAPTURE.items():
            path = render_evidence(world, merchant, dataclasses.replace(evidence, capture=capture), out / flow)
            genuine[(evidence.evidence_id, flow)] = (path, json.loads(path.with_suffix(".json").read_text("utf-8")))
            items.append(Item(merchant, evidence, flow, path, None))
    rng = np.random.default_rng(world.seed)
    for merchant, evidence in chosen:
        for flow in CAPTURE:
            path, truth = genuine[(evidence.evidence_id, flow)]
            image = np.asarray(Image.open(path).convert("RGB"))
            # The genuine page re-saved the way an edited one is: the save alone must not look like an edit.
            data, saved = save(image, flow, rng)
            twin = out / "resaved" / f"{evidence.evidence_id}-{flow}.{saved[:3]}"
            twin.parent.mkdir(parents=True, exist_ok=True)
            twin.write_bytes(data)
            items.append(Item(merchant, evidence, flow, twin, None, saved))
            for kind in EDIT_KINDS:
                for field in EDIT_FIELDS:
                    donor = None
                    if kind == "splice":   # the same field of another invoice of the type, same capture
                        others = [genuine[(e.evidence_id, flow)] for _, e in chosen if e.doc_type == evidence.doc_type
                                  and _value(genuine[(e.evidence_id, flow)][1], field) != _value(truth, field)]
                        if not others:
                            continue
                        donor_path, donor_truth = others[int(rng.integers(len(others)))]
                        donor = (np.asarray(Image.open(donor_path).convert("RGB")), donor_truth)
                    try:
                        edited, record = edit(image, truth, kind, field, flow, rng, donor)
                    except ValueError:   # nothing to copy from, or names that do not differ: not this edit
                        continue
                    data, saved = save(edited, flow, rng)
                    target = out / "edits" / f"{evidence.evidence_id}-{flow}-{kind}-{field}.{saved[:3]}"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    items.append(Item(merchant, evidence, flow, target,
                                      dataclasses.replace(record, how=f"{record.how}; saved {saved}")))
    return items


def context_for(world: World, merchant: Merchant) -> MerchantContext:
    """Registration data, the registered names of the merchant's trading partners (registry data a bank
    has), and six months of inflows, as if the merchant's bank statement were verified."""
    linked = {link.party_id for link in merchant.links}
    return MerchantContext(
        merchant_id=merchant.merchant_id, registered_name=merchant.name, registered_uscc=merchant.uscc,
        as_of=world.as_of, owner_names=(merchant.owner.name,),
        counterparties=tuple(Party(p.name, p.uscc) for p in world.parties if p.party_id in linked),
        monthly_inflows=tuple(MonthlyInflow(m.month, float(m.inflow_cny)) for m in merchant.monthly[-6:]))


def evaluate(seed: int, per_kind: int, photos: bool = True) -> dict[str, object]:
    cv2.setNumThreads(1)
    world = generate_world(seed, "tiny")
    engine = default_engine(threads=1)
    scores: list[tuple[Item, float]] = []
    failed_genuine: Counter[str] = Counter()
    status: list[tuple[Item, str, tuple[str, ...]]] = []
    with tempfile.TemporaryDirectory(prefix="bailing-edits-") as tmp:
        items = render_items(world, Path(tmp), per_kind)
        index = InMemoryHashIndex()
        documents: dict[Path, Document] = {}
        for item in items:
            image = np.asarray(Image.open(item.path).convert("RGB"))
            documents[item.path] = document = engine.read([image])
            finding = find_tamper(image, document=document)
            scores.append((item, finding.score))
            if item.edit is None:
                failed_genuine[item.flow] += finding.score >= THRESHOLD
                record = extract_fields(item.evidence.doc_type, document)
                index.add(KnownEvidence(item.evidence.evidence_id + "-" + item.flow, item.merchant.merchant_id,
                                        item.evidence.doc_type, hashlib.sha256(item.path.read_bytes()).hexdigest(),
                                        phash(image), content_key=content_key(item.evidence.doc_type, record)))
        for item in items:
            image = np.asarray(Image.open(item.path).convert("RGB"))
            document = documents[item.path]
            record = extract_fields(item.evidence.doc_type, document)
            # The edited copy is submitted as new evidence by the same merchant; the genuine one is its own.
            suffix = "-edited" if item.edit else "-" + item.flow
            result = verify(evidence_id=item.evidence.evidence_id + suffix, doc_type=item.evidence.doc_type,
                            record=record, image=image, context=context_for(world, item.merchant),
                            sha256=hashlib.sha256(item.path.read_bytes()).hexdigest(), index=index,
                            document=document)
            status.append((item, result.status, result.reasons))
    report: dict[str, object] = {"seed": seed, "scores": scores, "failed_genuine": failed_genuine,
                                 "status": status}
    if photos and PHOTOS.is_dir():
        report["photos"] = photo_alarms(PHOTOS)
    return report


def photo_alarms(folder: Path) -> dict[str, Counter[str]]:
    """``check_tamper`` on real photographs, as if each were a document: passed / inconclusive / failed."""
    by_class: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted(folder.glob("*/*.jpg")):
        check = check_tamper(np.asarray(Image.open(path).convert("RGB")))
        by_class[path.parent.name][{True: "passed", None: "inconclusive", False: "failed"}[check.passed]] += 1
    return dict(by_class)


def _rows(report: dict[str, object]) -> list[tuple[str, str, str]]:
    scores = report["scores"]
    rows: list[tuple[str, str, str]] = []
    for flow in CAPTURE:
        genuine = [s for item, s in scores if item.flow == flow and item.edit is None]
        edited = [(item.edit, s) for item, s in scores if item.flow == flow and item.edit is not None]
        caught = sum(s >= THRESHOLD for _, s in edited)
        rows.append((f"tamper AUC, {flow}: real edits vs genuine (n {len(edited)} / {len(genuine)})",
                     f"{auc([s for _, s in edited], genuine):.3f}", "≥ 0.90"))
        rows.append((f"  detected at the operating point (score ≥ {THRESHOLD:g})", f"{caught}/{len(edited)}", ""))
        for label, key in (("kind", "kind"), ("field", "field")):
            for value in (EDIT_KINDS if key == "kind" else tuple(EDIT_FIELDS)):
                group = [s for e, s in edited if getattr(e, key) == value]
                rows.append((f"  {label} {value}: AUC, detected (n)",
                             f"{auc(group, genuine):.3f}, {sum(s >= THRESHOLD for s in group)}/{len(group)}", ""))
        rows.append((f"genuine {CAPTURE[flow]} pages the tamper check fails",
                     f"{report['failed_genuine'][flow]}/{len(genuine)}", "< 2%"))
    photos = report.get("photos")
    if photos:
        total = Counter()
        for counts in photos.values():
            total.update(counts)
        n = sum(total.values())
        worst = max(photos, key=lambda c: photos[c]["failed"] / sum(photos[c].values()))
        rows.append((f"real photos checked as documents: failed / inconclusive (n {n})",
                     f"{total['failed']} / {total['inconclusive']}", "≤ 2% failed"))
        rows.append((f"  worst class {worst}: failed (n)",
                     f"{photos[worst]['failed']}/{sum(photos[worst].values())}", "≤ 5%"))
    status = report["status"]
    for flow in CAPTURE:
        edited = [(item, st, why) for item, st, why in status if item.flow == flow and item.edit is not None]
        verified = [item for item, st, _ in edited if st == "verified"]
        rows.append((f"fraud suite, {flow}: edited items rejected / unknown / verified",
                     f"{sum(st == 'rejected' for _, st, _ in edited)} / {sum(st == 'unknown' for _, st, _ in edited)}"
                     f" / {len(verified)}", "0 verified"))
        # The whole verification as one score: fraud evidence over could-not-verify over verified.
        rank = {"rejected": 2.0, "unknown": 1.0, "verified": 0.0}
        genuine_ranks = [rank[st] for item, st, _ in status if item.flow == flow and item.edit is None]
        rows.append((f"verification AUC, {flow}: edited vs genuine, rejected > unknown > verified",
                     f"{auc([rank[st] for _, st, _ in edited], genuine_ranks):.3f}", "≥ 0.90"))
        why = Counter(r for _, st, reasons in edited if st == "rejected" for r in reasons)
        rows.append(("  caught by", ", ".join(f"{k} {v}" for k, v in why.most_common()), ""))
        for item in verified:
            rows.append((f"  verified: {item.edit.kind} {item.edit.field}", f"{item.edit.genuine} → {item.edit.printed}",
                         item.edit.how[:60]))
        genuine = [(st, why) for item, st, why in status if item.flow == flow and item.edit is None]
        rows.append((f"genuine {CAPTURE[flow]} invoices end to end: rejected (reasons)",
                     f"{sum(st == 'rejected' for st, _ in genuine)}/{len(genuine)}",
                     ", ".join(sorted({r for st, why in genuine if st == "rejected" for r in why}))))
    return rows


def tamper_rows(seed: int = 4, per_kind: int = 3) -> list[tuple[str, str, str]]:
    """Printable ``(metric, value, target)`` rows for ``bench/verification_real.py``."""
    return _rows(evaluate(seed, per_kind))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--per-kind", type=int, default=3, help="genuine invoices of each type (default 3)")
    parser.add_argument("--no-photos", action="store_true", help="skip the real photographs")
    args = parser.parse_args()
    rows = _rows(evaluate(args.seed, args.per_kind, photos=not args.no_photos))
    width = max(len(r[0]) for r in rows)
    for metric, value, target in rows:
        print(f"{metric:<{width}}  {value:>16}  {target}")


if __name__ == "__main__":
    main()
