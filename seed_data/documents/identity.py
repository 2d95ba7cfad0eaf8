"""A trading party as documents print it: name, tax id, address, phone, bank account, signatory.

The world records only what identifies a counterparty (name, USCC, region); the rest a document needs
is drawn here from a stream keyed on the party id, so a supplier has the same address, phone and bank
account on every invoice and contract in the world.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seed_data.documents.seeding import stream
from seed_data.numbers.luhn import BANK_BINS, make_luhn_number
from seed_data.numbers.regions import region
from seed_data.world.records import Merchant, Party, World

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红海波鹏宇浩凯欣怡晨阳俊峰雪梅兰林"
STREETS = ("人民路", "建设路", "解放路", "中山路", "工业大道", "新华街", "长江路", "黄河路", "朝阳路",
           "滨河路", "光明街", "兴业路", "商贸城", "物流园路", "农贸市场路", "和平路")


@dataclass(frozen=True, slots=True)
class Side:
    name: str
    uscc: str
    address: str
    phone: str
    bank: str
    account: str
    signatory: str            # legal representative or authorised signer
    party_id: str | None      # None for the merchant itself


def person_name(rng: np.random.Generator) -> str:
    given = "".join(GIVEN[int(i)] for i in rng.integers(0, len(GIVEN), size=int(rng.integers(1, 3))))
    return SURNAMES[int(rng.integers(len(SURNAMES)))] + given


def mobile(rng: np.random.Generator) -> str:
    return "1" + "3578"[int(rng.integers(4))] + "".join(str(d) for d in rng.integers(0, 10, size=9))


def district(region_code: str, rng: np.random.Generator) -> str:
    """City and county, e.g. 深圳市南山区; empty for a prefecture outside the shipped table."""
    try:
        r = region(region_code)
    except ValueError:
        return ""
    county = r.counties[int(rng.integers(len(r.counties)))][1] if r.counties else ""
    return r.name + county


def place(region_code: str, rng: np.random.Generator) -> str:
    """A street address inside the prefecture, e.g. 深圳市南山区兴业路128号."""
    return f"{district(region_code, rng)}{STREETS[int(rng.integers(len(STREETS)))]}{int(rng.integers(1, 400))}号"


def party_side(world: World, party: Party) -> Side:
    rng = stream(world.seed, party.party_id, "identity")
    bank = list(BANK_BINS)[int(rng.integers(len(BANK_BINS)))]
    return Side(name=party.name, uscc=party.uscc, address=place(party.region_code, rng), phone=mobile(rng),
                bank=bank, account=make_luhn_number(rng, BANK_BINS[bank]), signatory=person_name(rng),
                party_id=party.party_id)


def merchant_side(world: World, merchant: Merchant) -> Side:
    rng = stream(world.seed, merchant.merchant_id, "identity")
    return Side(name=merchant.name, uscc=merchant.uscc, address=merchant.address, phone=mobile(rng),
                bank=merchant.bank_name or "中国工商银行", account=merchant.bank_account,
                signatory=merchant.owner.name, party_id=None)
