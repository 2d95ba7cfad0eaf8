"""The graph as the extraction pipeline's ``FactSink``: writes evidence, reads context and reuse hashes.

``extractors`` cannot import ``graph``, so the pipeline is handed this object. Reads of context take
only facts supported by *verified* evidence (a rejected document never vouches for the next), and the
reuse index searches every merchant's evidence, because reuse across merchants is the fraud that matters.

Near-duplicate search uses multi-index hashing: the 64-bit perceptual hash is stored as four 16-bit
bands (``phash_b0`` … ``phash_b3``, indexed). Two hashes within Hamming distance ``r`` agree within
``r // 4`` on at least one band, so probing each band's index with every value that close finds every
candidate without scanning; candidates are then checked exactly.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from itertools import combinations

from neo4j import Driver, ManagedTransaction

from extractors.facts import EvidenceFacts
from extractors.verify.context import KnownEvidence, MerchantContext, MonthlyInflow, Party, TradeRecord
from graph.store.evidence import write_evidence

BANDS = 4
_BAND_BITS = 64 // BANDS

# The owner as the registry knows them (a registered Person): an uploaded ID card's Person never vouches
# for the next card.
_MERCHANT = """
MATCH (m:Merchant {id: $merchant_id})
OPTIONAL MATCH (m)-[:OWNED_BY]->(p:Person) WHERE p.registered_keys IS NOT NULL
RETURN m.name AS name, m.uscc AS uscc, collect(p.name) AS owners, collect(p.resident_id_masked) AS owner_ids
"""

_VERIFIED_FACTS = """
MATCH (:Merchant {id: $merchant_id})-[:SUBMITTED]->(:Evidence {status: 'verified'})-[:SUPPORTS]->(f)
WITH DISTINCT f
RETURN labels(f)[0] AS label, f.holder_name AS holder_name, f.holder_uscc AS holder_uscc, f.plate AS plate,
       f.vin AS vin, f.name AS name, f.uscc AS uscc, f.month AS month, f.inflow_cny AS inflow_cny,
       f.direction AS direction, f.seller_name AS seller_name, f.seller_uscc AS seller_uscc,
       f.buyer_name AS buyer_name, f.buyer_uscc AS buyer_uscc, f.total_cny AS total_cny, f.issued AS issued,
       f.amount_cny AS amount_cny, f.signed AS signed,
       [(f)<-[:PARTY_TO]-(x:Enterprise) | {name: x.name, uscc: x.uscc}] AS parties
"""

_KNOWN = """
RETURN e.id AS evidence_id, e.merchant_id AS merchant_id, e.doc_type AS doc_type, e.sha256 AS sha256,
       e.phash AS phash, e.content_key AS content_key, e.status AS status, e.submitted_at AS submitted_at,
       e.content_digest AS content_digest
