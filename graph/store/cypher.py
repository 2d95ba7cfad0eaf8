"""Cypher text for the store, built only from allow-listed labels and types (graph.schema.model).

Every value is a parameter; ``$p`` is the provenance a batch of rows shares. Provenance is kept as parallel lists on each node and relationship:
``evidence_ids[i]`` was seen with ``prov_confidence[i]`` at ``prov_observed_at[i]`` by
``prov_extractor[i]`` ``prov_extractor_version[i]``; ``confidence`` is the best of them.
"""
from __future__ import annotations

from functools import lru_cache

from graph.schema.model import check_label, check_rel_type
from graph.store.properties import check_property_name

# Replaces this evidence's entry (re-ingestion is idempotent) and appends it; variable `x`, row `row`.
_PROVENANCE = """
WITH x, row, coalesce(x.evidence_ids, []) AS ids, coalesce(x.prov_confidence, []) AS cs,
     coalesce(x.prov_observed_at, []) AS ts, coalesce(x.prov_extractor, []) AS es,
     coalesce(x.prov_extractor_version, []) AS vs
WITH x, row, ids, cs, ts, es, vs, [i IN range(0, size(ids) - 1) WHERE ids[i] <> $p.evidence_id] AS keep
WITH x, row, [i IN keep | ids[i]] + $p.evidence_id AS ids2, [i IN keep | cs[i]] + $p.confidence AS cs2,
     [i IN keep | ts[i]] + $p.observed_at AS ts2, [i IN keep | es[i]] + $p.extractor AS es2,
     [i IN keep | vs[i]] + $p.extractor_version AS vs2
SET x.evidence_ids = ids2, x.prov_confidence = cs2, x.prov_observed_at = ts2, x.prov_extractor = es2,
    x.prov_extractor_version = vs2,
    x.confidence = reduce(best = 0.0, c IN cs2 | CASE WHEN c > best THEN c ELSE best END)
"""


def _literal_map(keys: tuple[str, ...]) -> str:
    # Names passed clean_properties' pattern ([a-z][a-z0-9_]*), so they are safe identifiers; a row that
    # lacks one gives null, which CREATE leaves unset. A literal map, unlike `SET x += row.props`, keeps
    # Eager operators out of the plan, so the batch streams.
    for k in keys:
        check_property_name(k)
    return "".join(f", `{k}`: row.props.`{k}`" for k in keys)


# New elements are CREATEd with no property read back; a batch shares one provenance ($p), sent once
# rather than once per row.
_NEW_PROVENANCE = ("evidence_ids: [$p.evidence_id], prov_confidence: [$p.confidence], "
                   "prov_observed_at: [$p.observed_at], prov_extractor: [$p.extractor], "
                   "prov_extractor_version: [$p.extractor_version], confidence: $p.confidence")


@lru_cache(maxsize=1024)
def create_nodes(label: str, keys: tuple[str, ...]) -> str:
    check_label(label)
    return f"""
UNWIND $rows AS row
CREATE (x:{label} {{id: row.id{_literal_map(keys)}, {_NEW_PROVENANCE}}})
RETURN count(*) AS written
"""


@lru_cache(maxsize=1024)
def create_relationships(rel_type: str, start_label: str, end_label: str, keys: tuple[str, ...]) -> str:
    check_rel_type(rel_type), check_label(start_label), check_label(end_label)
    return f"""
UNWIND $rows AS row
MATCH (a:{start_label} {{id: row.start}})
MATCH (b:{end_label} {{id: row.end}})
CREATE (a)-[x:{rel_type} {{uid: row.uid, key: row.key, valid_from: row.valid_from, valid_to: row.valid_to{_literal_map(keys)},
                          {_NEW_PROVENANCE}}}]->(b)
RETURN count(*) AS written
"""


@lru_cache(maxsize=None)
def existing_nodes(label: str) -> str:
    check_label(label)
    return f"UNWIND $keys AS k MATCH (x:{label} {{id: k}}) RETURN collect(k) AS found"


@lru_cache(maxsize=None)
def existing_relationships(rel_type: str) -> str:
    check_rel_type(rel_type)
    return f"UNWIND $keys AS k MATCH ()-[x:{rel_type} {{uid: k}}]->() RETURN collect(k) AS found"


@lru_cache(maxsize=None)
def merge_nodes(label: str) -> str:
    check_label(label)
    return f"""
UNWIND $rows AS row
MERGE (x:{label} {{id: row.id}})
SET x += row.props
{_PROVENANCE}
RETURN count(*) AS written
"""


