"""Finding a world's records by id, for content builders that start from an EvidenceItem.

A world can hold a million merchants, so lookups go through dictionaries built once per world object
rather than through linear scans per document. Only the most recent world is kept: rendering works on
one world at a time.
"""
from __future__ import annotations

from dataclasses import dataclass

from seed_data.world.records import Asset, EvidenceItem, Industry, Merchant, Party, World


@dataclass(frozen=True, slots=True)
class WorldIndex:
    world: World
    industries: dict[str, Industry]
    parties: dict[str, Party]
    merchants: dict[str, Merchant]
    items: dict[str, tuple[Merchant, EvidenceItem]]


_latest: list[WorldIndex] = []


def index(world: World) -> WorldIndex:
    if _latest and _latest[0].world is world:
        return _latest[0]
    built = WorldIndex(
        world=world,
        industries={i.code: i for i in world.industries},
        parties={p.party_id: p for p in world.parties},
        merchants={m.merchant_id: m for m in world.merchants},
        items={e.evidence_id: (m, e) for m in world.merchants for e in m.evidence},
    )
    _latest[:] = [built]
    return built


def industry(world: World, code: str) -> Industry | None:
    return index(world).industries.get(code)


def party(world: World, party_id: str | None) -> Party | None:
    return index(world).parties.get(party_id) if party_id else None


def evidence_item(world: World, evidence_id: str) -> tuple[Merchant, EvidenceItem]:
    try:
        return index(world).items[evidence_id]
    except KeyError:
        raise ValueError(f"no evidence item {evidence_id!r} in this world") from None


def asset(merchant: Merchant, asset_id: str | None, classes: tuple[str, ...] = ()) -> Asset | None:
    """The item's asset; failing that, the merchant's first asset of one of ``classes``."""
    for a in merchant.assets:
        if asset_id is not None and a.asset_id == asset_id:
            return a
    return next((a for a in merchant.assets if a.asset_class in classes), None)