"""
# Evidence written without a perceptual hash (not by the pipeline) cannot be compared, so it is skipped.
_BY_SHA = "MATCH (e:Evidence {sha256: $value}) WHERE e.phash IS NOT NULL" + _KNOWN
_BY_KEY = "MATCH (e:Evidence {content_key: $value}) WHERE e.phash IS NOT NULL" + _KNOWN
_BY_BANDS = """
CALL () {
  MATCH (e:Evidence) WHERE e.phash_b0 IN $b0 RETURN e
  UNION
  MATCH (e:Evidence) WHERE e.phash_b1 IN $b1 RETURN e
  UNION
  MATCH (e:Evidence) WHERE e.phash_b2 IN $b2 RETURN e
  UNION
  MATCH (e:Evidence) WHERE e.phash_b3 IN $b3 RETURN e
}
WITH e
""" + _KNOWN


def _bits(phash: str) -> int:
    # Parsed here rather than with extractors.verify.phash, which would load OpenCV into graph.store.
    if len(phash) != 16:
        raise ValueError(f"a perceptual hash is 16 hex characters, got {phash!r}")
    return int(phash, 16)


def phash_bands(phash: str) -> dict[str, str]:
    """The four 16-bit bands of a 16-hex-digit perceptual hash, as the properties the index reads."""
    _bits(phash)
    return {f"phash_b{i}": phash[4 * i:4 * i + 4] for i in range(BANDS)}


def _band_neighbours(band: str, radius: int) -> list[str]:
    value = int(band, 16)
    found = [band]
    for flips in range(1, radius + 1):
        for bits in combinations(range(_BAND_BITS), flips):
            mask = sum(1 << b for b in bits)
            found.append(f"{value ^ mask:04x}")
    return found


def _native(value: object) -> object:
    return value.to_native() if hasattr(value, "to_native") else value


def _known(record) -> KnownEvidence:
    return KnownEvidence(evidence_id=record["evidence_id"], merchant_id=record["merchant_id"],
                         doc_type=record["doc_type"], sha256=record["sha256"], phash=record["phash"],
                         content_key=record["content_key"], status=record["status"] or "verified",
                         submitted_at=_native(record["submitted_at"]), content_digest=record["content_digest"])


class GraphHashIndex:
    """``extractors.verify.reuse.HashIndex`` over the graph's Evidence nodes (index seeks, no scans)."""

    def __init__(self, driver: Driver, database: str = "neo4j"):
        self.driver = driver
        self.database = database

    def _read(self, query: str, **params: object) -> tuple[KnownEvidence, ...]:
        records, _, _ = self.driver.execute_query(query, params, database_=self.database, routing_="r")
        return tuple(_known(r) for r in records)

    def exact(self, sha256: str) -> tuple[KnownEvidence, ...]:
        return self._read(_BY_SHA, value=sha256)

    def with_key(self, content_key: str) -> tuple[KnownEvidence, ...]:
        return self._read(_BY_KEY, value=content_key)

    def near(self, phash: str, max_distance: int) -> tuple[KnownEvidence, ...]:
        if max_distance < 0:
            raise ValueError(f"max_distance must be >= 0, got {max_distance}")
        if max_distance >= 4 * BANDS:
            raise ValueError(f"max_distance {max_distance} is too wide for a {BANDS}-band index")
        probes = {f"b{i}": _band_neighbours(band, max_distance // BANDS)
                  for i, band in enumerate(phash_bands(phash).values())}
        candidates = self._read(_BY_BANDS, **probes)
        return tuple(c for c in candidates if (_bits(c.phash) ^ _bits(phash)).bit_count() <= max_distance)


class GraphFactSink:
    """``extractors.sink.FactSink`` over one Neo4j database.

    Args:
        driver (Driver): An open driver; the sink never closes it.
        database (str): The database to use (default ``"neo4j"``).
    """

    def __init__(self, driver: Driver, database: str = "neo4j"):
        self.driver = driver
        self.database = database

    def write(self, facts: EvidenceFacts) -> None:
        """One transaction (``write_evidence``); the perceptual hash's bands are added for the index."""
        phash = facts.evidence.properties.get("phash")
        if isinstance(phash, str):
            evidence = replace(facts.evidence, properties={**facts.evidence.properties, **phash_bands(phash)})
            facts = replace(facts, evidence=evidence)
        write_evidence(self.driver, facts, database=self.database)

    def hash_index(self) -> GraphHashIndex:
        return GraphHashIndex(self.driver, self.database)

    def context(self, merchant_id: str, *, as_of: date) -> MerchantContext:
        with self.driver.session(database=self.database, default_access_mode="READ") as session:
            return session.execute_read(_context_tx, merchant_id, as_of)


def _context_tx(tx: ManagedTransaction, merchant_id: str, as_of: date) -> MerchantContext:
    merchant = tx.run(_MERCHANT, merchant_id=merchant_id).single()
    if merchant is None:
        raise LookupError(f"Merchant {merchant_id!r} is not registered in the graph")
    names: list[str] = []
    usccs: list[str] = []
    plates: list[str] = []
    vins: list[str] = []
    parties: dict[tuple[str, str | None], Party] = {}
    inflows: list[MonthlyInflow] = []
    trades: list[TradeRecord] = []
    for row in tx.run(_VERIFIED_FACTS, merchant_id=merchant_id):
        label = row["label"]
        if label == "Licence":
            names += [row["holder_name"]] if row["holder_name"] else []
            usccs += [row["holder_uscc"]] if row["holder_uscc"] else []
        elif label == "Asset":
            plates += [row["plate"]] if row["plate"] else []
            vins += [row["vin"]] if row["vin"] else []
        elif label == "Enterprise" and row["name"]:
            parties[(row["name"], row["uscc"])] = Party(row["name"], row["uscc"])
        elif label == "CashFlow" and row["month"] and row["inflow_cny"] is not None:
            inflows.append(MonthlyInflow(row["month"], float(row["inflow_cny"])))
        elif label == "Invoice" and row["total_cny"] is not None and row["issued"] is not None:
            side = "buyer" if row["direction"] == "sale" else "seller"
            if row[f"{side}_name"]:
                trades.append(TradeRecord("invoice", row[f"{side}_name"], row[f"{side}_uscc"],
                                          float(row["total_cny"]), _as_date(row["issued"])))
        elif label == "Contract" and row["amount_cny"] is not None and row["signed"] is not None:
            for party in row["parties"]:
                trades.append(TradeRecord("contract", party["name"], party["uscc"], float(row["amount_cny"]),
                                          _as_date(row["signed"])))
    return MerchantContext(
        merchant_id=merchant_id, registered_name=merchant["name"], registered_uscc=merchant["uscc"], as_of=as_of,
        owner_names=tuple(sorted(set(merchant["owners"]))), owner_ids_masked=tuple(sorted(set(merchant["owner_ids"]))),
        licence_names=tuple(sorted(set(names))), licence_usccs=tuple(sorted(set(usccs))),
        plates=tuple(sorted(set(plates))), vins=tuple(sorted(set(vins))),
        counterparties=tuple(sorted(parties.values(), key=lambda p: (p.name, p.uscc or ""))),
        monthly_inflows=tuple(sorted(inflows, key=lambda i: i.month)),
        trades=tuple(sorted(trades, key=lambda t: (t.dated, t.counterparty_name))))


def _as_date(value: object) -> date:
    value = _native(value)
    return value.date() if isinstance(value, datetime) else value
