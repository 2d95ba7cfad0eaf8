"""A typed, read-only view of the industry knowledge in the ontology (what rules and reasoning use).

Built once per ontology file from its owlready2 graph; afterwards every lookup is a dict access, so
rule evaluation never touches owlready2.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ontology.owl_file import DEFAULT_OWL, load_owl


class UnknownTerm(KeyError):
    """A code that the ontology does not define (industry, asset class, evidence type)."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class IndustryInfo:
    code: str                              # GB/T 4754-2017 code: section letter, 2, 3 or 4 digits
    level: int                             # 1 section, 2 division, 3 group, 4 class
    name_zh: str
    name_en: str
    ancestors: tuple[str, ...]             # itself first, then parent, …, section
    seasonality: tuple[float, ...] = ()    # 12 monthly factors (mean 1.0); our industries only
    peak_months: tuple[int, ...] = ()
    cash_cycle_days: int | None = None
    gross_margin: tuple[float, float] | None = None
    annual_revenue_cny: tuple[int, int] | None = None
    sells_to_households: bool = False
    io_sector: str = ""
    typical_assets: tuple[str, ...] = ()
    required_licences: tuple[str, ...] = ()   # declared on this class or any ancestor
    evidence_types: tuple[str, ...] = ()
    haircut_overrides: Mapping[str, float] = None  # type: ignore[assignment]
    modelled: bool = False                 # True for the trades the ontology has figures for


@dataclass(frozen=True, slots=True)
class AssetClassInfo:
    code: str
    name_zh: str
    name_en: str
    ancestors: tuple[str, ...]             # itself, then e.g. HeavyVehicle, Vehicle, Asset
    value_range_cny: tuple[int, int]
    depreciation_per_year: float
    haircut: float
    vehicle: bool
    photo_class: bool


@dataclass(frozen=True, slots=True)
class EvidenceTypeInfo:
    code: str
    name_zh: str
    name_en: str
    proves: str
    fact_labels: tuple[str, ...]
    licence: bool


@dataclass(frozen=True, slots=True)
class IndustryLinkInfo:
    supplier: str                          # GB/T class that sells
    buyer: str                             # GB/T class that buys
    coefficient: float
    basis: str                             # io_direct_requirement | traded_goods
    io_sector: str


@dataclass(frozen=True, slots=True)
class IndustryKnowledge:
    industries: Mapping[str, IndustryInfo]
    asset_classes: Mapping[str, AssetClassInfo]
    asset_groups: frozenset[str]           # non-leaf asset classes (Vehicle, HeavyVehicle, …)
    evidence_types: Mapping[str, EvidenceTypeInfo]
    links: tuple[IndustryLinkInfo, ...]
    owl_names: frozenset[str]              # every class, property and individual name, for reference checks
    source: str = ""

    def industry(self, code: str) -> IndustryInfo:
        code = code.removeprefix("GBT_")
        if code not in self.industries:
            raise UnknownTerm(f"unknown industry code {code!r} (not in the ontology's GB/T 4754 taxonomy)")
        return self.industries[code]

    def industry_is_a(self, code: str, ancestor: str) -> bool:
        return ancestor.removeprefix("GBT_") in self.industry(code).ancestors

    def asset(self, code: str) -> AssetClassInfo:
        if code not in self.asset_classes:
            raise UnknownTerm(f"unknown asset class {code!r}")
        return self.asset_classes[code]

    def asset_is_a(self, code: str, cls: str) -> bool:
        return code in self.asset_classes and cls in self.asset_classes[code].ancestors

    def haircut(self, asset_class: str, industry: str | None = None) -> float:
        if industry is not None:
            for code in self.industry(industry).ancestors:
                cut = (self.industries[code].haircut_overrides or {}).get(asset_class)
                if cut is not None:
                    return cut
        return self.asset(asset_class).haircut

    def valuation(self, asset_class: str, registered: date | None = None, as_of: date | None = None) -> float:
        """Mid-range second-hand value, depreciated by whole years since ``registered``."""
        a = self.asset(asset_class)
        mid = (a.value_range_cny[0] + a.value_range_cny[1]) / 2
        if registered is None or as_of is None:
            return mid
        years = max(0.0, (as_of - registered).days / 365.25)
        return mid * (1 - a.depreciation_per_year) ** years

    def _modelled(self, code: str) -> IndustryInfo:
        for c in self.industry(code).ancestors:
            if self.industries[c].modelled:
                return self.industries[c]
        raise UnknownTerm(f"industry {code!r} has no business-cycle figures in the ontology")

    def seasonality(self, industry: str, month: int) -> float:
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1..12, got {month}")
        return self._modelled(industry).seasonality[month - 1]

    def peak_months(self, industry: str) -> tuple[int, ...]:
        return self._modelled(industry).peak_months

    def cash_cycle_days(self, industry: str) -> int:
        return self._modelled(industry).cash_cycle_days or 0

    def required_licences(self, industry: str) -> tuple[str, ...]:
        return self.industry(industry).required_licences

    def upstream_of(self, industry: str) -> tuple[IndustryLinkInfo, ...]:
        """Links where ``industry`` is the buyer (its suppliers' classes)."""
        return tuple(l for l in self.links if l.buyer == industry)

    def downstream_of(self, industry: str) -> tuple[IndustryLinkInfo, ...]:
        return tuple(l for l in self.links if l.supplier == industry)


