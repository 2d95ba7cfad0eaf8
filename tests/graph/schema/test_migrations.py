from neo4j import Driver

from graph.schema.migrations import SCHEMA_VERSION, apply_migrations, current_version
from graph.schema.model import NODE_LABELS


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
