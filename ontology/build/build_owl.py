"""Generate ``ontology/owl/bailing.owl`` (RDF/XML) from the curated industry data, once.

    python -m ontology.build.build_owl            # rewrites ontology/owl/bailing.owl

The generated file is the authored artefact: it is committed, experts edit it in Protégé, and the
product loads only it (never seed_data). Re-running this script overwrites experts' edits, so do it
only when the curated data itself changes, and diff the result.

Modelling choices (why):
- GB/T 4754 codes are OWL *classes of businesses* (``GBT_G ⊒ GBT_54 ⊒ GBT_543 ⊒ GBT_5431``), so a
  merchant is an instance of its class and anything said of a parent holds for every subclass.
- Figures (seasonality, cash cycle, valuations, haircuts) are annotation properties: reasoners ignore
  them, Protégé shows and edits them, the knowledge view reads them.
- Licence requirements are ``requiresLicence value <type>`` restrictions, so the reasoner infers each
  merchant's requirements through the hierarchy; logical rules are SWRL (RDF/XML keeps SWRL).
"""
from __future__ import annotations

import types
from pathlib import Path

from owlready2 import (AnnotationProperty, DataProperty, FunctionalProperty, Imp, ObjectProperty, Thing, World,
                       locstr)

from ontology.build import sources
from ontology.build.evidence_types import EVIDENCE_TYPES

IRI = "http://bailing.example.org/ontology#"
OUT = Path(__file__).resolve().parents[1] / "owl" / "bailing.owl"
_GROUPS = {"vehicle": ("Vehicle", "车辆", "vehicle"), "machinery": ("Machinery", "机械", "machinery"),
           "equipment": ("Equipment", "设备", "equipment"), "inventory": ("Inventory", "存货", "inventory"),
           "premises": ("Premises", "不动产", "premises"), "photo_only": ("PhotoOnly", "仅照片", "photo only")}
_HEAVY = frozenset({"heavy_truck", "tractor_trailer", "dump_truck", "concrete_mixer"})
# Expert overrides of an asset class's haircut within one industry (asset class, industry, haircut, why).
_HAIRCUT_OVERRIDES = (
    ("livestock", "0313", 0.25, "African swine fever: a pig herd can be culled at short notice"),
)
_PEAK = 1.10  # a month is a peak month when its normalised factor is at least this


def _labels(zh: str, en: str) -> list[locstr]:
    return [locstr(zh, "zh"), locstr(en, "en")]


