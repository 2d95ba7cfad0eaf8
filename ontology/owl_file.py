"""Load the ontology file with owlready2 into a private World (never ``default_world``, so two loads,
e.g. an old and a new version during ``diff``, cannot mix their triples)."""
from __future__ import annotations

from pathlib import Path

from owlready2 import World

OWL_DIR = Path(__file__).parent / "owl"
DEFAULT_OWL = OWL_DIR / "bailing.owl"
IRI = "http://bailing.example.org/ontology#"


class OntologyLoadError(ValueError):
    """The OWL file is missing or is not RDF/XML owlready2 can read."""


def load_owl(path: Path = DEFAULT_OWL):
    """Returns ``(world, ontology)``."""
    if not path.is_file():
        raise OntologyLoadError(f"{path}: no such ontology file")
    world = World()
    try:
        onto = world.get_ontology(path.resolve().as_uri()).load()
    except Exception as exc:  # owlready2 raises bare Exceptions and parser errors alike
        raise OntologyLoadError(f"{path}: cannot load: {exc}") from exc
    return world, onto
