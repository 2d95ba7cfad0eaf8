"""Evaluation on the tiny world's test split: agreement, fraud suite, plots on disk."""
from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from reasoning.evaluate import evaluate
from reasoning.labels import read_labels, read_panel
from reasoning.models.capacity import CapacityModel
from reasoning.plots import write_plots
from tests.reasoning.conftest import TINY_AS_OF


def test_evaluation_reports_agreement_fraud_suite_and_plots(loaded_driver: Driver, tiny_world_dir: Path,
                                                            tiny_model: CapacityModel, tmp_path: Path) -> None:
    ev = evaluate(loaded_driver, tiny_world_dir, tiny_model, as_of=TINY_AS_OF)
    test_ids = {l.merchant_id for l in read_labels(tiny_world_dir, "test")}
    assert {d.merchant_id for d in ev.decisions} == test_ids
    assert ev.report.n == len(test_ids) and 0.0 <= ev.report.agreement <= 1.0
    assert sum(n for n, _ in ev.report.by_industry.values()) == ev.report.n
    assert ev.fraud is not None and ev.fraud.merchants >= 1
    assert ev.fraud.uplifts_on_fraud == 0
    paths = write_plots(ev, tiny_model, tmp_path, read_panel(tiny_world_dir, "test"))
    assert {p.name for p in paths} >= {"calibration.png", "confusion.png", "agreement_by_industry.png",
                                       "agreement_by_base.png", "uplift_distribution.png", "calibration_by_officer.png"}
    assert any(p.name.startswith("waterfall_") for p in paths)
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in paths)


def test_facts_view_marks_only_verified_support(loaded_driver: Driver, tiny_model: CapacityModel) -> None:
    from reasoning.dataset import read_views
    from tests.reasoning.conftest import TINY_AS_OF as as_of
    ids = [r["id"] for r in loaded_driver.execute_query("MATCH (m:Merchant) RETURN m.id AS id ORDER BY id").records]
    views = read_views(loaded_driver, ids, as_of=as_of, industries=tiny_model.industries)
    for v in views:
        verified = {e.evidence_id for e in v.facts.evidence if e.status == "verified"}
        for item in v.facts.items:
            assert item.verified == bool(set(item.evidence_ids) & verified)
        assert v.facts.industry_code and v.facts.base_limit_cny > 0
