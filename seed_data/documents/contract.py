"""Contracts: 购销合同 (sales), 租赁合同 (lease), 运输合同 (freight) and 建设工程施工合同 (construction,
as the short 分包 form small contractors sign), one page each.

A contract's lines always sum to its printed total, also when the contract is inflated: a forged
contract is internally consistent, and is caught only against invoices and bank inflows. A tampered
contract (a local edit of the total) keeps its genuine lines.

Two printed formats (``layout``). ``clause``: the parties' own agreement, 甲方/乙方 blocks, a table and
five numbered clauses, as a firm's template or a lawyer's draft reads. ``model``: the government model
text (示范文本) filled in: the State Administration for Industry and Commerce's 工业品买卖合同
GF—2000—0101 for sales (出卖人/买受人, 第一条 table of 标的名称…金额, 第二条–第十八条, the two-column
signature table with 住所, 法定代表人, 开户银行, 账号, 税号), a city housing bureau's 房屋租赁合同 for
shop and warehouse leases (出租人/承租人, articles with filled blanks: 坐落, 面积, 租赁期限, 月租金, 租金总计),
and the 货物运输合同 model text for freight (托运方/承运方, 第一条 cargo table, 起运/到达地点, 运输费用).

Share, an assumption: stationers sell the model texts and market regulators push them, but most
firms with a regular counterparty sign its (or their own) template. Taken as 30% of sales and freight
contracts and 40% of premises leases (landlords and letting agents use the housing bureau's text
more often than traders use GF forms); 0% of machinery leases and construction subcontracts, which
have no such everyday form here. The draw comes from its own stream (``contract_layout``), never from
the content stream, so adding the format moved no other value of any contract.

A third format, ``terms_table`` (held out, issue 14): the standard template of a large counterparty,
whose first part is a 合同要素表 (合同编号, both parties' particulars side by side, 标的, 合同金额 in
capitals and figures, 履行/租赁期限, 签订地点, 签订日期) followed by its 通用条款 and a signature table
(``seed_data.render.layouts.contract_terms``). Share, an assumption: among the contracts not on a model
text, 25% of sales, freight and premises leases (large buyers' 采购合同, carriers' and shippers' 运输服务合同,
shopping-centre and logistics-park landlords' 租赁合同) and 30% of machinery leases and construction
contracts (large contractors and developers make the small firms they hire sign their own 设备租赁 and
施工 templates). Drawn from a stream of its own (``contract_template``), after and apart from the model
draw, so no model text moved and no content value moved.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.capital_amount import capital_amount
from seed_data.documents.fraud import amounts_cents, shown_identity, shown_uscc, unsupported
from seed_data.documents.goods import goods_for
from seed_data.documents.identity import Side, district, merchant_side, party_side, place
from seed_data.documents.lookup import party
from seed_data.documents.printed import money
from seed_data.documents.seeding import stream
from seed_data.world.records import EvidenceItem, Merchant, World

TITLES = {"sales_contract": "购销合同", "lease_contract": "租赁合同", "freight_contract": "货物运输合同",
          "construction_contract": "建设工程施工合同"}
# 工程量清单 lines by trade: (name, content, unit, price range per unit in CNY)
WORKS = {"5012": [("室内装饰装修工程", "按施工图及做法表", "平方米", (300, 1_500)), ("水电安装工程", "按施工图", "项", (8_000, 60_000))],
         "3311": [("钢结构制作安装", "Q235B/Q355B", "吨", (6_000, 12_000)), ("彩钢板屋面", "0.5mm双层", "平方米", (80, 220))],
         "7113": [("土石方开挖", "挖掘机台班", "台班", (1_200, 2_600)), ("场地平整", "装载机台班", "台班", (800, 1_800))]}
MODEL_SHARE = {"sales_contract": 0.30, "freight_contract": 0.30, "lease_contract": 0.40}   # see above
# share of the contracts not on a model text printed on a large counterparty's template (see above);
# "machinery_lease" is a lease_contract whose merchant is the lessor
TERMS_TABLE_SHARE = {"sales_contract": 0.25, "freight_contract": 0.25, "lease_contract": 0.25,
                     "machinery_lease": 0.30, "construction_contract": 0.30}
CARRIER_DIVISIONS = frozenset({"54", "58", "59", "60"})
LESSOR_DIVISIONS = frozenset({"71"})


@dataclass(frozen=True, slots=True)
class ContractLine:
    name: str
    spec: str
    unit: str
    quantity: int
    unit_price_cents: int
    amount_cents: int


@dataclass(frozen=True, slots=True)
class Contract:
    doc_type: str
    title: str
    number: str
    role_a: str                 # e.g. 甲方（买方）
    party_a: Side
    role_b: str
    party_b: Side
    merchant_is_a: bool
    signed: date
    start: date
    end: date
    place: str                  # 签订地点
    subject: str                # what the contract is about, one line (premises, route, goods)
    lines: tuple[ContractLine, ...]
    total_cents: int            # as printed
    total_capital: str          # 大写 of the printed total, except when the total was tampered
    clauses: tuple[str, ...]
    alteration: Alteration | None
    layout: str = "clause"      # "clause" (the parties' own agreement) | "model" (the 示范文本 filled in)
                                # | "terms_table" (a large counterparty's template: 合同要素表 + 通用条款)


def priced_lines(total: int, names: list[tuple[str, str, str, tuple[int, int]]], rng: np.random.Generator
           ) -> tuple[ContractLine, ...]:
    """Lines whose integer unit prices × quantities add up exactly to ``total`` cents."""
    n = min(len(names), int(rng.integers(1, 4)))
    shares = rng.dirichlet(np.ones(n) * 2.0)
    out, left = [], total
    for i in range(n):
        name, spec, unit, (lo, hi) = names[i]
        target = left if i == n - 1 else int(total * shares[i])
        qty = max(1, round(target / 100 / rng.uniform(lo, hi)))
        if i == n - 1:
            # the last line absorbs rounding: quantity 1 if the remainder does not divide evenly
            qty = qty if left % qty == 0 else 1
            price = left // qty
        else:
            price = max(target // qty // 100 * 100, 100)
        out.append(ContractLine(name, spec, unit, qty, price, price * qty))
        left -= price * qty
    return tuple(out)


def _roles(doc_type: str, merchant: Merchant, counterparty_id: str | None) -> tuple[str, str, bool]:
    """(role of 甲方, role of 乙方, merchant is 甲方). 甲方 is the paying side by convention."""
    division = merchant.industry_code[:2]
    if doc_type == "lease_contract":
        return "甲方（出租方）", "乙方（承租方）", division in LESSOR_DIVISIONS
    if doc_type == "freight_contract":
        return "甲方（托运方）", "乙方（承运方）", division not in CARRIER_DIVISIONS
    if doc_type == "construction_contract":   # the merchant is the contractor its customer hires
        return "甲方（发包人）", "乙方（承包人）", False
    link = next((l for l in merchant.links if l.party_id == counterparty_id), None)
    return "甲方（买方）", "乙方（卖方）", link is not None and link.direction == "buys_from"


def layout_for(world: World, item: EvidenceItem, premises: bool) -> str:
    """The printed format, from the item's own ``contract_layout`` and ``contract_template`` streams (not
    the content stream); the model draw comes first, as before the template format existed."""
    share = MODEL_SHARE.get(item.doc_type, 0.0) if (item.doc_type != "lease_contract" or premises) else 0.0
    if stream(world.seed, item.evidence_id, "contract_layout").random() < share:
        return "model"
    kind = "machinery_lease" if item.doc_type == "lease_contract" and not premises else item.doc_type
    template = stream(world.seed, item.evidence_id, "contract_template").random() < TERMS_TABLE_SHARE.get(kind, 0.0)
    return "terms_table" if template else "clause"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> Contract:
    doc_type = item.doc_type
    cp = party(world, item.counterparty_id)
    ours = merchant_side(world, merchant)
    theirs = party_side(world, cp) if cp else ours
    role_a, role_b, ours_is_a = _roles(doc_type, merchant, item.counterparty_id)
    alteration, kind = None, item.fraud_kind
    if kind == "name_mismatch":
        name, uscc = shown_identity(world, merchant, item)
        ours = Side(name, uscc, ours.address, ours.phone, ours.bank, ours.account, ours.signatory, None)
        alteration = Alteration(kind, "party_a_name" if ours_is_a else "party_b_name", merchant.name, name,
                                "the applicant's side of the contract names another business")
    elif kind == "invalid_check_digit":
        forged = shown_uscc(merchant, item)
        ours = Side(ours.name, forged, ours.address, ours.phone, ours.bank, ours.account, ours.signatory, None)
        alteration = Alteration(kind, "party_a_uscc" if ours_is_a else "party_b_uscc", merchant.uscc, forged,
                                "USCC check character fails GB 32100")
    elif kind not in (None, "tamper_amount", "inflated_contract", "screen_recapture", "print_recapture",
                      "reused_document"):
        raise unsupported(doc_type, kind)
    party_a, party_b = (ours, theirs) if ours_is_a else (theirs, ours)

    genuine, printed = amounts_cents(world, item, fallback_cny=int(rng.integers(20_000, 300_000)))
    signed = item.issued
    start = signed + timedelta(days=int(rng.integers(0, 15)))
    end = date(start.year + 1, start.month, min(start.day, 28)) - timedelta(days=1)
    seller_industry = cp.industry_code if (cp and party_b.party_id) else merchant.industry_code
    if doc_type == "lease_contract":
        premises = place(merchant.region_code, rng)
        area = int(rng.integers(40, 600))
        names = [("场地租金", f"{area}平方米", "月", (2_000, 30_000))] if not ours_is_a else \
            [("挖掘机租赁", "SY215C", "台班", (1_200, 2_500)), ("装载机租赁", "ZL50", "台班", (800, 1_600))]
        subject = f"租赁物：{premises}，面积{area}平方米" if not ours_is_a else "租赁物：工程机械设备（见下表）"
    elif doc_type == "freight_contract":
        origin = district(cp.region_code if cp else merchant.region_code, rng)
        dest = district(merchant.region_code, rng)
        names = [("整车运输", "普通货物", "车次", (1_500, 9_000)), ("零担运输", "普通货物", "吨", (120, 300))]
        subject = f"运输线路：{origin} 至 {dest}"
    elif doc_type == "construction_contract":
        names = WORKS.get(merchant.industry_code, WORKS["5012"])
        client = (cp.name if cp else ours.name).replace("有限责任公司", "").replace("有限公司", "")
        works = {"3311": "厂房钢结构工程", "7113": "场地平整土石方工程"}.get(merchant.industry_code, "办公楼装饰装修工程")
        subject = f"工程名称：{client}{works}"
    else:
        names = [(g.name, g.spec, g.unit, g.price_range) for g in goods_for(seller_industry)]
        subject = "标的物：见下表"
    basis = genuine if kind == "tamper_amount" else printed
    lines = priced_lines(basis, names, rng)
    if kind == "tamper_amount":
        alteration = Alteration(kind, "total", money(genuine), money(printed),
                                "contract total edited in place; the table still sums to the genuine total")
    elif kind == "inflated_contract":
        alteration = Alteration(kind, "total", money(genuine), money(printed),
                                "a consistent contract far above the merchant's real trade with this party")
    clauses = (
        f"一、合同期限：自{start:%Y年%m月%d日}起至{end:%Y年%m月%d日}止。",
        "二、结算方式：银行转账，乙方开具增值税发票后三十日内付清。",
        "三、违约责任：任何一方违约，应向守约方支付合同总金额百分之十的违约金。",
        "四、争议解决：协商不成的，向合同签订地人民法院提起诉讼。",
        "五、本合同一式两份，双方各执一份，自双方签字盖章之日起生效。",
    )
    return Contract(
        doc_type=doc_type, title=TITLES[doc_type],
        number=f"HT{signed:%Y%m%d}{int(rng.integers(1000, 9999))}", role_a=role_a, party_a=party_a,
        role_b=role_b, party_b=party_b, merchant_is_a=ours_is_a, signed=signed, start=start, end=end,
        place=ours.address[:6], subject=subject, lines=lines, total_cents=printed,
        total_capital=capital_amount(basis), clauses=clauses, alteration=alteration,
        layout=layout_for(world, item, premises=doc_type == "lease_contract" and not ours_is_a),
    )
