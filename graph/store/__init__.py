"""The graph store: typed facts in, typed subgraphs out, one transaction per evidence."""
from graph.store.claims import evidence_claims
from graph.store.evidence import withdraw_evidence, write_evidence, write_evidence_tx
from graph.store.fact_sink import GraphFactSink
from graph.store.properties import PropertyRejected
from graph.store.subgraph import read_subgraph
from graph.store.writes import MissingEndpoint, relationship_uid, upsert_nodes, upsert_relationships

__all__ = ["GraphFactSink", "evidence_claims", "MissingEndpoint", "PropertyRejected", "read_subgraph", "relationship_uid", "upsert_nodes",
           "upsert_relationships", "withdraw_evidence", "write_evidence",
           "write_evidence_tx"]
