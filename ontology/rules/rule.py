"""One compiled rule: parsed from its YAML mapping, checked against the ontology, evaluated fast."""
from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ontology.knowledge import IndustryKnowledge
from ontology.rules.expressions import Compiled, ExpressionError, compile_expression
from ontology.rules.functions import CONTEXT_NAMES, FUNCTIONS
from ontology.rules.merchant_facts import FactItem
from ontology.rules.outcome import EFFECTS, RuleFiring
from ontology.rules.patterns import FactPattern, PatternError, compile_pattern
from ontology.rules.yaml_lines import LineDict

RULE_KEYS = ("id", "text", "scope", "facts", "let", "when", "effect", "amount", "factor", "asks_for", "owl", "note")
OWL_FIRES_WHEN = ("member", "not_member", "licence_gap")


class RuleError(ValueError):
    """A rule that cannot be compiled; names the file, line and rule id."""

    def __init__(self, path: str, line: int, rule_id: str, message: str):
        super().__init__(f"{path}:{line}: rule {rule_id}: {message}")
        self.path, self.line, self.rule_id, self.message = path, line, rule_id, message


class RuleEvaluationError(RuntimeError):
    """A rule failed on one merchant's facts (e.g. arithmetic on a missing property)."""


class _Text(string.Formatter):
    def format_field(self, value: object, spec: str) -> str:
        if isinstance(value, float) and not spec:
            return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"
        if isinstance(value, (list, tuple)) and not spec:
            return "、".join(str(getattr(v, "id", v)) for v in value)
        return super().format_field(value, spec)


_FORMATTER = _Text()


@dataclass(frozen=True, slots=True)
class OwlLink:
    """The OWL twin of a logical rule, for the differential test and for Protégé users."""
    owl_class: str | None
    fires_when: str                # member | not_member | licence_gap


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    line: int
    text_zh: str
    text_en: str
    effect: str
    scope: tuple[str, ...]
    patterns: tuple[FactPattern, ...]
    lets: tuple[tuple[str, Compiled], ...]
    when: Compiled | None
    amount: Compiled | None
    factor: Compiled | None
    asks_for: str | None
    owl: OwlLink | None

    def evaluate(self, ns: Mapping[str, object], by_label: Mapping[str, Sequence[FactItem]], as_of: date,
                 ancestors: tuple[str, ...]) -> RuleFiring:
        if self.scope and not any(s in ancestors for s in self.scope):
            return RuleFiring(self.id, self.effect, False, self.text_zh, self.text_en, asks_for=self.asks_for)
        env = dict(ns)
        evidence: set[str] = set()
        try:
            for p in self.patterns:
                rows = p.select(by_label, as_of)
                env[p.name] = rows
                for r in rows:
                    evidence.update(r.fact.evidence_ids)
            for name, expr in self.lets:
                env[name] = eval(expr.code, env)  # noqa: S307 - checked AST, no builtins
            fired = bool(eval(self.when.code, env)) if self.when else True  # noqa: S307
            if not fired:
                return RuleFiring(self.id, self.effect, False, self.text_zh, self.text_en, asks_for=self.asks_for)
            amount = float(eval(self.amount.code, env)) if self.amount else None  # noqa: S307
            factor = float(eval(self.factor.code, env)) if self.factor else None  # noqa: S307
            env.update(amount=amount, factor=factor)
            zh, en = _FORMATTER.format(self.text_zh, **env), _FORMATTER.format(self.text_en, **env)
        except Exception as exc:  # an expert's expression met data it did not expect
            raise RuleEvaluationError(f"rule {self.id} (line {self.line}): {type(exc).__name__}: {exc}") from exc
        return RuleFiring(self.id, self.effect, True, zh, en, amount_cny=amount, factor=factor,
                          evidence_ids=tuple(sorted(evidence)), asks_for=self.asks_for)


def _ask_target(value: object, knowledge: IndustryKnowledge) -> str:
    text = str(value)
    kind, _, asset = text.partition(":")
    if text in knowledge.evidence_types or (kind == "photo" and asset in knowledge.asset_classes):
        return text
    raise ValueError(f"asks_for {text!r} is neither an evidence type nor photo:<asset class>")


