"""Merchants read from the graph once, in the three views reasoning needs: subgraph, facts, features."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from neo4j import Driver

from graph.records import Subgraph
from graph.schema.model import REL_TYPES as REL_TYPES_ALL
from ontology.rules.merchant_facts import MerchantFacts
from reasoning.facts_view import merchant_facts
from reasoning.features import FeatureRow, merchant_features
from reasoning.subgraph.batch import read_subgraphs

# Every fact of the merchant's own is one hop away (HOLDS, SELLER_OF, HAS_CASHFLOW, OWNS, …), and so are
# its counterparties and industry. Two hops is not affordable per decision: hub suppliers trade with
# hundreds of merchants, so a 2-hop read returned 765-861 nodes (0.2-0.3 s) on the demo world.
HOPS = 1
# SUPPORTS is left out: evidence is reached by SUBMITTED and facts directly, and following SUPPORTS
# from a counterparty would pull in every other merchant's evidence about it.
REL_TYPES: tuple[str, ...] = tuple(t for t in REL_TYPES_ALL if t != "SUPPORTS")


@dataclass(frozen=True, slots=True)
class MerchantView:
    subgraph: Subgraph
    facts: MerchantFacts
    features: FeatureRow


def view_of(sub: Subgraph, *, as_of: date, industries: tuple[str, ...]) -> MerchantView:
    facts = merchant_facts(sub, as_of=as_of)
    return MerchantView(sub, facts, merchant_features(facts, industries))


def read_views(driver: Driver, merchant_ids: Sequence[str], *, as_of: date, industries: tuple[str, ...],
               database: str = "neo4j", progress: Callable[[int], None] | None = None) -> list[MerchantView]:
    """One Cypher round trip per batch of merchants (see ``reasoning.subgraph.batch``)."""
    return [view_of(sub, as_of=as_of, industries=industries)
            for sub in read_subgraphs(driver, merchant_ids, hops=HOPS, as_of=as_of, rel_types=REL_TYPES, database=database,
                                      progress=progress)]
