"""Decisions: decided on first read, then served from the audit log until something changes."""
from __future__ import annotations

from dataclasses import replace

from fastapi.testclient import TestClient

from tests.api.service.conftest import Keys


def test_the_first_read_decides_and_later_reads_serve_the_stored_decision(client: TestClient, keys: Keys) -> None:
    url = f"/merchants/{keys.own_merchant}/decision"
    first = client.get(url, headers=keys.headers["merchant"])
    assert first.status_code == 200
    body = first.json()
    assert body["merchant_id"] == keys.own_merchant and body["trigger"] == "first_read"
    assert body["decision"] in ("approve_uplift", "no_change", "decline_review")
    assert body["new_limit_cny"] == body["base_limit_cny"] + body["uplift_cny"]
    assert body["ontology_version"] and body["model_version"]
    again = client.get(url, headers=keys.headers["analyst"]).json()
    assert again == body  # served from the log, not recomputed, and rendered the same way


def test_recompute_records_a_new_decision_in_the_history(client: TestClient, keys: Keys) -> None:
    url = f"/merchants/{keys.own_merchant}"
    first = client.get(f"{url}/decision", headers=keys.headers["service"]).json()
    fresh = client.get(f"{url}/decision?recompute=true", headers=keys.headers["service"]).json()
    assert fresh["audit_seq"] > first["audit_seq"] and fresh["trigger"] == "recompute"
    history = client.get(f"{url}/decisions", headers=keys.headers["merchant"]).json()
    assert [d["audit_seq"] for d in history["decisions"]] == [fresh["audit_seq"], first["audit_seq"]]
    assert history["next_before"] is None


def test_a_decision_taken_under_an_older_rule_set_is_recomputed_on_read(client: TestClient, keys: Keys) -> None:
    audit, scorer = client.app.state.audit, client.app.state.scorer
    current = scorer.current(keys.own_merchant, actor_key_id="test")
    audit.append(replace(current.decision, ontology_version="v0-retired"), trigger="recompute", actor_key_id="test")
    served = client.get(f"/merchants/{keys.own_merchant}/decision", headers=keys.headers["merchant"]).json()
    assert served["trigger"] == "version_change"
    assert served["ontology_version"] == current.decision.ontology_version


def test_an_unknown_merchant_has_no_decision(client: TestClient, keys: Keys) -> None:
    response = client.get("/merchants/NO-SUCH/decision", headers=keys.headers["service"])
    assert response.status_code == 404
    assert "NO-SUCH" in response.json()["detail"]


def test_batch_scores_known_merchants_and_names_unknown_ones(client: TestClient, keys: Keys) -> None:
    ids = [keys.own_merchant, "NO-SUCH", keys.other_merchant]
    items = client.post("/decisions/batch", headers=keys.headers["service"], json={"merchant_ids": ids}).json()["items"]
    assert [i["merchant_id"] for i in items] == ids
    assert [i["decision"] is not None for i in items] == [True, False, True]
    assert "NO-SUCH" in items[1]["error"]


def test_versions_name_the_active_rule_set_and_model(client: TestClient, keys: Keys) -> None:
    versions = client.get("/versions", headers=keys.headers["expert"]).json()
    decision = client.get(f"/merchants/{keys.own_merchant}/decision", headers=keys.headers["expert"]).json()
    assert (versions["ontology_version"], versions["model_version"]) == (decision["ontology_version"],
                                                                         decision["model_version"])


def test_every_decision_served_is_in_the_audit_log_and_the_chain_verifies(client: TestClient, keys: Keys) -> None:
    client.get(f"/merchants/{keys.own_merchant}/decision", headers=keys.headers["merchant"])
    client.post("/decisions/batch", headers=keys.headers["service"],
                json={"merchant_ids": [keys.other_merchant], "recompute": True})
    chain = client.get("/audit/verify", headers=keys.headers["analyst"]).json()
    assert chain == {"ok": True, "rows": 2, "first_bad_seq": None, "problem": ""}
