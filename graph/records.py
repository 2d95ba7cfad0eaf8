"""What the graph store returns: typed, frozen, free of driver objects."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from extractors.facts import NodeRef


@dataclass(frozen=True, slots=True)
class Claim:
    """What one upload says about a registered node where it differs from the registry (graph/README.md).

    ``registered`` is the registry's value (None where the registry has none); ``confidence`` and
    ``observed_at`` are the extraction's, ``evidence_status`` the upload's verification status.
    """

    node: NodeRef
    property: str
    value: object
    registered: object
    evidence_id: str
    merchant_id: str
    evidence_status: str
    confidence: float
    observed_at: datetime


@dataclass(frozen=True, slots=True)
class GraphNode:
    label: str
    id: str
    properties: Mapping[str, object]  # on a registered node, the registry's values only
    evidence_ids: tuple[str, ...]
    confidence: float | None
    claims: tuple[Claim, ...] = ()  # uploads' differing values, with their evidence

    @property
    def ref(self) -> NodeRef:
        return NodeRef(self.label, self.id)


@dataclass(frozen=True, slots=True)
class GraphRelationship:
    type: str
    uid: str
    start: NodeRef
    end: NodeRef
    key: str
    valid_from: date | datetime | None
    valid_to: date | datetime | None
    properties: Mapping[str, object]
    evidence_ids: tuple[str, ...]
    confidence: float | None


@dataclass(frozen=True, slots=True)
class Subgraph:
    """A merchant's neighbourhood: nodes within ``hops`` of it, over relationships valid at ``as_of``."""

    center: NodeRef
    hops: int
    nodes: tuple[GraphNode, ...]
    relationships: tuple[GraphRelationship, ...]
    truncated: bool  # the node limit was reached: the neighbourhood is larger than what is here


@dataclass(frozen=True, slots=True)
class WithdrawalReport:
    """What withdrawing one piece of evidence did. Facts in ``*_kept`` lost only this support."""

    evidence_id: str
    found: bool
    nodes_deleted: tuple[NodeRef, ...] = ()
    nodes_kept: tuple[NodeRef, ...] = ()
    relationships_deleted: tuple[str, ...] = ()  # uids
    relationships_kept: tuple[str, ...] = ()
