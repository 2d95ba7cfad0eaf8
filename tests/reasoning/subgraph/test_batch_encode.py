"""Batch reads agree with single reads; the encoding has the documented shapes."""
from __future__ import annotations

from neo4j import Driver

from graph.store import read_subgraph
from reasoning.dataset import HOPS, REL_TYPES, read_views
from reasoning.subgraph.batch import read_subgraphs
from reasoning.subgraph.encode import EDGE_TYPES, encode, feature_sizes
from seed_data.world.records import World
from tests.reasoning.conftest import TINY_AS_OF

import pytest


def _key(sub):
    return (sorted((n.label, n.id) for n in sub.nodes), sorted(r.uid for r in sub.relationships))


def test_batch_read_equals_single_reads(loaded_driver: Driver, tiny_world: World) -> None:
    ids = [m.merchant_id for m in tiny_world.merchants[:7]]
    batch = list(read_subgraphs(loaded_driver, ids, hops=HOPS, as_of=TINY_AS_OF, rel_types=REL_TYPES, batch_size=3))
    assert [s.center.id for s in batch] == ids
    for sub in batch:
        single = read_subgraph(loaded_driver, sub.center.id, hops=HOPS, as_of=TINY_AS_OF, rel_types=REL_TYPES)
        assert _key(sub) == _key(single)


def test_batch_read_names_an_unknown_merchant(loaded_driver: Driver) -> None:
    with pytest.raises(LookupError, match="M-nobody"):
        list(read_subgraphs(loaded_driver, ["M-nobody"], as_of=TINY_AS_OF))


def test_encoding_puts_the_merchant_first_with_its_facts(loaded_driver: Driver, tiny_world: World) -> None:
    industries = tuple(sorted({m.industry_code for m in tiny_world.merchants}))
    merchant = tiny_world.merchants[0]
    view = read_views(loaded_driver, [merchant.merchant_id], as_of=TINY_AS_OF, industries=industries)[0]
    data = encode(view, industries)
    sizes = feature_sizes(len(industries))
    for node_type, size in sizes.items():
        assert data[node_type].x.shape[1] == size
    assert data["merchant"].x[0, -1] == 1.0                      # the centre, flagged
    # the owner (a Person) is who runs the business, not a fact of it: the GNN does not encode it
    assert data["fact"].num_nodes == len({i.id for i in view.facts.items if i.label not in ("Enterprise", "Person")})
    assert data["industry"].num_nodes == 1
    for edge_type in EDGE_TYPES:
        assert data[edge_type].edge_index.shape[0] == 2
