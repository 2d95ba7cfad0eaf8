from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path

import pytest

import ontology
from ontology import FactItem, MerchantFacts
from ontology.rules.examples import load_examples
from ontology.versions import DEFAULT_RULESETS, VersionRefused, activate


def _merchant(industry: str, *items: FactItem) -> MerchantFacts:
    return MerchantFacts("M1", industry, date(2026, 6, 30), 100_000, {"legal_form": "company"}, items)


def test_every_rule_has_chinese_and_english_text_and_a_firing_example() -> None:
    rs = ontology.load_active_ruleset()
    assert len(rs.rules) >= 30
    assert all(r.text_zh.strip() and r.text_en.strip() for r in rs.rules)
    examples = load_examples(DEFAULT_RULESETS / rs.version / "examples.yaml")
    shown = {e.rule_id for ex in examples for e in ex.expectations if e.fires}
    assert shown >= {r.id for r in rs.rules}


def test_rule_on_a_parent_industry_applies_to_its_subclasses() -> None:
    rs = ontology.load_active_ruleset()
    for code in ("6210", "6220", "6291"):  # catering.* is scoped to division 62
        fired = {f.rule_id for f in rs.evaluate(_merchant(code)).fired()}
        assert "catering.no_food_licence_cap" in fired
    assert "catering.no_food_licence_cap" not in {f.rule_id for f in rs.evaluate(_merchant("5212")).fired()}


def test_freight_capacity_is_vehicle_value_times_haircut_halved_without_its_transport_certificate() -> None:
    rs = ontology.load_active_ruleset()
    k = ontology.knowledge()
    permit = FactItem("Licence", "p", "HOLDS", {"licence_type": "road_transport_permit"}, ("e1",), True,
                      valid_to=date(2027, 1, 1))
    truck = FactItem("Asset", "VIN1", "OWNS", {"asset_class": "heavy_truck", "registered": date(2026, 6, 30),
                                               "plate": "粤B12345"}, ("e2",), True)
    cert = FactItem("Licence", "c", "HOLDS", {"licence_type": "vehicle_transport_cert", "plate": "粤B12345"}, ("e3",),
                    True, valid_to=date(2027, 1, 1))
    full = k.valuation("heavy_truck") * k.haircut("heavy_truck")
    firing = next(f for f in rs.evaluate(_merchant("5431", permit, truck, cert)).firings
                  if f.rule_id == "freight.truck_capacity")
    assert firing.fired and firing.evidence_ids == ("e1", "e2", "e3")
    assert firing.amount_cny == pytest.approx(full)
    firing = next(f for f in rs.evaluate(_merchant("5431", permit, truck)).firings if f.rule_id == "freight.truck_capacity")
    assert firing.fired and firing.amount_cny == pytest.approx(full / 2)
    unverified = FactItem("Asset", "VIN1", "OWNS", {"asset_class": "heavy_truck"}, ("e2",), False)
    assert not next(f for f in rs.evaluate(_merchant("5431", permit, unverified)).firings
                    if f.rule_id == "freight.truck_capacity").fired


def test_a_trucks_licence_photo_and_mortgaged_title_are_one_vehicle_that_lends_nothing() -> None:
    rs = ontology.load_active_ruleset()
    permit = FactItem("Licence", "p", "HOLDS", {"licence_type": "road_transport_permit"}, ("e1",), True,
                      valid_to=date(2027, 1, 1))
    licence = FactItem("Asset", "VIN1", "OWNS", {"asset_class": "heavy_truck", "plate": "粤B1", "vin": "VIN1",
                                                 "registered": date(2024, 1, 1)}, ("e2",), True)
    photo = FactItem("Asset", "plate:粤B1", "OWNS", {"asset_class": "heavy_truck", "plate": "粤B1"}, ("e3",), True)
    title = FactItem("Asset", "registration:1", "OWNS", {"asset_class": "heavy_truck", "plate": "粤B1",
                                                         "lien_active": True}, ("e4",), True)
    free = next(f for f in rs.evaluate(_merchant("5431", permit, licence, photo)).firings
                if f.rule_id == "freight.truck_capacity")
    assert free.fired and "1 verified heavy vehicles" in free.text_en and free.amount_cny > 0
    pledged = next(f for f in rs.evaluate(_merchant("5431", permit, licence, photo, title)).firings
                   if f.rule_id == "freight.truck_capacity")
    assert pledged.fired and "1 under a registered mortgage" in pledged.text_en and pledged.amount_cny == 0
    assert set(pledged.evidence_ids) >= {"e2", "e3", "e4"}


def test_knowledge_gives_seasonality_and_valuations() -> None:
    k = ontology.knowledge()
    season = k.industry("5431").seasonality
    assert len(season) == 12 and sum(season) / 12 == pytest.approx(1.0, abs=1e-3)
    assert k.peak_months("5431") == (11, 12)
    assert k.haircut("livestock", "0313") == 0.25 and k.haircut("livestock", "0321") == 0.3
    assert k.industry("5431").ancestors == ("5431", "543", "54", "G")
    with pytest.raises(ontology.UnknownTerm):
        k.asset("spaceship")


def test_running_service_picks_up_activated_version_and_keeps_it_when_the_next_is_broken(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(DEFAULT_RULESETS, root)
    monkeypatch.setenv("BAILING_RULESETS_DIR", str(root))
    shipped = (root / "active").read_text().strip()
    assert ontology.load_active_ruleset().version == shipped
    shutil.copytree(root / shipped, root / "v98")
    activate("v98", root, reason=False)
    assert ontology.load_active_ruleset().version == "v98"
    shutil.copytree(root / shipped, root / "v99")
    (root / "v99" / "rules.yaml").write_text((root / "v99" / "rules.yaml").read_text().replace("effect: flag", "effect: flg"))
    with pytest.raises(VersionRefused):
        activate("v99", root, reason=False)
    assert (root / "active").read_text().strip() == "v98"
    (root / "active").write_text("v99\n")  # edited by hand: the loader refuses it too
    os.utime(root / "active", (time.time() + 5, time.time() + 5))
    assert ontology.load_active_ruleset().version == "v98"
    assert "v99 refused" in (ontology.versions.last_refusal() or "")
