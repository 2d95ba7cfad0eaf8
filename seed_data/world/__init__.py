"""The synthetic merchant world: records (the hidden truth) and the generator that draws them."""
from seed_data.world.records import (
    DECISIONS,
    FRAUD_KINDS,
    SPLITS,
    Asset,
    EvidenceItem,
    Industry,
    Merchant,
    MonthlyFlow,
    OthersData,
    Owner,
    Party,
    TradeLink,
    World,
)

__all__ = [
    "DECISIONS", "FRAUD_KINDS", "SPLITS", "Asset", "EvidenceItem", "Industry", "Merchant",
    "MonthlyFlow", "OthersData", "Owner", "Party", "TradeLink", "World",
]
