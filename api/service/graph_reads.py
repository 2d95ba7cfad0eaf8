"""The few graph reads and writes the service makes itself, as parameterised transaction functions.

Labels and relationship types are literals from the graph model (Merchant, Evidence, SUBMITTED,
SUPPORTS); every value is a parameter. These belong in ``graph/store`` in the long run.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from neo4j import Driver

from extractors.facts import NodeFact, NodeRef, Provenance, RelationshipFact
from graph.store import MissingEndpoint, upsert_nodes, upsert_relationships

_MERCHANT = """
MATCH (m:Merchant {id: $merchant_id})
OPTIONAL MATCH (m)-[:IN_INDUSTRY]->(i:Industry)
OPTIONAL MATCH (m)-[:LOCATED_IN]->(r:Region)
RETURN m.id AS id, m.name AS name, m.uscc AS uscc, m.legal_form AS legal_form, m.base_limit_cny AS base_limit_cny,
       head(collect(DISTINCT i.id)) AS industry_code, head(collect(DISTINCT r.id)) AS region_code
"""
_MERCHANT_IDS = "MATCH (m:Merchant) WHERE m.id > $after RETURN m.id AS id ORDER BY m.id LIMIT $limit"
_EVIDENCE = """
MATCH (m:Merchant {id: $merchant_id})-[:SUBMITTED]->(e:Evidence)
WHERE $evidence_id IS NULL OR e.id = $evidence_id
OPTIONAL MATCH (e)-[:SUPPORTS]->(f)
RETURN e.id AS id, e.doc_type AS doc_type, e.status AS status, e.authenticity AS authenticity,
       e.reasons AS reasons, e.sha256 AS sha256, e.submitted_at AS submitted_at,
       e.consent_scope AS consent_scope, e.consent_purpose AS consent_purpose,
       count(f) AS facts_supported
ORDER BY e.submitted_at, e.id
"""
_EXISTING = """
UNWIND $refs AS ref
OPTIONAL MATCH (i:Industry {id: ref.id}) WHERE ref.label = 'Industry'
OPTIONAL MATCH (r:Region {id: ref.id}) WHERE ref.label = 'Region'
RETURN ref.label AS label, ref.id AS id, coalesce(i, r) IS NOT NULL AS found
"""


@dataclass(frozen=True, slots=True)
class MerchantRow:
    merchant_id: str
    name: str | None
    uscc: str | None
    legal_form: str | None
    base_limit_cny: float | None
    industry_code: str | None
    region_code: str | None


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    evidence_id: str
    doc_type: str | None
    status: str | None
    authenticity: float | None
    reasons: tuple[str, ...]
    sha256: str | None
    submitted_at: datetime | None
    consent_scope: str | None
    consent_purpose: str | None
    facts_supported: int


def _native_time(value: object) -> datetime | None:
    return None if value is None else value.to_native()


def merchant(driver: Driver, merchant_id: str, *, database: str = "neo4j") -> MerchantRow | None:
    records, _, _ = driver.execute_query(_MERCHANT, merchant_id=merchant_id, database_=database, routing_="r")
    if not records:
        return None
    r = records[0]
    return MerchantRow(r["id"], r["name"], r["uscc"], r["legal_form"], r["base_limit_cny"], r["industry_code"],
                       r["region_code"])


def merchant_ids(driver: Driver, *, after: str = "", limit: int = 100, database: str = "neo4j") -> list[str]:
    records, _, _ = driver.execute_query(_MERCHANT_IDS, after=after, limit=limit, database_=database, routing_="r")
    return [r["id"] for r in records]


def evidence(driver: Driver, merchant_id: str, *, evidence_id: str | None = None,
             database: str = "neo4j") -> list[EvidenceRow]:
    records, _, _ = driver.execute_query(_EVIDENCE, merchant_id=merchant_id, evidence_id=evidence_id,
                                         database_=database, routing_="r")
    return [EvidenceRow(r["id"], r["doc_type"], r["status"], r["authenticity"], tuple(r["reasons"] or ()),
                        r["sha256"], _native_time(r["submitted_at"]), r["consent_scope"], r["consent_purpose"],
                        r["facts_supported"]) for r in records]


def warm(driver: Driver, *, database: str = "neo4j") -> None:
    """Raise unless the database answers; then run each read the routes use once, for no merchant.

    The breaker's probe while Neo4j is down: a restarted server accepts Bolt seconds before its
    database answers, and plans and compiles each query on first use (seconds on a cold JVM), so the
    first requests let back in would wait for that; here the probe waits instead.
    """
    driver.execute_query("RETURN 1", database_=database, routing_="r")
    merchant(driver, "", database=database)
    merchant_ids(driver, limit=1, database=database)
    evidence(driver, "", database=database)


def register_merchant(driver: Driver, *, merchant_id: str, name: str, uscc: str | None, legal_form: str | None,
                      base_limit_cny: float, industry_code: str, region_code: str, valid_from: date,
                      database: str = "neo4j") -> None:
    """Onboarding data (他证) a service registers; industry and region must already be in the graph.

    ``valid_from`` is the service's business day (``docs/decisions.md``): a decision taken for that day
    must see the merchant's industry and region, or the merchant is unscoreable until the day passes.
    """
    wanted = [{"label": "Industry", "id": industry_code}, {"label": "Region", "id": region_code}]
    records, _, _ = driver.execute_query(_EXISTING, refs=wanted, database_=database, routing_="r")
    missing = [f"{r['label']} {r['id']!r}" for r in records if not r["found"]]
    if missing:  # checked first, so a bad code writes nothing at all
        raise MissingEndpoint(f"{' and '.join(missing)} not in the graph; load the industry graph first")
    now = datetime.now(timezone.utc)
    source = Provenance(f"onboarding:{merchant_id}", 1.0, now, "api.service", "1")
    props = {"name": name, "uscc": uscc, "legal_form": legal_form, "base_limit_cny": float(base_limit_cny)}
    upsert_nodes(driver, [NodeFact("Merchant", merchant_id, source, props)], database=database)
    ref = NodeRef("Merchant", merchant_id)
    upsert_relationships(driver, [
        RelationshipFact("IN_INDUSTRY", ref, NodeRef("Industry", industry_code), valid_from, source),
        RelationshipFact("LOCATED_IN", ref, NodeRef("Region", region_code), valid_from, source)], database=database)
