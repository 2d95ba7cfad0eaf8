"""One piece of evidence in, or out, of the graph: one transaction each.

Writing: the Evidence node, ``(Merchant)-[:SUBMITTED]->(Evidence)``, every fact node with a
``(Evidence)-[:SUPPORTS]->`` edge, every fact relationship, all in one transaction. Re-writing the same
evidence first withdraws its old support inside that transaction, so a re-extraction that proves less
leaves nothing stale behind.

Withdrawing: each fact loses this evidence's provenance entry; a fact left with no support is deleted,
one still supported by other evidence stays (minus that support).

Registered records (``registered_keys``, written by the registry) are never changed by an upload: its
differing values are claims on its SUPPORTS edge, so they go when the evidence goes. Relationships this evidence supports
are listed on the Evidence node (``rel_uids``) so they are found by index, not by scanning the graph.
"""
from __future__ import annotations

from collections import defaultdict
from neo4j import Driver, ManagedTransaction

from extractors.facts import EvidenceFacts, NodeRef
from graph.records import WithdrawalReport
from graph.store import cypher
from graph.store.properties import PropertyRejected, check_id, clean_properties
from graph.store.writes import (MissingEndpoint, merge_node_rows, merge_relationship_rows, node_rows,
                                provenance_parameter, relationship_rows, relationship_uid)

INTAKE_EXTRACTOR = "graph.store.evidence"
INTAKE_VERSION = "1"

_MERGE_EVIDENCE = """
MATCH (m:Merchant {id: $merchant_id})
MERGE (x:Evidence {id: $evidence_id})
SET x += $props
WITH m, x
MERGE (m)-[s:SUBMITTED {uid: $submitted_uid}]->(x)
SET s.valid_from = $submitted_at, s.key = '',
    s.evidence_ids = [$evidence_id], s.prov_confidence = [1.0], s.prov_observed_at = [$submitted_at],
    s.prov_extractor = [$extractor], s.prov_extractor_version = [$version], s.confidence = 1.0,
    x.evidence_ids = [$evidence_id], x.prov_confidence = [1.0], x.prov_observed_at = [$submitted_at],
    x.prov_extractor = [$extractor], x.prov_extractor_version = [$version], x.confidence = 1.0
RETURN count(*) AS written
"""

_REL_UIDS = "MATCH (e:Evidence {id: $evidence_id}) RETURN e.rel_uids AS uids"
_DELETE_EVIDENCE = "MATCH (e:Evidence {id: $evidence_id}) DETACH DELETE e"


def write_evidence_tx(tx: ManagedTransaction, bundle: EvidenceFacts) -> int:
    ev = bundle.evidence
    for fact in (*bundle.nodes, *bundle.relationships):
        if fact.provenance.evidence_id != ev.evidence_id:
            raise PropertyRejected(f"a fact's provenance names {fact.provenance.evidence_id!r}, "
                                   f"not this evidence {ev.evidence_id!r}")
    nodes = node_rows(bundle.nodes)
    rels = relationship_rows(bundle.relationships)
    _withdraw_tx(tx, ev.evidence_id, delete_evidence=False)
    props = clean_properties("Evidence", {
        **ev.properties, "doc_type": ev.doc_type, "sha256": ev.sha256, "status": ev.status,
        "merchant_id": ev.merchant_id, "submitted_at": ev.submitted_at, "consent_scope": ev.consent_scope,
        "consent_purpose": ev.consent_purpose,
        "rel_uids": [f"{r.type}:{relationship_uid(r)}" for r in bundle.relationships]})
    found = tx.run(_MERGE_EVIDENCE, merchant_id=ev.merchant_id, evidence_id=ev.evidence_id, props=props,
                   submitted_uid=f"submitted:{ev.evidence_id}", submitted_at=ev.submitted_at,
                   extractor=INTAKE_EXTRACTOR, version=INTAKE_VERSION).single(strict=True)["written"]
    if not found:
        raise MissingEndpoint(f"Merchant:{ev.merchant_id} does not exist; register the merchant first")
    written = 0
    for (label, provenance), rows in nodes.items():
        written += merge_node_rows(tx, (label, provenance), rows, uploaded=True)
        tx.run(cypher.supports(label), evidence_id=ev.evidence_id, submitted_at=ev.submitted_at,
               extractor=INTAKE_EXTRACTOR, version=INTAKE_VERSION, rows=rows,
               p=provenance_parameter(provenance)).consume()
    for group, rows in rels.items():
        written += merge_relationship_rows(tx, group, rows)
    return written


def write_evidence(driver: Driver, bundle: EvidenceFacts, *, database: str = "neo4j") -> int:
    """Write one evidence and all its facts in one transaction; returns the number of facts written."""
    check_id("Evidence", bundle.evidence.evidence_id)
    if bundle.evidence.submitted_at.tzinfo is None:
        raise PropertyRejected("Evidence.submitted_at must be timezone-aware")
    with driver.session(database=database) as session:
        return session.execute_write(write_evidence_tx, bundle)


def _withdraw_tx(tx: ManagedTransaction, evidence_id: str, *, delete_evidence: bool) -> WithdrawalReport:
    record = tx.run(_REL_UIDS, evidence_id=evidence_id).single()
    if record is None:
        return WithdrawalReport(evidence_id, found=False)
    by_type: dict[str, list[str]] = defaultdict(list)
    for typed_uid in record["uids"] or []:
        rel_type, uid = typed_uid.split(":", 1)
        by_type[rel_type].append(uid)
    rels_deleted, rels_kept = [], []
    for rel_type, uids in by_type.items():
        for row in tx.run(cypher.withdraw_relationships(rel_type), uids=uids, evidence_id=evidence_id):
            (rels_deleted if row["orphan"] else rels_kept).append(row["ref"])
    nodes_deleted, nodes_kept = [], []
    for row in tx.run(cypher.WITHDRAW_NODES, evidence_id=evidence_id):
        (nodes_deleted if row["orphan"] else nodes_kept).append(NodeRef(*row["ref"]))
    if delete_evidence:
        tx.run(_DELETE_EVIDENCE, evidence_id=evidence_id).consume()
    else:
        tx.run("MATCH (:Evidence {id: $evidence_id})-[s:SUPPORTS]->() DELETE s", evidence_id=evidence_id).consume()
    return WithdrawalReport(evidence_id, True, tuple(nodes_deleted), tuple(nodes_kept), tuple(rels_deleted),
                            tuple(rels_kept))


def withdraw_evidence(driver: Driver, evidence_id: str, *, database: str = "neo4j") -> WithdrawalReport:
    """Delete the evidence and exactly the facts that only it supports, in one transaction."""
    with driver.session(database=database) as session:
        return session.execute_write(_withdraw_tx, evidence_id, delete_evidence=True)
