"""Impact of a rule-set change: which merchants' rule outcomes change, and by how much.

Rule-level only (capacity raised, tightest cap, factors, flags, asks): how effects become a limit is the
decision policy's job, so the caller adds decision-level impact when it has a policy.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ontology.rules.merchant_facts import MerchantFacts
from ontology.rules.outcome import RuleOutcome
from ontology.rules.ruleset import RuleSet


@dataclass(frozen=True, slots=True)
class OutcomeSummary:
    raised_cny: float
    cap_cny: float | None
    factor: float
    flags: frozenset[str]
    asks: frozenset[str]

    @classmethod
    def of(cls, outcome: RuleOutcome) -> OutcomeSummary:
        caps = [f.amount_cny for f in outcome.fired("cap") if f.amount_cny is not None]
        factor = 1.0
        for f in outcome.fired():
            if f.factor is not None and f.effect in ("raise", "lower"):
                factor *= f.factor
        return cls(sum(f.amount_cny or 0 for f in outcome.fired("raise")), min(caps) if caps else None,
                   round(factor, 4), frozenset(f.rule_id for f in outcome.fired("flag")),
                   frozenset(f.asks_for or "" for f in outcome.fired("ask")))


@dataclass(frozen=True, slots=True)
class MerchantChange:
    merchant_id: str
    old: OutcomeSummary
    new: OutcomeSummary
    rules_changed: tuple[str, ...]    # rules whose firing or amount differs

    @property
    def raised_delta_cny(self) -> float:
        return self.new.raised_cny - self.old.raised_cny


@dataclass(frozen=True, slots=True)
class RuleSetDiff:
    old_version: str
    new_version: str
    merchants: int
    changes: tuple[MerchantChange, ...]
    added_rules: tuple[str, ...]
    removed_rules: tuple[str, ...]


def _key(outcome: RuleOutcome) -> dict[str, tuple]:
    return {f.rule_id: (f.fired, f.effect, f.amount_cny and round(f.amount_cny, 2), f.factor, f.asks_for)
            for f in outcome.firings}


def diff_rulesets(old: RuleSet, new: RuleSet, merchants: Iterable[MerchantFacts]) -> RuleSetDiff:
    changes, count = [], 0
    for facts in merchants:
        count += 1
        a, b = old.evaluate(facts), new.evaluate(facts)
        ka, kb = _key(a), _key(b)
        changed = tuple(sorted(r for r in ka.keys() | kb.keys() if ka.get(r) != kb.get(r)
                               and (ka.get(r, (False,))[0] or kb.get(r, (False,))[0])))
        if changed:
            changes.append(MerchantChange(facts.merchant_id, OutcomeSummary.of(a), OutcomeSummary.of(b), changed))
    old_ids, new_ids = {r.id for r in old.rules}, {r.id for r in new.rules}
    return RuleSetDiff(old.version, new.version, count, tuple(changes), tuple(sorted(new_ids - old_ids)),
                       tuple(sorted(old_ids - new_ids)))
