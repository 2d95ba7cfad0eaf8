"""Materialise the ontology's industry graph into Neo4j, next to the merchants, for analysts.

Industries (the GB/T 4754 hierarchy as ``SUBCLASS_OF``, cycles as properties), asset classes,
evidence types, ``TYPICALLY_OWNS``, ``REQUIRES`` and ``UPSTREAM_OF`` (key = IO sector, so two links
between the same classes through different sectors stay apart). Idempotent: the store MERGEs.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from neo4j import Driver

from extractors.facts import NodeFact, NodeRef, Provenance, RelationshipFact
from graph.store import upsert_nodes, upsert_relationships
from ontology.knowledge import IndustryKnowledge

_SINCE = date(2017, 10, 1)  # GB/T 4754-2017 took effect


@dataclass(frozen=True, slots=True)
class SyncSummary:
    industries: int
    asset_classes: int
    evidence_types: int
    relationships: int


def _props(values: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in values.items() if v is not None and v != () and v != []}


def industry_facts(k: IndustryKnowledge) -> tuple[list[NodeFact], list[RelationshipFact]]:
    prov = Provenance("ontology:bailing.owl", 1.0, datetime(2026, 1, 1, tzinfo=timezone.utc), "graph.industry_sync", "1")
    nodes: list[NodeFact] = []
    rels: list[RelationshipFact] = []
    for i in k.industries.values():
        nodes.append(NodeFact("Industry", i.code, prov, _props({
            "name": i.name_zh, "name_en": i.name_en, "level": i.level, "division": i.code[:2] if i.level >= 2 else None,
            "seasonality": list(i.seasonality), "peak_months": list(i.peak_months),
            "cash_cycle_days": i.cash_cycle_days, "gross_margin_low": i.gross_margin and i.gross_margin[0],
            "gross_margin_high": i.gross_margin and i.gross_margin[1], "io_sector": i.io_sector or None})))
        if len(i.ancestors) > 1:
            rels.append(RelationshipFact("SUBCLASS_OF", NodeRef("Industry", i.code), NodeRef("Industry", i.ancestors[1]),
                                         _SINCE, prov))
        rels += [RelationshipFact("TYPICALLY_OWNS", NodeRef("Industry", i.code), NodeRef("AssetClass", a), _SINCE, prov,
                                  properties={"haircut": k.haircut(a, i.code)}) for a in i.typical_assets]
        if i.modelled:
            rels += [RelationshipFact("REQUIRES", NodeRef("Industry", i.code), NodeRef("EvidenceType", t), _SINCE, prov)
                     for t in i.required_licences]
    for a in k.asset_classes.values():
        nodes.append(NodeFact("AssetClass", a.code, prov, {
            "name": a.name_zh, "name_en": a.name_en, "classes": list(a.ancestors), "value_low_cny": a.value_range_cny[0],
            "value_high_cny": a.value_range_cny[1], "depreciation_per_year": a.depreciation_per_year,
            "haircut": a.haircut, "vehicle": a.vehicle, "photo_class": a.photo_class}))
    for e in k.evidence_types.values():
        nodes.append(NodeFact("EvidenceType", e.code, prov, {"name": e.name_zh, "name_en": e.name_en,
                                                              "proves": e.proves, "fact_labels": list(e.fact_labels),
                                                              "licence": e.licence}))
    rels += [RelationshipFact("UPSTREAM_OF", NodeRef("Industry", l.supplier), NodeRef("Industry", l.buyer), _SINCE, prov,
                              key=l.io_sector, properties={"coefficient": l.coefficient, "basis": l.basis})
             for l in k.links]
    return nodes, rels


def sync_industry_graph(driver: Driver, knowledge: IndustryKnowledge, *, database: str = "neo4j") -> SyncSummary:
    nodes, rels = industry_facts(knowledge)
    upsert_nodes(driver, nodes, database=database)
    upsert_relationships(driver, rels, database=database)
    return SyncSummary(len(knowledge.industries), len(knowledge.asset_classes), len(knowledge.evidence_types), len(rels))
