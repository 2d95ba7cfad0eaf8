"""One merchant's subgraph seen as the rule layer's ``MerchantFacts``.

Only facts linked to the merchant itself become items (its licences, invoices, contracts, cash flows,
assets, shipments, accounts, trade links, tax filings, utility bills, payrolls, receivables and owner); the rest of the neighbourhood (peers, industry chain) is
context for the GNN. A fact is ``verified`` when at least one *verified* Evidence node in the subgraph
supports it: the fact vocabulary keeps verification on evidence, not on facts.
"""
from __future__ import annotations

from datetime import date, datetime

from graph.records import GraphNode, Subgraph
from ontology.rules.merchant_facts import EvidenceSummary, FactItem, MerchantFacts

# Relationship types that link the merchant to a fact of its own, read outward from the merchant.
FACT_RELATIONS: frozenset[str] = frozenset({"HOLDS", "SELLER_OF", "BUYER_OF", "PARTY_TO", "SELLS_TO", "BUYS_FROM",
                                            "HAS_ACCOUNT", "HAS_CASHFLOW", "OWNS", "CARRIED", "FILED", "HAS_UTILITY",
                                            "HAS_PAYROLL", "IS_OWED", "OWNED_BY"})


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _summary(node: GraphNode) -> EvidenceSummary:
    p = node.properties
    return EvidenceSummary(node.id, str(p.get("doc_type", "unknown")), str(p.get("status", "unknown")),
                           float(p.get("authenticity", 0.0) or 0.0), tuple(p.get("reasons", ()) or ()),
                           p.get("photo_class"))


def merchant_facts(sub: Subgraph, *, as_of: date) -> MerchantFacts:
    """Raises LookupError when the subgraph has no Merchant centre or it carries no industry."""
    nodes = {n.ref: n for n in sub.nodes}
    centre = nodes.get(sub.center)
    if centre is None:
        raise LookupError(f"subgraph of {sub.center.id!r} does not contain its merchant")
    evidence = sorted((_summary(n) for n in sub.nodes if n.label == "Evidence"
                       and n.properties.get("merchant_id", sub.center.id) == sub.center.id),
                      key=lambda e: e.evidence_id)
    verified = {e.evidence_id for e in evidence if e.status == "verified"}
    industry = next((r.end.id for r in sub.relationships if r.start == sub.center and r.type == "IN_INDUSTRY"), None)
    if industry is None:
        raise LookupError(f"merchant {sub.center.id!r} has no IN_INDUSTRY relationship")
    items = []
    for rel in sorted(sub.relationships, key=lambda r: (r.type, r.end.id, r.key, str(r.valid_from))):
        if rel.start != sub.center or rel.type not in FACT_RELATIONS or rel.end not in nodes:
            continue
        node = nodes[rel.end]
        props = dict(node.properties)
        props.update({f"rel_{k}": v for k, v in rel.properties.items()})
        support = tuple(sorted(set(node.evidence_ids) | set(rel.evidence_ids)))
        items.append(FactItem(node.label, node.id, rel.type, props, support,
                              verified=any(e in verified for e in support), role=rel.key,
                              valid_from=_day(rel.valid_from), valid_to=_day(rel.valid_to)))
    base = float(centre.properties.get("base_limit_cny", 0.0) or 0.0)
    return MerchantFacts(sub.center.id, industry, as_of, base, dict(centre.properties), tuple(items), tuple(evidence))
