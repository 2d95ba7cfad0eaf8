"""Withdrawing evidence deletes the facts only it supported and re-scores the merchant.

A real upload through the real pipeline (RapidOCR, verification) into the real graph, then a
withdrawal: the facts it added are gone from Neo4j and the recomputed decision no longer uses it.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from extractors.facts import EvidenceFacts, EvidenceRecord
from graph.store import write_evidence
from seed_data.render import render_evidence
from seed_data.world.records import World
from tests.api.service.conftest import Keys
from tests.api.service.upload_client import upload


def _clean_item(world: World, merchant_id: str, doc_types: tuple[str, ...]):
    merchant = next(m for m in world.merchants if m.merchant_id == merchant_id)
    for doc_type in doc_types:
        for item in merchant.evidence:
            if item.doc_type == doc_type and item.fraud_kind is None:
                return merchant, item
    pytest.skip(f"{merchant_id} has no clean {doc_types} evidence in this world")


def _facts_of(driver: Driver, evidence_id: str) -> list[str]:
    records = driver.execute_query("MATCH (:Evidence {id: $id})-[:SUPPORTS]->(f) RETURN labels(f)[0] + ':' + f.id AS ref",
                                   id=evidence_id).records
    return sorted(r["ref"] for r in records)


@pytest.mark.slow
def test_withdrawal_deletes_the_facts_and_recomputes_the_limit(client: TestClient, keys: Keys, loaded: World,
                                                                driver: Driver, tmp_path: Path) -> None:
    merchant, item = _clean_item(loaded, keys.own_merchant, ("vat_special_invoice", "sales_contract", "business_licence"))
    image = render_evidence(loaded, merchant, item, tmp_path)
    base = f"/merchants/{merchant.merchant_id}"
    auth = keys.headers["merchant"]
    before = client.get(f"{base}/decision", headers=auth).json()
    consent = client.post(f"{base}/consents", headers=auth,
                          json={"scope": "business_documents", "purpose": "credit_limit_review"}).json()

    status, uploaded = upload(client, f"{base}/evidence", headers=auth, data={"consent_id": consent["consent_id"]},
                              files={"file": (image.name, image.read_bytes())})
    assert status == 201, uploaded
    (evidence,) = uploaded["evidence"]
    evidence_id = evidence["evidence_id"]
    facts = _facts_of(driver, evidence_id)
    assert facts and evidence["status"] == "verified"  # the document was read: there is something to withdraw
    assert evidence["facts_supported"] == len(facts)
    assert uploaded["decision"]["trigger"] == "evidence_upload"
    listed = client.get(f"{base}/evidence", headers=auth).json()
    assert [e["evidence_id"] for e in listed] == [evidence_id]

    withdrawal = client.delete(f"{base}/evidence/{evidence_id}", headers=auth)
    assert withdrawal.status_code == 200, withdrawal.text
    body = withdrawal.json()
    assert body["withdrawal"]["evidence_id"] == evidence_id
    # every fact it alone supported is gone from the graph
    for ref in body["withdrawal"]["facts_deleted"]:
        if ":" in ref and ref.split(":", 1)[0][:1].isupper():
            label, fact_id = ref.split(":", 1)
            found = driver.execute_query("MATCH (n {id: $id}) WHERE $label IN labels(n) RETURN count(n) AS n",
                                         id=fact_id, label=label).records[0]["n"]
            assert found == 0, ref
    assert driver.execute_query("MATCH (e:Evidence {id: $id}) RETURN count(e) AS n", id=evidence_id).records[0]["n"] == 0
    assert client.get(f"{base}/evidence", headers=auth).json() == []
    # and the merchant was re-scored without it: back where it was before the upload
    after = body["decision"]
    assert after["trigger"] == "withdrawal" and after["audit_seq"] > uploaded["decision"]["audit_seq"]
    assert evidence_id not in after["evidence_used"]
    assert after["new_limit_cny"] == before["new_limit_cny"]
    assert client.get(f"{base}/decision", headers=auth).json()["audit_seq"] == after["audit_seq"]


def test_withdrawing_a_consent_withdraws_the_evidence_given_under_it(client: TestClient, keys: Keys) -> None:
    base = f"/merchants/{keys.own_merchant}"
    consent = client.post(f"{base}/consents", headers=keys.headers["merchant"],
                          json={"scope": "business_documents", "purpose": "credit_limit_review"}).json()
    response = client.delete(f"{base}/consents/{consent['consent_id']}", headers=keys.headers["merchant"])
    assert response.status_code == 200
    assert response.json()["withdrawn_evidence"] == [] and response.json()["decision"] is None


def test_a_merchant_cannot_withdraw_another_merchants_evidence_by_id(client: TestClient, keys: Keys,
                                                                     driver: Driver) -> None:
    theirs = EvidenceRecord("EV-THEIRS", keys.other_merchant, "business_licence", "0" * 64,
                            datetime.now(timezone.utc), "business_documents", "credit_limit_review")
    write_evidence(driver, EvidenceFacts(theirs))
    for path in (f"/merchants/{keys.own_merchant}/evidence/EV-THEIRS",):
        assert client.delete(path, headers=keys.headers["merchant"]).status_code == 404
    assert client.delete(f"/merchants/{keys.other_merchant}/evidence/EV-THEIRS",
                         headers=keys.headers["merchant"]).status_code == 403
    assert driver.execute_query("MATCH (e:Evidence {id: 'EV-THEIRS'}) RETURN count(e) AS n").records[0]["n"] == 1
