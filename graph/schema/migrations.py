"""Schema migrations: constraints and indexes, applied idempotently, version recorded in the database.

Each migration's statements use ``IF NOT EXISTS``, so re-running any of them is harmless (two processes
starting at once both succeed). The applied version is kept on the single ``(:SchemaVersion {id:
'bailing'})`` node, with the list of applied versions and their times beside it for the record.
"""
from __future__ import annotations

from dataclasses import dataclass

from neo4j import Driver

from graph.schema.model import NODE_LABELS, REL_TYPES, RESERVED_PROPERTIES


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "unique id per node label", tuple(
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in NODE_LABELS)),
    Migration(2, "unique uid per relationship type", tuple(
        f"CREATE CONSTRAINT rel_{rel.lower()}_uid IF NOT EXISTS FOR ()-[r:{rel}]-() REQUIRE r.uid IS UNIQUE"
        for rel in REL_TYPES)),
    Migration(3, "lookup indexes", (
        "CREATE INDEX merchant_uscc IF NOT EXISTS FOR (n:Merchant) ON (n.uscc)",
        "CREATE INDEX enterprise_uscc IF NOT EXISTS FOR (n:Enterprise) ON (n.uscc)",
        "CREATE INDEX enterprise_name IF NOT EXISTS FOR (n:Enterprise) ON (n.name)",
        "CREATE INDEX evidence_sha256 IF NOT EXISTS FOR (n:Evidence) ON (n.sha256)",
        "CREATE INDEX asset_plate IF NOT EXISTS FOR (n:Asset) ON (n.plate)",
    )),
    # Reuse checks (graph/store/fact_sink.py): the same document by its content key, a near copy by
    # the four 16-bit bands of its perceptual hash (multi-index hashing).
    Migration(4, "evidence reuse indexes", (
        "CREATE INDEX evidence_content_key IF NOT EXISTS FOR (n:Evidence) ON (n.content_key)",
        *(f"CREATE INDEX evidence_phash_b{i} IF NOT EXISTS FOR (n:Evidence) ON (n.phash_b{i})" for i in range(4)),
    )),
    # Registry records loaded before issue 13 carry no marker; mark those the registry wrote (its
    # `registry:` source in their provenance) so uploads stop overwriting them. A value an upload
    # already overwrote stays until the registry is loaded again (load_world rewrites its records).
    # The labels and store-owned names are constants of the model, not input.
    Migration(5, "mark registry records", tuple(
        f"MATCH (n:{label}) WHERE n.registered_keys IS NULL "
        f"AND any(i IN coalesce(n.evidence_ids, []) WHERE i STARTS WITH 'registry:') "
        f"SET n.registered_keys = [k IN keys(n) WHERE NOT k IN {sorted(RESERVED_PROPERTIES)!r}]"
        for label in ("Merchant", "Person", "Enterprise", "Region"))),
    # Migrations 1 and 2 run once per database: the labels and types of the papers added in issue 14
    # (tax returns, utility bills, social insurance, statements of account) get their constraints here.
    Migration(6, "unique ids for the fact labels of issue 14", (
        *(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
          for label in ("TaxFiling", "UtilityBill", "Payroll", "Receivable")),
        *(f"CREATE CONSTRAINT rel_{rel.lower()}_uid IF NOT EXISTS FOR ()-[r:{rel}]-() REQUIRE r.uid IS UNIQUE"
          for rel in ("FILED", "HAS_UTILITY", "HAS_PAYROLL", "IS_OWED", "OWES")),
    )),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def current_version(driver: Driver, *, database: str) -> int:
    records, _, _ = driver.execute_query(
        "OPTIONAL MATCH (v:SchemaVersion {id: 'bailing'}) RETURN v.version AS version", database_=database)
    return records[0]["version"] or 0


def apply_migrations(driver: Driver, *, database: str) -> int:
    """Bring the schema to SCHEMA_VERSION and return it. Schema commands run outside data transactions."""
    applied = current_version(driver, database=database)
    for migration in MIGRATIONS:
        if migration.version <= applied:
            continue
        for statement in migration.statements:
            driver.execute_query(statement, database_=database)
        # The version node carries provenance like every other node, so no node lacks it.
        driver.execute_query(
            "MERGE (v:SchemaVersion {id: 'bailing'}) "
            "SET v.version = $version, v.applied = coalesce(v.applied, []) + $version, "
            "    v.applied_at = coalesce(v.applied_at, []) + datetime(), "
            "    v.evidence_ids = ['system:migrations'], v.prov_extractor = ['graph.schema.migrations'] ",
            version=migration.version, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    return max(applied, SCHEMA_VERSION)
