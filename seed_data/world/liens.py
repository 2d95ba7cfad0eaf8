"""Vehicles bought on credit: the mortgage a lender registers on the vehicle (机动车抵押登记).

Most Chinese commercial vehicles are bought on instalments from a captive finance company or a bank,
which registers a mortgage at the vehicle office until the loan is repaid; the mortgage shows on the
registration certificate (机动车登记证书), never on the driving licence. A lender can count a mortgaged
vehicle only after the first-ranking lender's outstanding claim.

Assumptions (none measured here; orders of magnitude from trade reporting on commercial-vehicle
finance, 2020–2024): ``FINANCED_SHARE`` of heavy vehicles and of light ones were financed; a loan
covers ``LOAN_TO_VALUE`` of the price over ``TERM_MONTHS`` and amortises linearly; the lender is the
brand's captive finance company when it has one, else a bank.
"""
from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import numpy as np

from seed_data.world.assets import ASSET_CLASSES
from seed_data.world.records import Asset

FINANCED_SHARE = {"heavy": 0.6, "light": 0.4}
LOAN_TO_VALUE = 0.7
TERM_MONTHS = (24, 36, 48)
CAPTIVE_LENDERS = {"解放": "一汽解放汽车金融有限公司", "东风": "东风汽车财务有限公司", "重汽": "重汽汽车金融有限公司",
                   "豪沃": "重汽汽车金融有限公司", "陕汽": "陕西重型汽车融资租赁有限公司", "欧曼": "福田汽车金融有限公司",
                   "福田": "福田汽车金融有限公司", "江淮": "瑞福德汽车金融有限公司", "五十铃": "庆铃汽车金融有限公司"}
BANK_LENDERS = ("中国工商银行股份有限公司", "中国建设银行股份有限公司", "中国农业银行股份有限公司",
                "平安银行股份有限公司", "招商银行股份有限公司")
LIGHT = frozenset({"light_truck", "van"})


def with_liens(rng: np.random.Generator, assets: tuple[Asset, ...], as_of: date) -> tuple[Asset, ...]:
    """``assets`` with a mortgage on the vehicles that were financed; drawn from its own stream."""
    out = []
    for a in assets:
        cls = ASSET_CLASSES[a.asset_class]
        if not cls.vehicle or rng.random() >= FINANCED_SHARE["light" if a.asset_class in LIGHT else "heavy"]:
            out.append(a)
            continue
        term = int(rng.choice(TERM_MONTHS))
        registered = a.acquired + timedelta(days=int(rng.integers(3, 30)))
        elapsed = (as_of - registered).days / 30.44
        age_years = (as_of - a.acquired).days / 365.25
        price = a.value_cny / (1 - cls.depreciation_per_year) ** age_years
        if elapsed >= term:
            released = registered + timedelta(days=int(term * 30.44) + int(rng.integers(5, 60)))
            balance = 0
        else:
            released = None
            balance = int(round(price * LOAN_TO_VALUE * (1 - elapsed / term), -2))
        if released is not None and released > as_of:
            released = None
        lender = CAPTIVE_LENDERS.get(a.brand or "") if rng.random() < 0.7 else None
        lender = lender or BANK_LENDERS[int(rng.integers(len(BANK_LENDERS)))]
        out.append(dataclasses.replace(a, lien_holder=lender, lien_registered=registered, lien_released=released,
                                       lien_balance_cny=balance))
    return tuple(out)