@lru_cache(maxsize=None)
def merge_uploaded_nodes(label: str) -> str:
    """An upload's nodes: on a registered node (``registered_keys`` set) the upload adds its support only;
    what it says differently becomes a claim on its SUPPORTS edge (``supports``), never a property."""
    check_label(label)
    return f"""
UNWIND $rows AS row
MERGE (x:{label} {{id: row.id}})
SET x += CASE WHEN x.registered_keys IS NULL THEN row.props ELSE {{}} END
{_PROVENANCE}
RETURN count(*) AS written
"""


@lru_cache(maxsize=None)
def merge_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    check_rel_type(rel_type), check_label(start_label), check_label(end_label)
    return f"""
UNWIND $rows AS row
MATCH (a:{start_label} {{id: row.start}})
MATCH (b:{end_label} {{id: row.end}})
MERGE (a)-[x:{rel_type} {{uid: row.uid}}]->(b)
SET x += row.props, x.key = row.key, x.valid_from = row.valid_from, x.valid_to = row.valid_to
{_PROVENANCE}
RETURN count(*) AS written
"""


@lru_cache(maxsize=None)
def supports(label: str) -> str:
    """(Evidence)-[:SUPPORTS]->(fact node): lets analysts see in Browser what each upload proved.

    On a registered node the edge also carries the upload's claims: ``claimed_keys`` (the properties it
    states that the registry lacks or holds otherwise), each value as ``claim_<key>``, and the
    extraction's ``claim_confidence`` / ``claim_observed_at``. The edge is keyed by evidence and node and
    goes with the evidence, so a rewrite replaces the claims and a withdrawal removes them."""
    check_label(label)
    return f"""
MATCH (e:Evidence {{id: $evidence_id}})
UNWIND $rows AS row
MATCH (x:{label} {{id: row.id}})
MERGE (e)-[s:SUPPORTS {{uid: $evidence_id + '>{label}:' + row.id}}]->(x)
SET s.valid_from = $submitted_at, s.key = '',
    s.evidence_ids = [$evidence_id], s.prov_confidence = [1.0], s.prov_observed_at = [$submitted_at],
    s.prov_extractor = [$extractor], s.prov_extractor_version = [$version], s.confidence = 1.0
WITH s, row, CASE WHEN x.registered_keys IS NULL THEN []
                  ELSE [k IN keys(row.props) WHERE x[k] IS NULL OR x[k] <> row.props[k]] END AS claimed
WHERE claimed <> []
SET s += apoc.map.fromLists([k IN claimed | 'claim_' + k], [k IN claimed | row.props[k]]),
    s.claimed_keys = claimed, s.claim_confidence = $p.confidence, s.claim_observed_at = $p.observed_at
"""


@lru_cache(maxsize=None)
def missing_endpoints(label: str) -> str:
    check_label(label)
    return f"UNWIND $ids AS id OPTIONAL MATCH (n:{label} {{id: id}}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missing"


# Drops evidence $evidence_id from `x`'s provenance lists; `orphan` is true when nothing else supports it.
_TRIM = """
WITH x, ref, [i IN range(0, size(x.evidence_ids) - 1) WHERE x.evidence_ids[i] <> $evidence_id] AS keep
WITH x, ref, size(keep) = 0 AS orphan, [i IN keep | x.evidence_ids[i]] AS ids,
     [i IN keep | x.prov_confidence[i]] AS cs, [i IN keep | x.prov_observed_at[i]] AS ts,
     [i IN keep | x.prov_extractor[i]] AS es, [i IN keep | x.prov_extractor_version[i]] AS vs
FOREACH (_ IN CASE WHEN orphan THEN [] ELSE [1] END |
  SET x.evidence_ids = ids, x.prov_confidence = cs, x.prov_observed_at = ts, x.prov_extractor = es,
      x.prov_extractor_version = vs,
      x.confidence = reduce(best = 0.0, c IN cs | CASE WHEN c > best THEN c ELSE best END))
"""

WITHDRAW_NODES = f"""
MATCH (:Evidence {{id: $evidence_id}})-[:SUPPORTS]->(x)
WITH x, [labels(x)[0], x.id] AS ref
{_TRIM}
FOREACH (_ IN CASE WHEN orphan THEN [1] ELSE [] END | DETACH DELETE x)
RETURN ref, orphan
"""


@lru_cache(maxsize=None)
def withdraw_relationships(rel_type: str) -> str:
    check_rel_type(rel_type)
    return f"""
UNWIND $uids AS uid
MATCH ()-[x:{rel_type} {{uid: uid}}]->()
WITH x, x.uid AS ref
{_TRIM}
FOREACH (_ IN CASE WHEN orphan THEN [1] ELSE [] END | DELETE x)
RETURN ref, orphan
"""
