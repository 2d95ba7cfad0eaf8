"""The graph model: which labels and relationship types exist (see graph/README.md for the diagram).

Cypher cannot take labels or types as parameters, so queries are built from these allow-listed names
only; a name not listed here is refused before any Cypher is written.
"""
from __future__ import annotations

NODE_LABELS: tuple[str, ...] = (
    "Merchant",     # a borrower: a micro or small business (individual or company)
    "Person",       # owner / legal representative (ids masked, see SPEC §11)
    "Enterprise",   # a counterparty: supplier, customer, landlord, carrier
    "Evidence",     # one uploaded file with consent, hashes and verification status
    "Licence",      # business / food / road-transport licence, permits, qualifications
    "Invoice",
    "Contract",
    "Shipment",     # a waybill's trip
    "BankAccount",
    "CashFlow",     # one month of inflow/outflow on one account or platform
    "Asset",        # vehicle, machine, inventory, premises
    "TaxFiling",    # one period's VAT return: the sales declared to the tax bureau
    "UtilityBill",  # one month of metered electricity or water at an address
    "Payroll",      # one month of social insurance: people insured, contributions
    "Receivable",   # what a customer confirmed it owes, on a statement of account (对账单)
    "Industry",     # GB/T 4754-2017 class, materialised from the ontology
    "Region",       # GB/T 2260 administrative division
    "AssetClass",   # ontology asset class (valuation, haircut), materialised from the ontology
    "EvidenceType", # SPEC §5 evidence type and what it proves, materialised from the ontology
)

REL_TYPES: dict[str, str] = {
    "SUBMITTED": "Merchant submitted Evidence",
    "SUPPORTS": "Evidence supports a fact node (kept by the store, not written by callers)",
    "OWNED_BY": "Merchant or Enterprise is owned by / represented by Person",
    "IN_INDUSTRY": "Merchant or Enterprise operates in Industry",
    "LOCATED_IN": "Merchant or Enterprise is registered in Region",
    "HOLDS": "Merchant holds Licence",
    "SELLER_OF": "Merchant or Enterprise sold on Invoice",
    "BUYER_OF": "Merchant or Enterprise bought on Invoice",
    "PARTY_TO": "Merchant or Enterprise is a party to Contract (key = role)",
    "SELLS_TO": "Merchant sells to Enterprise (trade link, volume)",
    "BUYS_FROM": "Merchant buys from Enterprise (trade link, volume)",
    "HAS_ACCOUNT": "Merchant has BankAccount",
    "HAS_CASHFLOW": "Merchant or BankAccount has a month of CashFlow",
    "OWNS": "Merchant owns or leases Asset",
    "CARRIED": "Merchant carried Shipment",
    "FILED": "Merchant filed a TaxFiling",
    "HAS_UTILITY": "Merchant paid a month's UtilityBill",
    "HAS_PAYROLL": "Merchant insured its staff for a month (Payroll)",
    "IS_OWED": "Merchant is owed a Receivable",
    "OWES": "Enterprise owes a Receivable",
    "SUBCLASS_OF": "Industry is a subclass of Industry",
    "UPSTREAM_OF": "Industry supplies Industry (input-output coefficient)",
    "TYPICALLY_OWNS": "Industry typically owns AssetClass (ontology)",
    "REQUIRES": "Industry requires a licence of EvidenceType (ontology)",
}

# Hubs: traversals follow these outward only, or a merchant's 2-hop neighbourhood would hold every
# other merchant of its industry and region.
OUTWARD_ONLY: frozenset[str] = frozenset({"IN_INDUSTRY", "LOCATED_IN"})

# Properties the store owns; callers may not set them. ``registered_keys`` marks a registry record: the
# properties the registry wrote, which no upload may change (graph/README.md, "Registered records").
RESERVED_PROPERTIES: frozenset[str] = frozenset({
    "id", "uid", "key", "valid_from", "valid_to", "confidence", "evidence_ids", "prov_confidence",
    "prov_observed_at", "prov_extractor", "prov_extractor_version", "registered_keys",
})


def check_label(label: str) -> str:
    if label not in NODE_LABELS:
        raise ValueError(f"unknown node label {label!r}; known: {', '.join(NODE_LABELS)}")
    return label


def check_rel_type(rel_type: str) -> str:
    if rel_type not in REL_TYPES:
        raise ValueError(f"unknown relationship type {rel_type!r}; known: {', '.join(REL_TYPES)}")
    return rel_type
