"""What evaluating a rule set over one merchant returns. How effects combine into a limit is the
decision policy's job (``reasoning``); rules only say what fired, why, and by how much."""
from __future__ import annotations

from dataclasses import dataclass

EFFECTS: tuple[str, ...] = ("raise", "cap", "lower", "flag", "ask")


@dataclass(frozen=True, slots=True)
class RuleFiring:
    rule_id: str
    effect: str                        # one of EFFECTS
    fired: bool                        # evaluated rules that did not fire are reported too
    text_zh: str                       # the rule's sentence, with figures filled in when it fired
    text_en: str
    amount_cny: float | None = None    # raise: capacity added; cap: the ceiling; lower: amount taken off
    factor: float | None = None        # lower/raise by a factor (e.g. peak-season 1.2), when the rule says so
    evidence_ids: tuple[str, ...] = ()  # the evidence behind the facts the rule matched
    asks_for: str | None = None        # ask: the evidence type (SPEC §5 code or "photo:<asset class>")


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    ruleset_version: str
    merchant_id: str
    firings: tuple[RuleFiring, ...]

    def fired(self, effect: str | None = None) -> tuple[RuleFiring, ...]:
        return tuple(f for f in self.firings if f.fired and (effect is None or f.effect == effect))
