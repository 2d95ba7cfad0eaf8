"""Field records to graph facts, in the vocabulary of ``graph/README.md``."""
from extractors.mapping.facts import to_facts
from extractors.mapping.submitter import Submitter, enterprise_id
from extractors.mapping.vehicles import vehicle_class

__all__ = ["Submitter", "enterprise_id", "to_facts", "vehicle_class"]
