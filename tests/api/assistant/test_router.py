"""The assistant over HTTP, on the real service: talk, hear about an upload, and resume after a restart."""
from __future__ import annotations

import httpx
import pytest

from seed_data.render import render_evidence
from seed_data.world.generator import generate_world
from tests.api.service.upload_client import upload


@pytest.fixture
def world():
    return generate_world(0, "tiny")


def _freight(world):
    return next(m for m in world.merchants if m.industry_code == "5431" and not m.fraud_kinds)


def test_conversation_resumes_after_a_restart_and_uploads_are_answered(neo4j_server, model_dir, driver, world,
                                                                     tmp_path):
    from tests.api.web.live_service import live_service  # the whole service: fails here if a part is missing

    merchant = _freight(world)
    home = tmp_path / "api-home"
    with live_service(neo4j_server, driver, world, home, model_dir) as service:
        key = service.merchant_key(merchant.merchant_id)
        auth = {"Authorization": f"Bearer {key}"}
        url = f"{service.base_url}/assistant/{merchant.merchant_id}/messages"
        out = httpx.post(url, json={"text": "你好，我是跑运输的，有两台重卡，月流水大概二十万"}, headers=auth,
                         timeout=60).json()
        assert "tell_assets" in out["understood"]["intents"]
        assert out["understood"]["assets"][0] == {"asset_class": "heavy_truck", "count": 2, "negated": False,
                                                  "text": "重卡"}
        assert "2台重型货车" in out["reply"]["text"]
        assert out["limit_cny"] == merchant.others.base_limit_cny

        # Another merchant's key may not read this conversation.
        other = next(m for m in world.merchants if m.merchant_id != merchant.merchant_id)
        stranger = {"Authorization": f"Bearer {service.merchant_key(other.merchant_id)}"}
        assert httpx.get(url, headers=stranger, timeout=30).status_code == 403

        truck = next(i for i in merchant.evidence if i.doc_type == "photo" and i.photo_class == "heavy_truck")
        path = render_evidence(world, merchant, truck, tmp_path / "evidence")
        consent = httpx.post(f"{service.base_url}/merchants/{merchant.merchant_id}/consents", headers=auth,
                             json={"scope": "business_documents", "purpose": "credit_limit_review"}, timeout=30).json()
        with path.open("rb") as f:
            _, uploaded = upload(httpx, f"{service.base_url}/merchants/{merchant.merchant_id}/evidence",
                                 headers=auth, base=service.base_url, data={"consent_id": consent["consent_id"]},
                                 files={"file": (path.name, f)}, timeout_s=300)
        evidence_id = uploaded["evidence"][0]["evidence_id"]
        said = httpx.post(f"{service.base_url}/assistant/{merchant.merchant_id}/uploads/{evidence_id}",
                          headers=auth, timeout=60).json()
        assert said["reply"]["text"].startswith(("已识别", "这份"))
        missing = httpx.post(f"{service.base_url}/assistant/{merchant.merchant_id}/uploads/nope", headers=auth,
                             timeout=30)
        assert missing.status_code == 404

    with live_service(neo4j_server, driver, world, home, model_dir) as restarted:
        history = httpx.get(f"{restarted.base_url}/assistant/{merchant.merchant_id}/messages", headers=auth,
                            timeout=30).json()
        assert [t["role"] for t in history] == ["merchant", "assistant", "assistant"]
        assert history[0]["text"].startswith("你好，我是跑运输的")
        again = httpx.post(f"{restarted.base_url}/assistant/{merchant.merchant_id}/messages", headers=auth,
                           json={"text": "额度多少"}, timeout=60).json()
        assert again["reply"]["seq"] == 5
