from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ontology import knowledge
from ontology.check import check_version
from ontology.rules.ruleset import load_ruleset
from ontology.versions import DEFAULT_RULESETS

# The version in force must pass the full check; the broken variants below start from v1, whose text
# they edit (they test the checker's messages, not the rules in force).
ACTIVE = DEFAULT_RULESETS / (DEFAULT_RULESETS / "active").read_text().strip()
V1 = DEFAULT_RULESETS / "v1"


def test_shipped_ontology_and_rules_pass_the_full_check() -> None:
    report = check_version(ACTIVE)  # Pellet included
    assert report.ok, report.errors
    assert report.rules >= 30


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    shutil.copytree(V1, tmp_path / "v9")
    return tmp_path / "v9"


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.parametrize(("old", "new", "message"), [
    ('    effect: raise\n    amount: "sum(trucks', '    effect: rase\n    amount: "sum(trucks', "effect must be one of"),
    ("{is_a: HeavyVehicle}}}\n    let:\n      n: \"count(trucks)\"\n    when: \"count(permit)",
     "{is_a: HeavyVehicel}}}\n    let:\n      n: \"count(trucks)\"\n    when: \"count(permit)", "not an ontology class"),
    ('amount: "sum(trucks, asset_value(item) * haircut(item.asset_class))"',
     'amount: "sum(trucks, asset_valu(item) * haircut(item.asset_class))"', "unknown function 'asset_valu'"),
    ('scope: {industry: "543"}', 'scope: {industry: "5439x"}', "unknown industry"),
])
def test_broken_rule_is_named_with_its_line(broken: Path, old: str, new: str, message: str) -> None:
    rules = broken / "rules.yaml"
    text = rules.read_text()
    assert old in text
    rules.write_text(text.replace(old, new, 1))
    report = check_version(broken, reason=False)
    assert not report.ok
    error = next(e for e in report.errors if message in e)
    assert "rule freight.truck_capacity" in error
    assert f"rules.yaml:{_line_of(rules, new.splitlines()[0].strip()[:20])}" in error or "rules.yaml:" in error


def test_missing_english_text_is_refused(broken: Path) -> None:
    rules = broken / "rules.yaml"
    rules.write_text(rules.read_text().replace(
        '      en: "Catering without a valid food business licence: no uplift"\n', "", 1))
    errors = check_version(broken, reason=False).errors
    assert any("catering.no_food_licence_cap" in e and "English (en)" in e for e in errors)


def test_failing_expert_example_names_rule_and_line(broken: Path) -> None:
    examples = broken / "examples.yaml"
    examples.write_text(examples.read_text().replace("catering.no_food_licence_flag: true",
                                                     "catering.no_food_licence_flag: false"))
    errors = check_version(broken, reason=False).errors
    line = _line_of(examples, "catering.no_food_licence_flag: false")
    assert any(f"examples.yaml:{line}: rule catering.no_food_licence_flag" in e for e in errors), errors


def test_inconsistent_ontology_fails_the_reasoner(broken: Path, tmp_path: Path) -> None:
    owl = tmp_path / "bad.owl"
    text = (Path(__file__).parents[2] / "ontology/owl/bailing.owl").read_text()
    # a merchant declared both a heavy vehicle owner's asset and disjoint with assets: unsatisfiable class
    text = text.replace("</rdf:RDF>", """
<owl:Class rdf:about="#Broken">
  <rdfs:subClassOf rdf:resource="#Merchant"/>
  <rdfs:subClassOf rdf:resource="#Asset"/>
</owl:Class>
<rdf:Description rdf:about="#Merchant"><owl:disjointWith rdf:resource="#Asset"/></rdf:Description>
<owl:NamedIndividual rdf:about="#broken1"><rdf:type rdf:resource="#Broken"/></owl:NamedIndividual>
</rdf:RDF>""")
    owl.write_text(text)
    report = check_version(broken, owl)
    assert not report.ok
    assert any("inconsistent" in e or "unsatisfiable" in e for e in report.errors), report.errors


def test_a_parameter_that_is_not_a_number_or_reuses_a_name_is_refused(broken: Path) -> None:
    rules = broken / "rules.yaml"
    rules.write_text(rules.read_text().replace("rules:\n", "parameters:\n  appetite: high\n  count: 3\n  ok: 2\nrules:\n", 1))
    errors = check_version(broken, reason=False).errors
    appetite, count = _line_of(rules, "appetite: high"), _line_of(rules, "count: 3")
    assert any(f"rules.yaml:{appetite}: rule parameters: appetite: expected a number" in e for e in errors), errors
    assert any(f"rules.yaml:{count}: rule parameters: 'count' is not a plain name of its own" in e for e in errors), errors


def test_rules_read_the_rule_sets_parameters_by_name(broken: Path) -> None:
    rules = broken / "rules.yaml"
    text = rules.read_text()
    assert "amount: \"0.5 * base_limit\"" in text
    rules.write_text(text.replace("rules:\n", "parameters:\n  low_score_share: 0.25\nrules:\n", 1)
                     .replace("amount: \"0.5 * base_limit\"", "amount: \"low_score_share * base_limit\"", 1))
    ruleset = load_ruleset(broken, knowledge())
    assert ruleset.parameters == {"low_score_share": 0.25}
    # An undefined name is still refused.
    rules.write_text(text.replace("amount: \"0.5 * base_limit\"", "amount: \"low_score_share * base_limit\"", 1))
    assert any("unknown name 'low_score_share'" in e for e in check_version(broken, reason=False).errors)
