"""Agreement with a review panel: each officer's rule, a majority of the panel, and the panel with itself."""
import json
from pathlib import Path

import pytest

from reasoning.agreement import officer_decision, panel_agreement
from reasoning.labels import ReviewLabel, read_panel


def _label(officer_merchant: str, decision: str, lo: float = 0, hi: float = 0) -> ReviewLabel:
    return ReviewLabel(officer_merchant, "test", decision, lo, hi)


def _panel() -> dict[str, dict[str, ReviewLabel]]:
    # M1: all three approve with overlapping ranges; M2: two say no change, one approves.
    return {"officer_a": {"M1": _label("M1", "approve_uplift", 10_000, 20_000), "M2": _label("M2", "no_change")},
            "officer_b": {"M1": _label("M1", "approve_uplift", 14_000, 26_000), "M2": _label("M2", "no_change")},
            "officer_c": {"M1": _label("M1", "approve_uplift", 22_000, 30_000),
                          "M2": _label("M2", "approve_uplift", 6_000, 9_000)}}


def _engine(merchant: str, decision: str, uplift: float = 0.0):
    return officer_decision(_label(merchant, decision, uplift, uplift))


def test_the_engine_agrees_with_a_majority_when_two_of_three_officers_accept_its_decision() -> None:
    panel = _panel()
    # 18,000 lies in A's and B's ranges, not C's; no change on M2 is what A and B decided.
    result = panel_agreement([_engine("M1", "approve_uplift", 18_000), _engine("M2", "no_change")], panel)
    assert result.n == 2 and result.majority == 1.0
    assert result.by_officer == {"officer_a": 1.0, "officer_b": 1.0, "officer_c": 0.0}
    # 28,000 only C accepts: no majority on M1.
    assert panel_agreement([_engine("M1", "approve_uplift", 28_000)], panel).majority == 0.0


def test_the_panel_with_itself_counts_ordered_pairs_of_officers() -> None:
    # M1: A grants 15,000 (in B's range, not C's), B 20,000 (in A's only), C 26,000 (in B's only): 3 of 6
    # ordered pairs. M2: A and B agree both ways; C's approval agrees with nobody: 2 of 6.
    result = panel_agreement([_engine("M1", "no_change"), _engine("M2", "no_change")], _panel())
    assert result.between_officers == pytest.approx(5 / 12)


def test_a_panel_file_reads_back_per_officer_and_merchant(tmp_path: Path) -> None:
    rows = [{"merchant_id": m, "split": "test", "officer": o, "decision": "no_change", "uplift_lo_cny": 0,
             "uplift_hi_cny": 0, "view_cny": 10_000} for o in ("officer_a", "officer_b") for m in ("M1", "M2")]
    (tmp_path / "panel_test.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    panel = read_panel(tmp_path, "test")
    assert sorted(panel) == ["officer_a", "officer_b"] and sorted(panel["officer_b"]) == ["M1", "M2"]
    (tmp_path / "panel_test.jsonl").write_text('{"merchant_id": "M1"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="panel_test.jsonl:1"):
        read_panel(tmp_path, "test")
    with pytest.raises(FileNotFoundError, match="panel_train.jsonl"):
        read_panel(tmp_path, "train")
