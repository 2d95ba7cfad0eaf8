"""An asset photo's recognised class as a fact, in the graph's vocabulary (``Asset.asset_class``).

Field mapping turns a plate read on the photo into ``Asset plate:<plate>``; recognition adds what the
asset is. A photo with a plate puts the class on that vehicle; one without gets its own asset,
``<evidence id>:asset``, as the vocabulary says for assets no number identifies.
"""
from __future__ import annotations

from dataclasses import replace

from extractors.facts import EvidenceFacts, NodeFact, NodeRef, Provenance, RelationshipFact


def with_asset_class(bundle: EvidenceFacts, asset_class: str, provenance: Provenance) -> EvidenceFacts:
    assets = [n for n in bundle.nodes if n.label == "Asset"]
    if assets:
        nodes = tuple(replace(n, properties={**n.properties, "asset_class": asset_class}) if n.label == "Asset" else n
                      for n in bundle.nodes)
        return replace(bundle, nodes=nodes)
    asset = NodeFact("Asset", f"{bundle.evidence.evidence_id}:asset", provenance, {"asset_class": asset_class})
    owns = RelationshipFact("OWNS", NodeRef("Merchant", bundle.evidence.merchant_id), asset.ref,
                            bundle.evidence.submitted_at.date(), provenance)
    return replace(bundle, nodes=(*bundle.nodes, asset), relationships=(*bundle.relationships, owns))
