"""A small hand-built world covering every renderable document type and several photo classes.

Used by the renderer's tests and by ``bench/seed_legibility.py`` so that both run without the world
generator (``seed_data.world``), and stay stable when the generator's distributions change. Merchants
come in two templates: a freight company (invoices, contracts, transport papers, a truck) and a
sole-trader noodle shop (payment screenshots, food licence, shop front).
"""
from __future__ import annotations

from datetime import date

import numpy as np

from seed_data.numbers.luhn import make_luhn_number
from seed_data.numbers.plates import make_plate
from seed_data.numbers.resident_id import make_resident_id
from seed_data.numbers.uscc import SOLE_TRADER, make_uscc
from seed_data.numbers.vin import make_vin
from seed_data.world.records import (
    Asset, EvidenceItem, Industry, Merchant, MonthlyFlow, OthersData, Owner, Party, TradeLink, World,
)

DOC_TYPES_FREIGHT = ("business_licence", "vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice",
                     "sales_contract", "lease_contract", "freight_contract", "waybill", "bank_statement",
                     "road_transport_permit", "vehicle_licence", "vehicle_registration", "vehicle_transport_cert",
                     "construction_contract", "purchase_order", "delivery_note", "account_statement", "receipt")
DOC_TYPES_SHOP = ("business_licence", "payment_statement", "food_licence", "vat_ordinary_invoice",
                  "property_certificate", "qualification_cert", "tax_certificate", "utility_bill", "social_insurance",
                  "resident_id")


def _merchant(rng: np.random.Generator, mid: str, name: str, industry: str, region: str, form: str,
              assets: tuple[Asset, ...], links: tuple[TradeLink, ...], docs: tuple[str, ...],
              photos: tuple[str, ...]) -> Merchant:
    owner_birth = date(1980, 5, 17)
    owner = Owner(("陈建国", "李秀英", "王海波", "张志强")[int(rng.integers(4))],
                  make_resident_id(rng, region, owner_birth, "M"), "M", owner_birth)
    monthly = tuple(MonthlyFlow(f"2024-{m:02d}", 180_000 + 5_000 * m, 176_000 + 4_000 * m, 150_000 + 3_000 * m)
                    for m in range(1, 13))
    items = []
    for i, doc in enumerate(docs):
        cp = links[i % len(links)].party_id if doc not in ("business_licence", "bank_statement",
                                                           "payment_statement", "food_licence",
                                                           "road_transport_permit", "vehicle_licence",
                                                           "property_certificate", "vehicle_registration",
                                                           "vehicle_transport_cert", "qualification_cert",
                                                           "tax_certificate", "utility_bill", "social_insurance",
                                                           "resident_id") else None
        amount = int(rng.integers(3_000, 250_000)) if cp else None
        vehicle_paper = doc in ("vehicle_licence", "vehicle_registration", "vehicle_transport_cert")
        items.append(EvidenceItem(f"{mid}-E{i:02d}", mid, doc, None, date(2024, 6, 3 + i), cp, amount, "clean",
                                  None, None, asset_id=assets[0].asset_id if vehicle_paper and assets else None))
    for j, cls in enumerate(photos):
        a = next((x for x in assets if x.asset_class == cls), None)
        items.append(EvidenceItem(f"{mid}-P{j:02d}", mid, "photo", cls, date(2024, 6, 20), None, None, "clean",
                                  None, None, asset_id=a.asset_id if a else None))
    return Merchant(
        merchant_id=mid, name=name,
        uscc=make_uscc(rng, region, SOLE_TRADER if form == "individual" else "91"),
        industry_code=industry, region_code=region,
        address=f"{'深圳市南山区' if region == '440300' else '济南市历下区'}兴业路{int(rng.integers(1, 300))}号",
        founded=date(2016, 3, 15), legal_form=form, registered_capital_cny=1_000_000, owner=owner,
        bank_account=make_luhn_number(rng, "622202"), monthly=monthly, gross_margin=0.2, assets=assets,
        links=links, others=OthersData(100_000, 650, 0, 90_000), true_limit_cny=200_000, fraud_kinds=(),
        evidence=tuple(items), split="train", bank_name="中国工商银行",
    )


def sample_world(seed: int = 11, copies: int = 1) -> World:
    """``copies`` freight companies and ``copies`` noodle shops, each with one item per type."""
    rng = np.random.default_rng(seed)
    parties = (
        Party("P001", "济南鲁中物流有限公司", make_uscc(rng, "370100"), "5430", "370100"),
        Party("P002", "深圳市华强电子商贸有限公司", make_uscc(rng, "440300"), "5211", "440300"),
        Party("P003", "佛山市顺德区粮油批发有限公司", make_uscc(rng, "440600"), "5124", "440600"),
    )
    freight_names = ("深圳市鹏程货运有限公司", "深圳市安达顺物流有限公司", "深圳市恒通运输有限公司")
    shop_names = ("济南市历下区老陈面馆", "济南市市中区阿芳小吃店", "济南市槐荫区兴旺快餐店")
    merchants = []
    for k in range(copies):
        truck = Asset(f"A{k}01", "heavy_truck", 320_000, date(2021, 4, 8), make_plate(rng, "440300", large=True),
                      make_vin(rng, 2021), "解放")
        merchants.append(_merchant(
            rng, f"M{2 * k + 1:03d}", freight_names[k % 3] if k < 3 else f"深圳市顺{k}货运有限公司", "5430",
            "440300", "company", (truck, Asset(f"A{k}02", "excavator", 400_000, date(2020, 1, 1), None, None, "三一")),
            (TradeLink("P002", "sells_to", 600_000), TradeLink("P001", "buys_from", 200_000)),
            DOC_TYPES_FREIGHT, ("heavy_truck", "excavator", "cartons")))
        merchants.append(_merchant(
            rng, f"M{2 * k + 2:03d}", shop_names[k % 3] if k < 3 else f"济南市历下区第{k}面馆", "6210", "370100",
            "individual", (), (TradeLink("P003", "buys_from", 120_000),), DOC_TYPES_SHOP,
            ("shop_front", "shelf_goods", "restaurant_kitchen")))
    industries = (Industry("5430", "道路货物运输", "road freight", "54", (1.0,) * 12, 30, (0.1, 0.2), (), (), (), ()),
                  Industry("6210", "正餐服务", "restaurants", "62", (1.0,) * 12, 5, (0.4, 0.6), (), (), (), ()),
                  Industry("5211", "百货零售", "department stores", "52", (1.0,) * 12, 40, (0.1, 0.2), (), (), (), ()),
                  Industry("5124", "粮油批发", "grain and oil wholesale", "51", (1.0,) * 12, 30, (0.05, 0.1), (), (),
                           (), ()))
    return World(seed=seed, size="tiny", as_of=date(2024, 12, 31), industries=industries, parties=parties,
                 merchants=tuple(merchants))
