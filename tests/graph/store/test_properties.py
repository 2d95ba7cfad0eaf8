"""Hostile text from documents is stored inert, or refused with an error naming the property."""
from __future__ import annotations

import pytest
from neo4j import Driver

from extractors.facts import NodeFact
from graph.store import PropertyRejected, upsert_nodes
from tests.graph.factories import provenance

HOSTILE = [
    "'}) MATCH (n) DETACH DELETE n //",
    '"; CALL dbms.security.createUser("x", "y", false) //',
    "`Merchant` {id: 'x'}) SET n.admin = true //",
    "$rows ${props} {{id}}",
    "<script>alert('x')</script>",
    "营业执照\u202e反向文本\u200b",
    "\\u0000 is not a NUL, just text",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_are_stored_verbatim(driver: Driver, text: str) -> None:
    upsert_nodes(driver, [NodeFact("Enterprise", text, provenance("EV1"), {"name": text, "scope": [text, text]})])
    records, _, _ = driver.execute_query("MATCH (e:Enterprise) RETURN e.id AS id, e.name AS name, e.scope AS scope, "
                                         "count { MATCH (n) WHERE NOT n:SchemaVersion } AS nodes")
    assert records[0]["id"] == text and records[0]["name"] == text and records[0]["scope"] == [text, text]
    assert records[0]["nodes"] == 1


def test_ten_megabyte_string_is_refused_by_name_and_nothing_is_written(driver: Driver) -> None:
    big = "票" * (10 * 1024 * 1024 // 3)
    facts = [NodeFact("Enterprise", "E1", provenance("EV1")),
             NodeFact("Enterprise", "E2", provenance("EV1"), {"contract_text": big})]
    with pytest.raises(PropertyRejected, match=r"Enterprise\.contract_text: string of 10,485,\d+ bytes exceeds"):
        upsert_nodes(driver, facts)
    records, _, _ = driver.execute_query("MATCH (n:Enterprise) RETURN count(n) AS n")
    assert records[0]["n"] == 0


def test_large_but_honest_string_is_stored(driver: Driver) -> None:
    text = "条款" * 100_000  # 600 kB of contract text
    upsert_nodes(driver, [NodeFact("Contract", "C1", provenance("EV1"), {"text": text})])
    records, _, _ = driver.execute_query("MATCH (c:Contract) RETURN size(c.text) AS n")
    assert records[0]["n"] == len(text)


@pytest.mark.parametrize("label", ["Merchant:Admin", "Merchant`) DETACH DELETE (n", "merchant", ""])
def test_labels_outside_the_schema_are_refused(driver: Driver, label: str) -> None:
    with pytest.raises(ValueError, match="unknown node label"):
        upsert_nodes(driver, [NodeFact(label, "x", provenance("EV1"))])


@pytest.mark.parametrize("props, message", [
    ({"bad name": 1}, "must match"),
    ({"evidence_ids": ["forged"]}, "reserved"),
    ({"nested": {"a": 1}}, "unsupported type dict"),
    ({"mixed": [1, "a"]}, "mixes types"),
    ({"nul": "a\x00b"}, "NUL"),
])
def test_malformed_properties_are_refused_with_the_reason(driver: Driver, props: dict, message: str) -> None:
    with pytest.raises(PropertyRejected, match=message):
        upsert_nodes(driver, [NodeFact("Enterprise", "E1", provenance("EV1"), props)])
