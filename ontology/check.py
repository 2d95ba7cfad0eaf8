"""``bailing ontology check``: the ontology is consistent, the rules compile, the experts' examples pass."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ontology.knowledge import read_knowledge
from ontology.owl_file import DEFAULT_OWL, OntologyLoadError, load_owl
from ontology.rules.examples import EXAMPLES_FILE, ExampleError, load_examples, run_examples
from ontology.rules.ruleset import RULES_FILE, RuleSet, parse_rules

JAVA_MEMORY_MB = 600  # the reasoner's heap: the ontology is small, the machine is shared


@dataclass(frozen=True, slots=True)
class CheckReport:
    version: str
    rules: int
    examples: int
    errors: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def owl_consistency(path: Path = DEFAULT_OWL) -> list[str]:
    """Run Pellet (HermiT refuses the SWRL built-ins the ontology uses) over the TBox and rules."""
    import owlready2
    from owlready2 import OwlReadyInconsistentOntologyError, sync_reasoner_pellet

    try:
        world, _ = load_owl(path)
    except OntologyLoadError as exc:
        return [str(exc)]
    owlready2.reasoning.JAVA_MEMORY = JAVA_MEMORY_MB
    try:
        sync_reasoner_pellet(world, infer_property_values=False, debug=0)
        unsat = [c.name for c in world.inconsistent_classes()]
    except OwlReadyInconsistentOntologyError as exc:
        return [f"{path}: the ontology is inconsistent (Pellet): {exc}"]
    except Exception as exc:  # Java missing or reasoner crash: a failed check, never a pass
        return [f"{path}: reasoner failed: {exc}"]
    finally:
        world.close()
    return [f"{path}: unsatisfiable class {name} (Pellet)" for name in unsat]


def check_version(directory: Path, owl_path: Path = DEFAULT_OWL, *, reason: bool = True) -> CheckReport:
    errors: list[str] = owl_consistency(owl_path) if reason else []
    try:
        knowledge = read_knowledge(owl_path)
    except OntologyLoadError as exc:
        return CheckReport(directory.name, 0, 0, (*errors, str(exc)))
    rules, rule_errors, parameters = parse_rules(directory / RULES_FILE, knowledge)
    errors += [str(e) for e in rule_errors]
    examples = ()
    try:
        examples = load_examples(directory / EXAMPLES_FILE)
    except ExampleError as exc:
        errors.append(str(exc))
    if rules and examples and not rule_errors:
        errors += run_examples(RuleSet(directory.name, rules, knowledge, parameters), examples,
                               str(directory / EXAMPLES_FILE))
    return CheckReport(directory.name, len(rules), len(examples), tuple(errors))
