"""Load what a bank already knows about a seed world's merchants (他证) into the graph.

Only registration-level data goes in: merchants, their owners (resident ids masked), industries with
their input-output links, regions, and the counterparties as registered enterprises. A merchant's
trade, assets and cash flows are the seed world's hidden truth: they enter the graph only through
evidence the merchant submits, never from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from neo4j import Driver

from extractors.facts import NodeFact, NodeRef, Provenance, RelationshipFact
from extractors.fields.records import mask_resident_id
from graph.store import upsert_nodes, upsert_relationships
from seed_data.industries.io_links import industry_links
from seed_data.world.records import World


@dataclass(frozen=True, slots=True)
class LoadSummary:
    merchants: int
    enterprises: int
    industries: int
    nodes: int
    relationships: int


REGISTRY_PREFIX = "registry:"


def world_facts(world: World) -> tuple[list[NodeFact], list[RelationshipFact]]:
    observed = datetime(world.as_of.year, world.as_of.month, world.as_of.day, tzinfo=timezone.utc)
    registry = Provenance(f"{REGISTRY_PREFIX}seed-{world.seed}", 1.0, observed, "api.demo.world_loader", "1")
    ontology = Provenance(f"industry-io:seed-{world.seed}", 1.0, observed, "seed_data.industries", "1")
    ours = {i.code for i in world.industries}
    nodes: list[NodeFact] = [
        NodeFact("Industry", i.code, ontology, {"name": i.name_zh, "name_en": i.name_en, "division": i.division,
                                                "cash_cycle_days": i.cash_cycle_days})
        for i in world.industries]
    rels: list[RelationshipFact] = []
    for code, links in industry_links().items():
        for link in links:
            if link.direction == "upstream" and link.party_industry_code in ours and link.party_industry_code != code:
                rels.append(RelationshipFact("UPSTREAM_OF", NodeRef("Industry", link.party_industry_code),
                                             NodeRef("Industry", code), world.as_of.replace(year=2020, month=1, day=1),
                                             ontology, properties={"coefficient": link.coefficient}))
    regions = sorted({m.region_code for m in world.merchants} | {p.region_code for p in world.parties})
    nodes += [NodeFact("Region", code, registry) for code in regions]
    for p in world.parties:
        # The registry key (USCC) is the id: documents print it, so extracted facts land on this node.
        nodes.append(NodeFact("Enterprise", p.uscc, registry, {"name": p.name, "uscc": p.uscc,
                                                               "seed_party_id": p.party_id}))
        rels.append(RelationshipFact("LOCATED_IN", NodeRef("Enterprise", p.uscc), NodeRef("Region", p.region_code),
                                     world.as_of, registry))
    for m in world.merchants:
        ref = NodeRef("Merchant", m.merchant_id)
        person = f"P-{m.merchant_id}"
        nodes.append(NodeFact("Merchant", m.merchant_id, registry, {
            "name": m.name, "uscc": m.uscc, "legal_form": m.legal_form, "founded": m.founded, "address": m.address,
            "registered_capital_cny": m.registered_capital_cny, "base_limit_cny": m.others.base_limit_cny,
            "bureau_score": m.others.bureau_score, "overdue_count_24m": m.others.overdue_count_24m}))
        nodes.append(NodeFact("Person", person, registry, {"name": m.owner.name,
                                                           "resident_id_masked": mask_resident_id(m.owner.resident_id)}))
        rels += [RelationshipFact("OWNED_BY", ref, NodeRef("Person", person), m.founded, registry),
                 RelationshipFact("IN_INDUSTRY", ref, NodeRef("Industry", m.industry_code), m.founded, registry),
                 RelationshipFact("LOCATED_IN", ref, NodeRef("Region", m.region_code), m.founded, registry)]
    return nodes, rels


def load_world(driver: Driver, world: World, *, database: str = "neo4j") -> LoadSummary:
    """Idempotent: loading the same world twice leaves the same graph."""
    nodes, rels = world_facts(world)
    # Registry records are marked as such: uploads then claim against them but never overwrite them.
    for registry in (False, True):
        upsert_nodes(driver, [n for n in nodes if n.provenance.evidence_id.startswith(REGISTRY_PREFIX) == registry],
                     database=database, registry=registry)
    upsert_relationships(driver, rels, database=database)
    return LoadSummary(len(world.merchants), len(world.parties), len(world.industries), len(nodes), len(rels))
