"""居民身份证 of the merchant's owner (经营者 / 法定代表人), front and back, as merchants hand it over:
a photocopy of both sides on one A4 sheet marked for one use (layout ``a4_copy``: "仅供…使用" written
across it, as people are told to), or a phone photo of the two cards side by side (``card_pair``).

GB 11643 number, name, sex, 民族, birth date and address on the front; the issuing public security
bureau and the term on the back. The term follows the law on resident ID cards (居民身份证法 第五条):
10 years when issued at 16–25, 20 years at 26–45, 长期 from 46. The card was issued at the last
renewal before the world's day (assumption: people renew on time). Only the owner's card is planned.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.fraud import expired_until, unsupported
from seed_data.documents.identity import district
from seed_data.numbers.corrupt import corrupt_check_digit
from seed_data.numbers.resident_id import make_resident_id, resident_id_is_valid
from seed_data.world.records import EvidenceItem, Merchant, World

ETHNICITY = "汉"   # assumption: 91% of the population; the seed world draws Han names
OTHER_NAMES = ("张伟", "王芳", "李娜", "刘强", "陈静", "杨洋", "赵磊", "黄敏")


@dataclass(frozen=True, slots=True)
class ResidentIdCard:
    layout: str                 # "a4_copy" | "card_pair"
    name: str
    gender: str                 # 男 | 女
    ethnicity: str
    birth_date: date
    address: str
    number: str                 # 公民身份号码
    issuer: str                 # 签发机关
    valid_from: date
    valid_until: date | None    # None: 长期
    purpose: str                # what the copy is marked for
    alteration: Alteration | None
    doc_type: str = "resident_id"


def _term(birth: date, issued: date) -> int | None:
    age = issued.year - birth.year - ((issued.month, issued.day) < (birth.month, birth.day))
    return 10 if age < 26 else 20 if age < 46 else None


def _last_issue(birth: date, as_of: date) -> date:
    """The last renewal on or before ``as_of``: first card at 16, then each term after the last."""
    issued = date(birth.year + 16, birth.month, min(birth.day, 28))
    while True:
        years = _term(birth, issued)
        if years is None:
            return issued
        nxt = date(issued.year + years, issued.month, issued.day)
        if nxt > as_of:
            return issued
        issued = nxt


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> ResidentIdCard:
    owner, alteration, kind = merchant.owner, None, item.fraud_kind
    name, number, birth, gender = owner.name, owner.resident_id, owner.birth_date, owner.gender
    issued = _last_issue(birth, world.as_of)
    years = _term(birth, issued)
    until = None if years is None else date(issued.year + years, issued.month, issued.day)
    if kind == "name_mismatch":   # somebody else's card: another person's name and number
        other = OTHER_NAMES[int(rng.integers(len(OTHER_NAMES)))]
        name, number = other, make_resident_id(rng, merchant.region_code, birth, gender)
        alteration = Alteration(kind, "name", owner.name, name, "another person's ID card")
    elif kind == "invalid_check_digit":
        number = corrupt_check_digit(owner.resident_id, resident_id_is_valid)
        alteration = Alteration(kind, "number", owner.resident_id, number, "check character fails GB 11643")
    elif kind == "expired_licence":
        until = expired_until(world, item)
        alteration = Alteration(kind, "valid_until", None, f"{until:%Y.%m.%d}", "card expired")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("resident_id", kind)
    place = district(merchant.region_code, rng)
    return ResidentIdCard(
        layout="card_pair" if item.capture == "phone" and rng.random() < 0.5 else "a4_copy", name=name,
        gender="男" if gender == "M" else "女", ethnicity=ETHNICITY, birth_date=birth,
        address=f"{place}{('幸福', '建设', '人民', '解放', '和平')[int(rng.integers(5))]}路{int(rng.integers(1, 300))}号",
        number=number, issuer=f"{place}公安局" if place.endswith(("区", "县", "市")) else f"{place}公安分局",
        valid_from=issued, valid_until=until, purpose="仅供银行贷款申请使用，他用无效", alteration=alteration)
