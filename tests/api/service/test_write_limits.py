"""Guard rails for writes: a per-key token bucket (429 with Retry-After past it) and an explicit flag
for bulk re-scoring. A normal client, and every other key, is unaffected."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.service.app import create_app
from api.service.settings import ServiceSettings
from api.service.write_limits import WriteLimited, WriteLimiter
from seed_data.world.records import World
from tests.api.service.conftest import Keys

CONSENT = {"scope": "business_documents", "purpose": "credit_limit_review"}


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_its_burst_then_refills_at_its_rate() -> None:
    clock = _Clock()
    limiter = WriteLimiter(burst=3, rate_per_s=0.5, clock=clock)
    for _ in range(3):
        limiter.take("k1")
    with pytest.raises(WriteLimited) as refused:
        limiter.take("k1")
    assert refused.value.retry_after_s == 2  # one write regained every 2 s
    limiter.take("k2")  # another key has its own bucket
    clock.now = 2.0
    limiter.take("k1")
    with pytest.raises(WriteLimited):
        limiter.take("k1")
    clock.now = 1000.0  # a long pause refills to the burst, never beyond
    for _ in range(3):
        limiter.take("k1")
    with pytest.raises(WriteLimited):
        limiter.take("k1")


@pytest.fixture
def tight_client(settings: ServiceSettings, loaded: World) -> Iterator[TestClient]:
    with TestClient(create_app(settings.with_(write_burst=5, write_rate_per_s=0.2))) as test_client:
        yield test_client


def test_a_burst_of_writes_beyond_the_limit_gets_429_and_other_keys_and_reads_go_on(
        tight_client: TestClient, keys: Keys) -> None:
    own = f"/merchants/{keys.own_merchant}/consents"
    statuses = [tight_client.post(own, headers=keys.headers["merchant"], json=CONSENT) for _ in range(8)]
    assert [r.status_code for r in statuses] == [201] * 5 + [429] * 3
    refused = statuses[-1]
    assert set(refused.json()) == {"detail"} and "too many writes" in refused.json()["detail"]
    assert int(refused.headers["Retry-After"]) == 5  # 0.2 writes per second
    assert len(tight_client.get(own, headers=keys.headers["merchant"]).json()) == 5  # refused ones wrote nothing
    # Reads are not writes; another merchant's key has its own bucket.
    assert tight_client.get(f"/merchants/{keys.own_merchant}", headers=keys.headers["merchant"]).status_code == 200
    other = tight_client.post(f"/merchants/{keys.other_merchant}/consents", headers=keys.other_merchant_headers,
                              json=CONSENT)
    assert other.status_code == 201
    # A recompute is a write too (it records a decision), counted against the service key's own bucket.
    recompute = f"/merchants/{keys.own_merchant}/decision?recompute=true"
    codes = [tight_client.get(recompute, headers=keys.headers["service"]).status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]


def test_a_normal_client_is_not_limited_by_the_defaults(client: TestClient, keys: Keys) -> None:
    own = f"/merchants/{keys.own_merchant}"
    for _ in range(10):  # a merchant granting, reading and withdrawing as the web page does
        granted = client.post(f"{own}/consents", headers=keys.headers["merchant"], json=CONSENT)
        assert granted.status_code == 201, granted.text
        assert client.get(f"{own}/consents", headers=keys.headers["merchant"]).status_code == 200
        withdrawn = client.delete(f"{own}/consents/{granted.json()['consent_id']}", headers=keys.headers["merchant"])
        assert withdrawn.status_code == 200, withdrawn.text


def test_recomputing_several_merchants_needs_the_bulk_flag(client: TestClient, keys: Keys, loaded: World) -> None:
    ids = [m.merchant_id for m in loaded.merchants[:3]]
    service = keys.headers["service"]
    history = f"/merchants/{ids[0]}/decisions"
    before = len(client.get(history, headers=service).json()["decisions"])
    refused = client.post("/decisions/batch", headers=service, json={"merchant_ids": ids, "recompute": True})
    assert refused.status_code == 422 and "confirm_bulk" in refused.json()["detail"]
    assert len(client.get(history, headers=service).json()["decisions"]) == before  # nothing was re-decided
    one = client.post("/decisions/batch", headers=service, json={"merchant_ids": ids[:1], "recompute": True})
    assert one.status_code == 200  # a single merchant is not bulk
    confirmed = client.post("/decisions/batch", headers=service,
                            json={"merchant_ids": ids, "recompute": True, "confirm_bulk": True})
    assert confirmed.status_code == 200
    assert all(item["decision"]["trigger"] == "batch" for item in confirmed.json()["items"])
    reads = client.post("/decisions/batch", headers=service, json={"merchant_ids": ids})  # reading is not bulk writing
    assert reads.status_code == 200