def compile_rule(raw: object, knowledge: IndustryKnowledge, path: str, parameters: Mapping[str, float] | None = None
                 ) -> Rule:
    """``parameters``: the rule set's named values, which any expression may use."""
    line = getattr(raw, "line", 0)
    if not isinstance(raw, LineDict):
        raise RuleError(path, line, "?", "each rule must be a mapping")
    rule_id = str(raw.get("id") or "?")

    def fail(key: str, message: str) -> RuleError:
        return RuleError(path, raw.line_of(key), rule_id, message)

    if rule_id == "?":
        raise fail("id", "missing `id`")
    unknown = [k for k in raw if k not in RULE_KEYS]
    if unknown:
        raise fail(unknown[0], f"unknown key {unknown[0]!r}; allowed: {', '.join(RULE_KEYS)}")
    text = raw.get("text")
    if not isinstance(text, Mapping) or not str(text.get("zh") or "").strip() or not str(text.get("en") or "").strip():
        raise fail("text", "`text` needs a Chinese (zh) and an English (en) sentence")
    effect = raw.get("effect")
    if effect not in EFFECTS:
        raise fail("effect", f"effect must be one of {', '.join(EFFECTS)}, got {effect!r}")
    scope = raw.get("scope") or {}
    codes = scope.get("industry", []) if isinstance(scope, Mapping) else None
    codes = [codes] if isinstance(codes, str) else codes
    if codes is None or not isinstance(codes, list) or set(scope) - {"industry"}:
        raise fail("scope", "scope must be {industry: code or list of GB/T 4754 codes}")
    for code in codes:
        if str(code).removeprefix("GBT_") not in knowledge.industries:
            raise fail("scope", f"unknown industry {code!r} in scope (not in the ontology's GB/T 4754 taxonomy)")
    facts = raw.get("facts") or {}
    if not isinstance(facts, Mapping):
        raise fail("facts", "`facts` must map names to fact patterns")
    patterns = []
    for name, spec in facts.items():
        if not str(name).isidentifier():
            raise RuleError(path, facts.line_of(name), rule_id, f"fact set name {name!r} is not a plain name")
        try:
            patterns.append(compile_pattern(str(name), spec, knowledge))
        except PatternError as exc:
            raise RuleError(path, getattr(spec, "line", facts.line_of(name)), rule_id, str(exc)) from None
    known = set(CONTEXT_NAMES) | set(parameters or {}) | {p.name for p in patterns}
    lets = []
    let_raw = raw.get("let") or {}
    if not isinstance(let_raw, Mapping):
        raise fail("let", "`let` must map names to expressions")
    for name, source in let_raw.items():
        try:
            lets.append((str(name), compile_expression(source, known, FUNCTIONS)))
        except ExpressionError as exc:
            raise RuleError(path, let_raw.line_of(name), rule_id, f"let {name}: {exc}") from None
        known.add(str(name))

    def expr(key: str) -> Compiled | None:
        if key not in raw:
            return None
        try:
            return compile_expression(raw[key], known, FUNCTIONS)
        except ExpressionError as exc:
            raise fail(key, f"{key}: {exc}") from None

    when, amount, factor = expr("when"), expr("amount"), expr("factor")
    if effect in ("raise", "cap", "lower") and amount is None and factor is None:
        raise fail("effect", f"effect {effect} needs an `amount` or a `factor`")
    asks_for = None
    if effect == "ask":
        if "asks_for" not in raw:
            raise fail("effect", "effect ask needs `asks_for` (an evidence type or photo:<asset class>)")
        try:
            asks_for = _ask_target(raw["asks_for"], knowledge)
        except ValueError as exc:
            raise fail("asks_for", str(exc)) from None
    for lang in ("zh", "en"):
        try:
            fields = {f.split(".")[0].split("[")[0] for _, f, _, _ in _FORMATTER.parse(str(text[lang])) if f}
        except ValueError as exc:
            raise fail("text", f"text.{lang}: {exc}") from None
        missing = fields - known - {"amount", "factor"}
        if missing:
            raise fail("text", f"text.{lang} uses undefined placeholders {sorted(missing)}; define them under `let`")
    owl = None
    if "owl" in raw:
        spec = raw["owl"]
        if not isinstance(spec, Mapping) or spec.get("fires_when") not in OWL_FIRES_WHEN:
            raise fail("owl", f"owl needs fires_when: one of {', '.join(OWL_FIRES_WHEN)}")
        cls = spec.get("class")
        if spec["fires_when"] != "licence_gap" and cls not in knowledge.owl_names:
            raise fail("owl", f"owl class {cls!r} is not defined in the ontology")
        owl = OwlLink(cls, spec["fires_when"])
    return Rule(rule_id, raw.line, str(text["zh"]), str(text["en"]), effect,
                tuple(str(c).removeprefix("GBT_") for c in codes), tuple(patterns), tuple(lets), when, amount,
                factor, asks_for, owl)
