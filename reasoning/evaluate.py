"""Evaluation against expert review on the held-out test split, and the fraud suite.

This is the only reader of ``labels_test.jsonl``. Agreement = same decision and, for an uplift, one
inside the expert's band (``reasoning.agreement``), overall and per industry.

The fraud suite reads the seed world's evidence truth (``evidence.jsonl``: which items are
fraudulent) — hidden truth is for evaluation, never for deciding. It decides every merchant that
submitted fraudulent evidence and counts uplifts granted on its strength: an uplift whose
``evidence_used`` includes a fraudulent item. It also reports fraudsters granted any uplift at all.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from neo4j import Driver

from ontology import load_active_ruleset
from reasoning.agreement import AgreementReport, agreement_report
from reasoning.dataset import MerchantView, read_views
from reasoning.decision import Decision
from reasoning.labels import ReviewLabel, read_labels
from reasoning.models.capacity import CapacityModel
from reasoning.scoring import score_view

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class FraudSuite:
    merchants: int                 # merchants with at least one fraudulent item
    fraudulent_items: int
    uplifts_on_fraud: int          # uplifts whose evidence_used holds a fraudulent item (must be 0)
    uplifts_to_fraudsters: int     # any uplift to such a merchant (undetected kinds, other evidence)
    declined: int


@dataclass(frozen=True, slots=True)
class Evaluation:
    report: AgreementReport
    decisions: tuple[Decision, ...]
    labels: tuple[ReviewLabel, ...]
    views: tuple[MerchantView, ...]
    fraud: FraudSuite | None


def fraudulent_items(world_dir: Path) -> dict[str, set[str]]:
    """merchant id -> ids of its fraudulent evidence, from the seed world's ``evidence.jsonl``."""
    path = Path(world_dir) / "evidence.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"no evidence truth file {path}")
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            if raw.get("fraud_kind"):
                out.setdefault(raw["merchant_id"], set()).add(raw["evidence_id"])
    return out


def fraud_suite(driver: Driver, world_dir: Path, model: CapacityModel, *, as_of: date, database: str = "neo4j",
                progress: Progress | None = None) -> FraudSuite:
    bad = fraudulent_items(world_dir)
    ids = sorted(bad)
    rules = load_active_ruleset()
    views = read_views(driver, ids, as_of=as_of, industries=model.industries, database=database,
                       progress=_ticker("fraud suite", len(ids), progress))
    decisions = [score_view(v, model, rules) for v in views]
    on_fraud = sum(1 for d in decisions if d.uplift_cny > 0 and set(d.evidence_used) & bad[d.merchant_id])
    return FraudSuite(len(ids), sum(len(v) for v in bad.values()), on_fraud,
                      sum(1 for d in decisions if d.uplift_cny > 0),
                      sum(1 for d in decisions if d.decision == "decline_review"))


def evaluate(driver: Driver, world_dir: Path, model: CapacityModel, *, as_of: date, database: str = "neo4j",
             with_fraud_suite: bool = True, progress: Progress | None = None) -> Evaluation:
    labels = tuple(sorted(read_labels(world_dir, "test"), key=lambda l: l.merchant_id))
    views = read_views(driver, [l.merchant_id for l in labels], as_of=as_of, industries=model.industries,
                       database=database, progress=_ticker("read", len(labels), progress))
    rules = load_active_ruleset()
    decisions = []
    for n, view in enumerate(views, 1):
        decisions.append(score_view(view, model, rules))
        if progress is not None:
            progress("decide", n, len(views))
    report = agreement_report((d, l, v.facts.industry_code) for d, l, v in zip(decisions, labels, views))
    fraud = fraud_suite(driver, world_dir, model, as_of=as_of, database=database, progress=progress) \
        if with_fraud_suite else None
    return Evaluation(report, tuple(decisions), labels, tuple(views), fraud)


def _ticker(stage: str, total: int, progress: Progress | None) -> Callable[[int], None] | None:
    if progress is None:
        return None
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        progress(stage, done[0], total)
    return tick
