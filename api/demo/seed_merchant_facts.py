"""MerchantFacts for seed-world merchants, straight from the perfect reader's facts, without a graph.

Each evidence item becomes what ``api.demo.truth_facts`` would write for it (the facts its document
prints, and its verification), and the facts linked to the merchant become items as
``reasoning.facts_view`` reads them from the graph: one reading of every document type, for the
graph loader and for this. Used by `bailing ontology diff`, the ontology tests and the rules
benchmark: a seed world stands in for a bank's merchants when experts measure a rule change.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from api.demo.truth_facts import truth_facts
from ontology.rules.merchant_facts import EvidenceSummary, FactItem, MerchantFacts
from reasoning.facts_view import FACT_RELATIONS
from seed_data.world.generator import generate_world
from seed_data.world.records import Merchant, World


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def merchant_facts(world: World, m: Merchant) -> MerchantFacts:
    evidence: list[EvidenceSummary] = []
    nodes: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    node_support: dict[tuple[str, str], set[str]] = defaultdict(set)
    links: dict[tuple[str, str, str, str], tuple[Any, set[str]]] = {}
    for item in m.evidence:
        bundle = truth_facts(world, m, item)
        record = bundle.evidence
        props = record.properties
        evidence.append(EvidenceSummary(record.evidence_id, record.doc_type, record.status,
                                        float(props.get("authenticity", 0.0)), tuple(props.get("reasons", ())),
                                        props.get("photo_class")))
        for node in bundle.nodes:
            nodes[(node.label, node.id)].update(node.properties)
            node_support[(node.label, node.id)].add(record.evidence_id)
        for rel in bundle.relationships:
            if rel.start.id != m.merchant_id or rel.type not in FACT_RELATIONS:
                continue
            key = (rel.type, rel.end.label, rel.end.id, rel.key)
            first, support = links.get(key, (rel, set()))
            links[key] = (first, support | {record.evidence_id})
    items = []
    for (relation, label, node_id, role), (rel, support) in sorted(links.items()):
        properties = dict(nodes[(label, node_id)])
        properties.update({f"rel_{k}": v for k, v in rel.properties.items()})
        items.append(FactItem(label, node_id, relation, properties,
                              tuple(sorted(support | node_support[(label, node_id)])), True, role=role,
                              valid_from=_day(rel.valid_from), valid_to=_day(rel.valid_to)))
    return MerchantFacts(m.merchant_id, m.industry_code, world.as_of, float(m.others.base_limit_cny),
                         {"legal_form": m.legal_form, "uscc": m.uscc, "bureau_score": m.others.bureau_score,
                          "overdue_count_24m": m.others.overdue_count_24m,
                          "name": m.name, "founded": m.founded,
                          "registered_capital_cny": m.registered_capital_cny},
                         tuple(items), tuple(evidence))


def seed_merchant_facts(size: str = "tiny", seed: int = 0) -> list[MerchantFacts]:
    world = generate_world(seed, size)
    return [merchant_facts(world, m) for m in world.merchants]