def _label(entity, lang: str) -> str:
    for value in entity.label:
        if getattr(value, "lang", None) == lang:
            return str(value)
    return str(entity.label[0]) if entity.label else entity.name


def _one(entity, prop: str, default=None):
    values = getattr(entity, prop, [])
    return values[0] if values else default


def read_knowledge(path: Path = DEFAULT_OWL) -> IndustryKnowledge:
    world, onto = load_owl(path)
    ns = onto.get_namespace(onto.base_iri)
    business, asset_root = ns.Business, ns.Asset
    industries: dict[str, IndustryInfo] = {}
    requires = ns.requiresLicence
    for cls in business.descendants(include_self=False):
        code = _one(cls, "gbtCode")
        if code is None:
            continue
        chain = [c for c in cls.ancestors() if _one(c, "gbtCode") is not None]
        ancestors = tuple(sorted((str(_one(c, "gbtCode")) for c in chain), key=lambda c: (-len(c) if c[0].isdigit() else 0)))
        lics = sorted({str(r.value.name) for c in chain for r in c.is_a
                       if getattr(r, "property", None) is requires and hasattr(r, "value")})
        modelled = bool(_one(cls, "ourIndustry", False))
        season = tuple(float(v) for v in str(_one(cls, "seasonality", "")).split())
        overrides = {}
        for text in getattr(cls, "haircutOverride", []):
            asset, _, cut = str(text).partition("=")
            overrides[asset.strip()] = float(cut)
        industries[str(code)] = IndustryInfo(
            code=str(code), level=int(_one(cls, "gbtLevel")), name_zh=_label(cls, "zh"), name_en=_label(cls, "en"),
            ancestors=ancestors, seasonality=season,
            peak_months=tuple(int(m) for m in str(_one(cls, "peakMonths", "")).split()),
            cash_cycle_days=_one(cls, "cashCycleDays"),
            gross_margin=(float(_one(cls, "grossMarginLow")), float(_one(cls, "grossMarginHigh"))) if modelled else None,
            annual_revenue_cny=(int(_one(cls, "annualRevenueLow")), int(_one(cls, "annualRevenueHigh"))) if modelled else None,
            sells_to_households=bool(_one(cls, "sellsToHouseholds", False)), io_sector=str(_one(cls, "ioSector", "")),
            typical_assets=tuple(sorted(a.name for a in getattr(cls, "typicalAsset", []))),
            required_licences=tuple(lics),
            evidence_types=tuple(sorted(e.name for e in getattr(cls, "acceptsEvidence", []))),
            haircut_overrides=overrides, modelled=modelled)
    assets: dict[str, AssetClassInfo] = {}
    groups: set[str] = set()
    for cls in asset_root.descendants(include_self=False):
        if _one(cls, "assetCode") is None:
            groups.add(cls.name)
            continue
        ancestors = tuple(c.name for c in sorted(cls.ancestors(include_self=True), key=lambda c: -len(c.ancestors()))
                          if c is not ns.Asset and c.name != "Thing" and issubclass(c, asset_root)) + ("Asset",)
        assets[cls.name] = AssetClassInfo(
            code=cls.name, name_zh=_label(cls, "zh"), name_en=_label(cls, "en"), ancestors=ancestors,
            value_range_cny=(int(_one(cls, "valueLow")), int(_one(cls, "valueHigh"))),
            depreciation_per_year=float(_one(cls, "depreciationPerYear")), haircut=float(_one(cls, "haircut")),
            vehicle=bool(_one(cls, "isVehicle", False)), photo_class=bool(_one(cls, "photoClass", False)))
    evidence = {
        ind.name: EvidenceTypeInfo(ind.name, _label(ind, "zh"), _label(ind, "en"), str(_one(ind, "proves", "")),
                                   tuple(str(v) for v in getattr(ind, "factLabel", [])),
                                   ns.LicenceType in ind.is_a)
        for ind in ns.EvidenceType.instances()}
    links = tuple(sorted(
        (IndustryLinkInfo(str(_one(_one(l, "linkSupplier"), "gbtCode")), str(_one(_one(l, "linkBuyer"), "gbtCode")),
                          float(_one(l, "coefficient")), str(_one(l, "basis")), str(_one(l, "ioSector")))
         for l in ns.IndustryLink.instances()),
        key=lambda l: (l.buyer, l.supplier, l.io_sector)))
    names = frozenset(e.name for e in (*onto.classes(), *onto.properties(), *onto.individuals()))
    world.close()
    return IndustryKnowledge(industries, assets, frozenset(groups), evidence, links, names, str(path))
