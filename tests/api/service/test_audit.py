"""The audit log keeps every decision, refuses to change one, and shows when its file was tampered with."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from api.service.audit import AuditLog
from reasoning.decision import Decision, NextEvidence, Reason


def _decision(merchant_id: str, new_limit: float, evidence: tuple[str, ...] = ("EV-1",)) -> Decision:
    # A recorded decision as reasoning returns it: the log stores records, it never decides.
    return Decision(
        merchant_id=merchant_id, decision="approve_uplift", base_limit_cny=100_000.0,
        uplift_cny=new_limit - 100_000.0, new_limit_cny=new_limit, confidence=0.8,
        reasons=(Reason("R-FREIGHT-ASSETS", "raise", "货车资产支持提额", "Truck assets support an uplift", True,
                        50_000.0, evidence),
                 Reason("R-FOOD-LICENCE", "ask", "缺少食品经营许可证", "No food licence", False)),
        evidence_used=evidence,
        next_best_evidence=(NextEvidence("freight_contract", 20_000.0, "上传运输合同", "Upload a freight contract"),),
        review=False, review_reasons=(), ontology_version="v1", model_version="m1", as_of="2026-06-30")


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    audit = AuditLog(tmp_path / "audit.sqlite")
    for i, merchant in enumerate(["M1", "M2", "M1"]):
        audit.append(_decision(merchant, 150_000.0 + i), trigger="evidence_upload", actor_key_id="k1")
    return audit


def test_every_decision_is_kept_with_its_evidence_versions_and_reasons(log: AuditLog) -> None:
    history = log.history("M1")
    assert [e.decision.new_limit_cny for e in history] == [150_002.0, 150_000.0]  # newest first
    assert log.latest("M1").decision == _decision("M1", 150_002.0)  # round-trips exactly
    row = sqlite3.connect(log.path).execute(
        "SELECT evidence_ids, ontology_version, model_version, reason_codes FROM audit_log WHERE seq = 1").fetchone()
    assert row == ('["EV-1"]', "v1", "m1", '["R-FREIGHT-ASSETS"]')  # only rules that fired are reason codes


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET new_limit_cny = 9e9 WHERE seq = 1",
                                       "DELETE FROM audit_log WHERE seq = 2"])
def test_rows_cannot_be_changed_or_removed(log: AuditLog, statement: str) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        sqlite3.connect(log.path).execute(statement)
    assert log.verify().rows == 3


def test_the_chain_verifies(log: AuditLog) -> None:
    check = log.verify()
    assert (check.ok, check.rows, check.first_bad_seq) == (True, 3, None)


def _tamper(path: Path, *statements: str) -> None:
    """What someone with the file could do: drop the guards and edit."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_an_edited_row_is_detected(log: AuditLog) -> None:
    _tamper(log.path, "UPDATE audit_log SET new_limit_cny = 900000.0 WHERE seq = 2")
    check = log.verify()
    assert (check.ok, check.first_bad_seq, check.problem) == (False, 2, "content does not match its hash")


def test_a_deleted_row_is_detected(log: AuditLog) -> None:
    _tamper(log.path, "DELETE FROM audit_log WHERE seq = 2")
    check = log.verify()
    assert (check.ok, check.first_bad_seq) == (False, 3)


def test_a_row_rehashed_after_editing_still_breaks_the_next_link(log: AuditLog) -> None:
    conn = sqlite3.connect(log.path)
    row = conn.execute("SELECT prev_hash FROM audit_log WHERE seq = 1").fetchone()
    _tamper(log.path, "UPDATE audit_log SET new_limit_cny = 900000.0, row_hash = 'f' || substr(row_hash, 2) "
                      "WHERE seq = 1")
    assert row is not None
    check = log.verify()
    assert not check.ok and check.first_bad_seq == 1
