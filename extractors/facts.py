"""Fact records: what extractors produce and the graph store writes.

They live here, in the package that produces them, and import nothing of Bailing's, so ``graph/`` can
import them without a cycle. Labels and relationship types are checked against the graph schema's
allow-list when written, never interpolated from document text.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

# A property value Neo4j stores natively; lists must hold one of the scalar types.
Scalar = str | int | float | bool | date | datetime
PropertyValue = Scalar | tuple[Scalar, ...] | list[Scalar]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact came from.

    ``evidence_id`` is the evidence that supports the fact. Facts that come from no merchant upload
    (onboarding data, the ontology, a seed world) use a source id with a prefix, e.g. ``"onboarding:M1"``.
    """

    evidence_id: str
    confidence: float
    observed_at: datetime
    extractor: str
    extractor_version: str

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be in [0, 1], got {self.confidence}")
        if self.observed_at.tzinfo is None:
            raise ValueError("observed_at must be timezone-aware")


@dataclass(frozen=True, slots=True)
class NodeRef:
    label: str
    id: str


@dataclass(frozen=True, slots=True)
class NodeFact:
    """A node, identified by ``(label, id)``; properties are merged into what is there."""

    label: str
    id: str
    provenance: Provenance
    properties: Mapping[str, PropertyValue] = field(default_factory=dict)

    @property
    def ref(self) -> NodeRef:
        return NodeRef(self.label, self.id)


@dataclass(frozen=True, slots=True)
class RelationshipFact:
    """A time-versioned relationship.

    One version per ``(start, type, end, key, valid_from)``: a later ``valid_from`` adds a version and
    keeps the earlier ones (history). ``key`` tells parallel relationships apart (e.g. a contract role).
    """

    type: str
    start: NodeRef
    end: NodeRef
    valid_from: date | datetime
    provenance: Provenance
    valid_to: date | datetime | None = None
    key: str = ""
    properties: Mapping[str, PropertyValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    """One uploaded file and the consent it was given under (PIPL: scope and purpose, per upload)."""

    evidence_id: str
    merchant_id: str
    doc_type: str
    sha256: str
    submitted_at: datetime
    consent_scope: str
    consent_purpose: str
    status: str = "verified"  # "verified" | "rejected": rejected evidence supports no positive fact
    properties: Mapping[str, PropertyValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EvidenceFacts:
    """Everything one piece of evidence proves: written in one transaction, all or nothing."""

    evidence: EvidenceRecord
    nodes: tuple[NodeFact, ...] = ()
    relationships: tuple[RelationshipFact, ...] = ()
