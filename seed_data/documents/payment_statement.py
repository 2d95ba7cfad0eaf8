"""收款记录: a WeChat Pay / Alipay merchant takings screen, as the merchant would screenshot it.

The month total is the merchant's payment-platform takings for the month; the list shows the latest
entries only, as a phone screen would, so entries need not add up to the total.

Two layouts (``layout``): ``screen``, the app's 收款记录 screenshot, and ``proof``, the 交易明细证明 PDF the
app issues on request for a loan or a visa (微信支付交易明细证明 by 财付通, 支付宝交易流水证明 by 支付宝), with
the issuer's seal, the period, the takings summary and the first page of the transaction table. Banks
ask for the proof more and more because it carries a seal and a verifiable number, but a screenshot is
still what most merchants send first: 35% are proofs (assumption). The layout is drawn from its own
stream (tag ``"layout"``), so no value of the content moves.

A third layout, ``acquirer``, is the 商户交易对账单 a merchant exports from its aggregated-payment provider
(聚合支付: one QR code or terminal takes WeChat, Alipay and UnionPay, as 收钱吧 or 拉卡拉 run them) under a
made-up brand, ``ACQUIRER_BRAND``, which is then the statement's ``platform``. Many small shops take
payments through such a provider rather than a platform's own merchant account, and its 对账单 is what
they hold: 20% of payment statements are that export (assumption). It is decided from a stream of its
own (tag ``"acquirer"``) before the screen/proof draw, so zeroing ``ACQUIRER_SHARE`` prints every item as
before; only ``layout`` and ``platform`` move. It is held out of the readers' development (issue 14).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.fraud import edit_factor, shown_identity, unsupported
from seed_data.documents.identity import SURNAMES
from seed_data.documents.printed import money_grouped
from seed_data.documents.seeding import stream
from seed_data.world.records import EvidenceItem, Merchant, World

PLATFORMS = ("微信支付", "支付宝")
ENTRIES = 9
PROOF_SHARE = 0.35   # assumption, see above
ACQUIRER_SHARE = 0.2   # assumption, see above
ACQUIRER_BRAND = "禾聚付"   # made up: no real provider's name or trade dress


@dataclass(frozen=True, slots=True)
class PaymentEntry:
    when: str            # "05-12 14:03"
    title: str           # 二维码收款-来自*明
    amount_cents: int


@dataclass(frozen=True, slots=True)
class PaymentStatement:
    platform: str
    shop_name: str
    month: str           # 2024年05月
    total_cents: int
    count: int           # 笔数
    entries: tuple[PaymentEntry, ...]
    screen_time: str     # status-bar clock
    issued: date
    alteration: Alteration | None
    doc_type: str = "payment_statement"
    layout: str = "screen"   # "screen" (收款记录 screenshot) | "proof" (交易明细证明 PDF) | "acquirer" (对账单)


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> PaymentStatement:
    month = f"{item.issued:%Y-%m}"
    flow = next((f for f in merchant.monthly if f.month == month), None)
    total = item.amount_cny if item.amount_cny is not None else (
        int(flow.inflow_cny * 0.6) if flow else merchant.others.payment_flow_monthly_avg_cny)
    total_cents = max(total, 1) * 100 + int(rng.integers(100))
    typical = max(total_cents // 400, 500)
    entries = []
    for k in range(ENTRIES):
        day = max(item.issued.day - k // 3, 1)
        entries.append(PaymentEntry(
            when=f"{item.issued.month:02d}-{day:02d} {int(rng.integers(7, 22)):02d}:{int(rng.integers(60)):02d}",
            title=f"二维码收款-来自*{SURNAMES[int(rng.integers(len(SURNAMES)))]}",
            amount_cents=int(rng.gamma(2.0, typical / 2)) + 100))
    entries.sort(key=lambda e: e.when, reverse=True)
    shop, alteration, kind = merchant.name, None, item.fraud_kind
    if kind == "tamper_amount":
        edited = total_cents * edit_factor(world, item)
        alteration = Alteration(kind, "month_total", money_grouped(total_cents), money_grouped(edited),
                                "month total edited on the screenshot")
        total_cents = edited
    elif kind == "name_mismatch":
        shop, _ = shown_identity(world, merchant, item)
        alteration = Alteration(kind, "shop_name", merchant.name, shop, "takings of another shop")
    elif kind not in (None, "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported("payment_statement", kind)
    platform = PLATFORMS[int(rng.integers(2))]
    layout = "proof" if stream(world.seed, item.evidence_id, "layout").random() < PROOF_SHARE else "screen"
    if stream(world.seed, item.evidence_id, "acquirer").random() < ACQUIRER_SHARE:
        platform, layout = ACQUIRER_BRAND, "acquirer"
    return PaymentStatement(
        platform=platform, shop_name=shop, month=f"{item.issued.year}年{item.issued.month:02d}月",
        total_cents=total_cents, count=int(total_cents / typical * 0.9) + ENTRIES, entries=tuple(entries),
        screen_time=f"{int(rng.integers(8, 23)):02d}:{int(rng.integers(60)):02d}", issued=item.issued,
        alteration=alteration, layout=layout,
    )
