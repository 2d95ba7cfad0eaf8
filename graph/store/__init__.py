"""The graph store: typed facts in, typed subgraphs out, one transaction per evidence."""
from graph.store.evidence import withdraw_evidence, write_evidence
from graph.store.properties import PropertyRejected
from graph.store.subgraph import read_subgraph
from graph.store.writes import MissingEndpoint, relationship_uid, upsert_nodes, upsert_relationships

__all__ = ["MissingEndpoint", "PropertyRejected", "read_subgraph", "relationship_uid", "upsert_nodes",
           "upsert_relationships", "withdraw_evidence", "write_evidence"]