def build(out: Path = OUT) -> Path:
    world = World()
    onto = world.get_ontology(IRI.rstrip("#"))
    with onto:
        ann = {name: types.new_class(name, (AnnotationProperty,)) for name in (
            "gbtCode", "gbtLevel", "seasonality", "peakMonths", "cashCycleDays", "grossMarginLow",
            "grossMarginHigh", "annualRevenueLow", "annualRevenueHigh", "sellsToHouseholds", "ioSector",
            "typicalAsset", "acceptsEvidence", "source", "assetCode", "valueLow", "valueHigh",
            "depreciationPerYear", "haircut", "isVehicle", "photoClass", "brands", "proves", "factLabel",
            "haircutOverride", "linkSupplier", "linkBuyer", "coefficient", "basis", "ourIndustry")}

        class Business(Thing): pass
        class Merchant(Business): pass
        class Asset(Thing): pass
        class EvidenceType(Thing): pass
        class LicenceType(EvidenceType): pass
        class Evidence(Thing): pass
        class RejectedEvidence(Evidence): pass
        class Licence(Thing): pass
        class VerifiedFact(Thing): pass
        class IndustryLink(Thing): pass

        class holds(Merchant >> Licence): pass
        class owns(Merchant >> Asset): pass
        class submitted(Merchant >> Evidence): pass
        class licenceType(Licence >> EvidenceType, FunctionalProperty): pass
        class requiresLicence(Business >> LicenceType): pass
        class holdsValidLicence(Merchant >> LicenceType): pass
        class validUntilDay(Licence >> int, FunctionalProperty): pass
        class asOfDay(Merchant >> int, FunctionalProperty): pass
        for cls, zh, en in ((Business, "企业", "business"), (Merchant, "商户", "merchant"),
                            (Asset, "资产", "asset"), (EvidenceType, "证据类型", "evidence type"),
                            (LicenceType, "许可证类型", "licence type"), (Evidence, "证据", "evidence"),
                            (RejectedEvidence, "验真未通过的证据", "rejected evidence"),
                            (Licence, "许可证", "licence"), (VerifiedFact, "已验证事实", "verified fact"),
                            (IndustryLink, "产业上下游关系", "industry input-output link")):
            cls.label = _labels(zh, en)

        evidence = {}
        for code, zh, en, proves, facts, is_licence in EVIDENCE_TYPES:
            ind = (LicenceType if is_licence else EvidenceType)(code)
            ind.label = _labels(zh, en)
            ann["proves"][ind] = [proves]
            ann["factLabel"][ind] = list(facts)
            evidence[code] = ind

        assets = {}
        groups = {}
        for key, (name, zh, en) in _GROUPS.items():
            groups[key] = types.new_class(name, (Asset,))
            groups[key].label = _labels(zh, en)
        heavy = types.new_class("HeavyVehicle", (groups["vehicle"],))
        heavy.label = _labels("重型车辆", "heavy vehicle")
        for a in sources.asset_classes():
            parent = heavy if a["code"] in _HEAVY else groups[a["group"]]
            cls = types.new_class(a["code"], (parent,))
            cls.label = _labels(a["name_zh"], a["name_en"])
            cls.assetCode = [a["code"]]
            cls.valueLow, cls.valueHigh = [int(a["value_range_cny"][0])], [int(a["value_range_cny"][1])]
            cls.depreciationPerYear = [float(a["depreciation_per_year"])]
            cls.haircut = [float(a["haircut"])]
            cls.isVehicle = [bool(a["vehicle"])]
            cls.photoClass = [True]
            if a.get("brands"):
                cls.brands = list(a["brands"])
            assets[a["code"]] = cls

        gbt = sources.gbt4754()
        ours = sources.industries()
        links = sources.io_links()
        needed: set[str] = set()
        for code in {i["code"] for i in ours} | {x for l in links for x in (l.supplier, l.buyer)}:
            while code:
                needed.add(code)
                code = gbt[code].parent
        industry = {}
        for code in sorted(needed, key=lambda c: (gbt[c].level, c)):
            e = gbt[code]
            parent = industry[e.parent] if e.parent else Business
            cls = types.new_class(f"GBT_{code}", (parent,))
            cls.label = [locstr(e.name, "zh")]
            cls.gbtCode, cls.gbtLevel = [code], [e.level]
            industry[code] = cls
        for row in ours:
            cls = industry[row["code"]]
            cls.label.append(locstr(row["name_en"], "en"))
            season = row["seasonality"]
            mean = sum(season) / len(season)
            norm = [round(v / mean, 4) for v in season]
            peaks = [m + 1 for m, v in enumerate(norm) if v >= _PEAK] or [norm.index(max(norm)) + 1]
            cls.ourIndustry = [True]
            cls.seasonality = [" ".join(f"{v:.4f}" for v in norm)]
            cls.peakMonths = [" ".join(str(m) for m in peaks)]
            cls.cashCycleDays = [int(row["cash_cycle_days"])]
            cls.grossMarginLow, cls.grossMarginHigh = [float(row["gross_margin"][0])], [float(row["gross_margin"][1])]
            cls.annualRevenueLow = [int(row["annual_revenue_cny"][0])]
            cls.annualRevenueHigh = [int(row["annual_revenue_cny"][1])]
            cls.sellsToHouseholds = [bool(row["sells_to_households"])]
            cls.ioSector = [sources.io_sector_of(row["code"], sources._concordance())]
            cls.typicalAsset = [assets[a] for a in row["typical_assets"]]
            cls.acceptsEvidence = [evidence[t] for t in row["evidence_types"]]
            cls.source = [f"{k}: {v}" for k, v in sorted(row["sources"].items())]
            for lic in row["required_licences"]:
                cls.is_a.append(requiresLicence.value(evidence[lic]))
        for asset, code, cut, why in _HAIRCUT_OVERRIDES:
            industry[code].haircutOverride = [f"{asset}={cut}"]
            industry[code].source.append(f"haircutOverride {asset}: expert assumption: {why}")
        for l in links:
            link = IndustryLink(f"IO_{l.supplier}_{l.buyer}_{l.io_sector}")
            link.linkSupplier, link.linkBuyer = [industry[l.supplier]], [industry[l.buyer]]
            link.coefficient, link.basis, link.ioSector = [l.coefficient], [l.basis], [l.io_sector]

        # Defined classes the logical rules use (their compiled twins are in rulesets/*/rules.yaml).
        class VerifiedHeavyVehicleOwner(Merchant):
            equivalent_to = [Merchant & owns.some(heavy & VerifiedFact)]
        class AssetBackedFreightOperator(Merchant):
            equivalent_to = [industry["543"] & holdsValidLicence.value(evidence["road_transport_permit"])
                             & VerifiedHeavyVehicleOwner]
        class LicensedCaterer(Merchant):
            equivalent_to = [industry["62"] & holdsValidLicence.value(evidence["food_licence"])]
        class HasRejectedEvidence(Merchant):
            equivalent_to = [Merchant & submitted.some(RejectedEvidence)]
        class HoldsExpiredLicence(Merchant): pass
        for cls, zh, en in ((VerifiedHeavyVehicleOwner, "拥有已验证重型车辆的商户", "owns a verified heavy vehicle"),
                            (AssetBackedFreightOperator, "有资产支撑的货运经营者", "asset-backed freight operator"),
                            (LicensedCaterer, "持有效食品经营许可证的餐饮商户", "licensed caterer"),
                            (HasRejectedEvidence, "有验真未通过证据的商户", "submitted rejected evidence"),
                            (HoldsExpiredLicence, "持有已过期许可证的商户", "holds an expired licence")):
            cls.label = _labels(zh, en)
        Imp().set_as_rule(
            "Merchant(?m), holds(?m, ?l), VerifiedFact(?l), licenceType(?l, ?t), validUntilDay(?l, ?u), "
            "asOfDay(?m, ?d), greaterThanOrEqual(?u, ?d) -> holdsValidLicence(?m, ?t)")
        Imp().set_as_rule(
            "Merchant(?m), holds(?m, ?l), VerifiedFact(?l), validUntilDay(?l, ?u), asOfDay(?m, ?d), "
            "lessThan(?u, ?d) -> HoldsExpiredLicence(?m)")
    out.parent.mkdir(parents=True, exist_ok=True)
    onto.save(file=str(out), format="rdfxml")
    return out


if __name__ == "__main__":
    print(build())
