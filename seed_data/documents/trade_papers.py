"""A customer's 采购订单 to the merchant and the merchant's 送货单 for it: the order-to-delivery pair of
wholesale and manufacturing trades, printed by the customer's purchasing system and on the merchant's
carbonless triplicate pad. Both name the two parties and price the goods line by line.

Each has a second printed format (``layout == "erp"``), held out from the readers' development (issue
14): the order as a small firm's 进销存/ERP package (管家婆, 用友 T+ and their like) prints its 采购订单
from a template, and the note as the merchant's own package prints its 送货单 on 241-3 continuous
dot-matrix paper. Shares, an assumption: small and medium firms commonly run such packages; a
customer big enough to have a purchasing system of its own is the minority among the merchants'
customers, but the pad stays common for deliveries, so 40% of orders and 30% of notes print from a
package. Drawn from the item's own ``trade_paper_layout`` stream, never the content stream, so adding the
format moved no other value.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.capital_amount import capital_amount
from seed_data.documents.contract import ContractLine, priced_lines
from seed_data.documents.fraud import amounts_cents, shown_identity, unsupported
from seed_data.documents.goods import goods_for
from seed_data.documents.identity import Side, merchant_side, party_side, person_name
from seed_data.documents.lookup import party
from seed_data.documents.printed import money
from seed_data.documents.seeding import stream
from seed_data.world.records import EvidenceItem, Merchant, World

# Share of each type printed by a small firm's 进销存/ERP package; see the module docstring.
ERP_SHARE = {"purchase_order": 0.4, "delivery_note": 0.3}
FIRST_LAYOUT = {"purchase_order": "system", "delivery_note": "pad"}   # the customer's system / the carbon pad


@dataclass(frozen=True, slots=True)
class TradePaper:
    doc_type: str              # "purchase_order" | "delivery_note"
    number: str                # 订单编号 / the pad's red serial No.
    buyer: Side                # 采购方 / 收货单位
    seller: Side               # 供应商 / 送货单位 (the merchant)
    issued: date               # 订单日期 / 送货日期
    due: date                  # 交货日期 (orders only; the delivery day on a note)
    lines: tuple[ContractLine, ...]
    total_cents: int           # as printed
    total_capital: str
    clerk: str                 # 采购员 / 送货人
    alteration: Alteration | None
    layout: str = "system"     # "system" | "pad" (the first formats, see FIRST_LAYOUT) | "erp"


def layout_for(world: World, item: EvidenceItem) -> str:
    """The printed format, from the item's own ``trade_paper_layout`` stream (not the content stream)."""
    rng = stream(world.seed, item.evidence_id, "trade_paper_layout")
    return "erp" if rng.random() < ERP_SHARE[item.doc_type] else FIRST_LAYOUT[item.doc_type]


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> TradePaper:
    cp = party(world, item.counterparty_id)
    ours = merchant_side(world, merchant)
    theirs = party_side(world, cp) if cp else ours
    alteration, kind = None, item.fraud_kind
    if kind == "name_mismatch":
        name, uscc = shown_identity(world, merchant, item)
        ours = Side(name, uscc, ours.address, ours.phone, ours.bank, ours.account, ours.signatory, None)
        alteration = Alteration(kind, "seller_name", merchant.name, name, "another supplier's paper")
    elif kind not in (None, "tamper_amount", "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported(item.doc_type, kind)
    genuine, printed = amounts_cents(world, item, fallback_cny=int(rng.integers(5_000, 80_000)))
    names = [(g.name, g.spec, g.unit, g.price_range) for g in goods_for(merchant.industry_code)]
    lines = priced_lines(genuine, names, rng)
    if kind == "tamper_amount":
        alteration = Alteration(kind, "total", money(genuine), money(printed), "total edited; the lines still sum to the genuine one")
    order = item.doc_type == "purchase_order"
    number = (f"CG{item.issued:%Y%m%d}{int(rng.integers(1, 999)):03d}" if order
              else f"{int(rng.integers(1, 10**7)):07d}")
    return TradePaper(
        doc_type=item.doc_type, number=number, buyer=theirs, seller=ours, issued=item.issued,
        due=item.issued + timedelta(days=int(rng.integers(3, 30))) if order else item.issued, lines=lines,
        total_cents=printed, total_capital=capital_amount(genuine if kind == "tamper_amount" else printed),
        clerk=person_name(rng), alteration=alteration, layout=layout_for(world, item))
