from neo4j import Driver

from extractors.facts import NodeFact
from graph.schema.migrations import SCHEMA_VERSION, apply_migrations, current_version
from graph.schema.model import NODE_LABELS
from graph.store import upsert_nodes, write_evidence
from tests.graph.factories import invoice_bundle, merchant, provenance


def _schema(driver: Driver) -> tuple[list[str], list[str]]:
    constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")
    indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN name ORDER BY name")
    return [r["name"] for r in constraints], [r["name"] for r in indexes]


def test_migrations_are_idempotent_and_record_the_version(driver: Driver) -> None:
    before = _schema(driver)
    assert apply_migrations(driver, database="neo4j") == SCHEMA_VERSION
    assert apply_migrations(driver, database="neo4j") == SCHEMA_VERSION
    assert _schema(driver) == before
    assert current_version(driver, database="neo4j") == SCHEMA_VERSION
    constraints, _ = before
    assert all(f"{label.lower()}_id" in constraints for label in NODE_LABELS)


def test_replaying_from_scratch_restores_a_dropped_constraint(driver: Driver) -> None:
    driver.execute_query("DROP CONSTRAINT merchant_id")
    driver.execute_query("MATCH (v:SchemaVersion) SET v.version = 0")
    apply_migrations(driver, database="neo4j")
    constraints, _ = _schema(driver)
    assert "merchant_id" in constraints
    records, _, _ = driver.execute_query("MATCH (v:SchemaVersion) RETURN count(v) AS n")
    assert records[0]["n"] == 1


def test_registry_records_loaded_before_the_marker_are_marked_and_then_protected(driver: Driver) -> None:
    # A graph loaded before issue 13: the registry's Enterprise carries its source but no marker.
    upsert_nodes(driver, [merchant(), NodeFact("Enterprise", "E1", provenance("registry:seed-0", 1.0),
                                               {"name": "注册名称有限公司"})])
    upsert_nodes(driver, [NodeFact("Enterprise", "E2", provenance("EV0"), {"name": "上传的名称"})])
    driver.execute_query("MATCH (v:SchemaVersion) SET v.version = 4")
    for _ in range(2):  # a second run finds nothing left to mark and changes nothing
        apply_migrations(driver, database="neo4j")
    records, _, _ = driver.execute_query("MATCH (e:Enterprise) RETURN e.id AS id, e.registered_keys AS keys ORDER BY id")
    assert [(r["id"], r["keys"]) for r in records] == [("E1", ["name"]), ("E2", None)]
    write_evidence(driver, invoice_bundle("EV1", buyer="E1"))  # names the buyer 客户E1
    records, _, _ = driver.execute_query("MATCH (e:Enterprise {id: 'E1'}) RETURN e.name AS name")
    assert records[0]["name"] == "注册名称有限公司"
