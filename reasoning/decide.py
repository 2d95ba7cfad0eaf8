"""``decide(driver, merchant_id)``: the one call the scoring API makes.

One subgraph read (1 hop, typed, one round trip), facts view, features, rules, one batched model call
(estimate + attributions + counterfactuals), policy. The rule set and model are loaded once per
process (the rule set reloads itself when a new version is activated); nothing is cached per
merchant, because new evidence can arrive between two calls.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from functools import cache

from neo4j import Driver

from graph.store import read_subgraph
from ontology import load_active_ruleset
from reasoning.dataset import HOPS, REL_TYPES, view_of
from reasoning.decision import Decision
from reasoning.models.capacity import CapacityModel
from reasoning.registry import load_model
from reasoning.scoring import score_view


@cache
def _default_model() -> CapacityModel:
    return load_model()


def decide(driver: Driver, merchant_id: str, *, as_of: date | None = None, model: CapacityModel | None = None,
           database: str = "neo4j") -> Decision:
    """Decide for ``merchant_id`` as of ``as_of`` (default today, UTC) with ``model`` (default: the
    registry's latest). Raises LookupError for an unknown merchant, ModelNotFound with no model."""
    when = as_of or datetime.now(timezone.utc).date()
    model = model or _default_model()
    sub = read_subgraph(driver, merchant_id, hops=HOPS, as_of=when, rel_types=REL_TYPES, database=database)
    view = view_of(sub, as_of=when, industries=model.industries)
    return score_view(view, model, load_active_ruleset())
