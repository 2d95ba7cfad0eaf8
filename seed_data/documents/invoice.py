"""VAT invoices: paper special (专票) and ordinary (普票), and the fully digital e-invoice (数电票).

Each prints in one of its layouts (``layout``), chosen without touching the content stream (a separate
stream, tag ``"layout"``, or the content itself), so no value of an existing invoice moves:

- 专票 / 普票: ``paper`` (the brown pre-printed multi-part form, 10-digit code) or ``electronic``, the PDF of
  the 税控-era 增值税电子普通发票 (2016 on, code ending 11) / 增值税电子专用发票 (2021 on, code ending 13):
  12-digit code, 8-digit number, 校验码, 机器编号, 密码区, the seller's 发票专用章 on the ordinary one
  only (the special one is signed electronically instead). Shares are assumptions: by the last years
  of the 税控 system most ordinary invoices were electronic while most special ones were still paper,
  so 55% of ordinary and 25% of special invoices are electronic. Only the code, the title and, for a
  special one, the 校验码 change with the layout, as the formats require.
- 数电票: ``standard`` or ``freight``: an invoice for road freight (its first line is *运输服务*) must be
  issued as the 特定业务 "货物运输服务", whose PDF prints that name beside the QR code and a table of
  运输工具种类 / 运输工具牌号 / 起运地 / 到达地 / 运输货物名称 (values from the separate stream
  ``"transport"``). Its share is the share of freight invoices in the world, about 10%.
- 数电票 ``construction``: an invoice for construction work (first line *建筑服务*, the fit-out trades'
  装饰装修 / 水电安装) must be issued as the 特定业务 "建筑服务", whose PDF prints that name beside the QR
  code and a row of 土地增值税项目编号 / 跨地（市）标志 / 建筑服务发生地 / 建筑项目名称 (the elements the
  电子发票服务平台 asks for this business, written from the 数电票 specimen as published by the State
  Taxation Administration). Fit-out is done at the buyer's premises, so the site is the buyer's address
  and 跨地（市）标志 says whether it lies outside the seller's prefecture; 土地增值税项目编号 is left blank,
  as it is for work that is not part of a property development. Its share is the share of construction
  invoices in the world (well under 1%): held out, it is a small sample. The 有形动产 leases of the
  machinery-hire trade (*经营租赁*挖掘机租赁) are not 不动产经营租赁 and print the standard form.

Arithmetic is exact in cents: each line's 金额 + 税额 equals its tax-inclusive total, and the totals
are sums of the lines, so 价税合计 = 合计金额 + 合计税额 holds on every genuine invoice. A tampered
invoice keeps its lines and capitals and changes only the printed 价税合计(小写), as a forger editing one
figure would.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed_data.documents.alteration import Alteration
from seed_data.documents.capital_amount import capital_amount
from seed_data.documents.fraud import amounts_cents, shown_identity, shown_uscc, unsupported
from seed_data.documents.goods import Good, goods_for
from seed_data.documents.identity import Side, merchant_side, party_side, person_name
from seed_data.documents.lookup import party
from seed_data.documents.printed import money, unit_price
from seed_data.documents.seeding import stream
from seed_data.numbers.invoice import make_einvoice_number, make_invoice_code, make_invoice_number
from seed_data.numbers.plates import make_plate
from seed_data.numbers.regions import region, regions
from seed_data.world.records import EvidenceItem, Merchant, World

SMALL_SCALE_RATES = (1, 3)   # 征收率 for small-scale taxpayers (sole traders)
_CIPHER = "0123456789+-*/<>"
_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")
ELECTRONIC_SHARE = {"vat_ordinary_invoice": 0.55, "vat_special_invoice": 0.25}   # assumption, see above
FREIGHT_CATEGORY = "运输服务"
CONSTRUCTION_CATEGORY = "建筑服务"
# 数电票 特定业务 by the first line's tax category (held out from the readers' development: issue 14)
SPECIFIC_BUSINESS = {FREIGHT_CATEGORY: "freight", CONSTRUCTION_CATEGORY: "construction"}
_PREMISES = ("办公楼", "门店", "厂房", "仓库", "综合楼")   # what a fit-out job is done to
_VEHICLE_KINDS = ("重型半挂牵引车", "重型厢式货车", "中型厢式货车", "重型仓栅式货车")


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    name: str
    spec: str
    unit: str
    quantity: int
    unit_price: str
    amount_cents: int
    rate: int          # percent
    tax_cents: int


@dataclass(frozen=True, slots=True)
class Transport:
    """One row of the 货物运输服务 table a freight 数电票 prints."""
    vehicle_kind: str          # 运输工具种类
    plate: str                 # 运输工具牌号
    origin: str                # 起运地
    destination: str           # 到达地
    goods: str                 # 运输货物名称


@dataclass(frozen=True, slots=True)
class Construction:
    """The 建筑服务 row a construction 数电票 prints."""
    land_vat_project: str      # 土地增值税项目编号; blank outside property development
    cross_city: str            # 跨地（市）标志: 是 | 否
    site: str                  # 建筑服务发生地 with its 详细地址
    project: str               # 建筑项目名称


@dataclass(frozen=True, slots=True)
class VatInvoice:
    doc_type: str              # vat_special_invoice | vat_ordinary_invoice | digital_einvoice
    title: str
    code: str | None           # 发票代码; fully digital invoices have none
    number: str                # 8 digits, or 20 for fully digital invoices
    issued: date
    check_code: str | None     # 校验码, ordinary paper invoices only
    machine_no: str | None
    cipher: tuple[str, ...]    # 密码区 rows, paper invoices only
    buyer: Side
    seller: Side
    lines: tuple[InvoiceLine, ...]
    amount_cents: int          # 合计金额
    tax_cents: int             # 合计税额
    total_cents: int           # 价税合计, genuine
    total_printed_cents: int   # 价税合计(小写) as printed; differs only when tampered
    capital: str               # 价税合计(大写), of the genuine total
    tax_bureau: str            # issuing province's bureau, printed in the 监制章
    issuer: str                # 开票人
    payee: str
    reviewer: str
    alteration: Alteration | None
    layout: str = "paper"      # 专票/普票: "paper" | "electronic"; 数电票: "standard" | "freight" | "construction"
    transport: tuple[Transport, ...] = ()   # 特定业务 货物运输服务 rows, freight 数电票 only
    construction: Construction | None = None   # 特定业务 建筑服务 row, construction 数电票 only


def _split(total: int, n: int, rng: np.random.Generator) -> list[int]:
    weights = rng.dirichlet(np.ones(n) * 2.0)
    parts = [max(int(total * w), 100) for w in weights[:-1]]
    parts.append(total - sum(parts))
    return parts if parts[-1] >= 100 else [total]


def _line(good: Good, total: int, rate: int, rng: np.random.Generator) -> InvoiceLine:
    amount = round(total * 100 / (100 + rate))
    qty = max(1, round(amount / 100 / rng.uniform(*good.price_range)))
    return InvoiceLine(good.printed_name, good.spec, good.unit, qty, unit_price(amount, qty), amount, rate,
                       total - amount)


def _merchant_sells(merchant: Merchant, counterparty_id: str | None) -> bool:
    link = next((l for l in merchant.links if l.party_id == counterparty_id), None)
    return link is None or link.direction == "sells_to"


def build(world: World, merchant: Merchant, item: EvidenceItem, rng: np.random.Generator) -> VatInvoice:
    cp = party(world, item.counterparty_id)
    ours = merchant_side(world, merchant)
    theirs = party_side(world, cp) if cp else ours
    sells = _merchant_sells(merchant, item.counterparty_id)
    seller_industry = merchant.industry_code if sells or cp is None else cp.industry_code
    alteration, kind = None, item.fraud_kind
    if kind == "name_mismatch":
        name, uscc = shown_identity(world, merchant, item)
        ours = Side(name, uscc, ours.address, ours.phone, ours.bank, ours.account, ours.signatory, None)
        alteration = Alteration(kind, "seller_name" if sells else "buyer_name", merchant.name, name,
                                "the applicant's side of the invoice names another business")
    elif kind == "invalid_check_digit":
        forged = shown_uscc(merchant, item)
        ours = Side(ours.name, forged, ours.address, ours.phone, ours.bank, ours.account, ours.signatory, None)
        alteration = Alteration(kind, "seller_tax_id" if sells else "buyer_tax_id", merchant.uscc, forged,
                                "taxpayer number check character fails GB 32100")
    elif kind not in (None, "tamper_amount", "screen_recapture", "print_recapture", "reused_document"):
        raise unsupported(item.doc_type, kind)
    seller, buyer = (ours, theirs) if sells else (theirs, ours)

    genuine, printed = amounts_cents(world, item, fallback_cny=int(rng.integers(2_000, 60_000)))
    goods = goods_for(seller_industry)
    small_scale = sells and merchant.legal_form == "individual"
    lines = []
    for part in _split(genuine, int(rng.integers(1, 4)), rng):
        good = goods[int(rng.integers(len(goods)))]
        rate = SMALL_SCALE_RATES[int(rng.integers(2))] if small_scale else good.vat_rate
        lines.append(_line(good, part, rate, rng))
    if kind == "tamper_amount":
        alteration = Alteration(kind, "total_incl_tax", money(genuine), money(printed),
                                "价税合计(小写) edited; lines and capitals still show the genuine total")

    doc_type = item.doc_type
    year = item.issued.year
    # Invoices are issued in the seller's tax area: its province prints in the title and the code.
    region_code = merchant.region_code if (sells or cp is None) else cp.region_code
    try:
        province = region(region_code).province
    except ValueError:
        province = ""
    short_province = next((province.removesuffix(s) for s in _PROVINCE_SUFFIXES if province.endswith(s)), province)
    transport: tuple[Transport, ...] = ()
    construction: Construction | None = None
    if doc_type == "digital_einvoice":
        special = rng.random() < 0.5
        title = "电子发票（增值税专用发票）" if special else "电子发票（普通发票）"
        code, number, check, machine, cipher = None, make_einvoice_number(rng, region_code, year), None, None, ()
        layout = SPECIFIC_BUSINESS.get(lines[0].name.split("*")[1] if lines[0].name.startswith("*") else "",
                                       "standard")
        if layout == "freight":
            shipper = cp.industry_code if (sells and cp) else merchant.industry_code
            transport = _transport(world, item, region_code, shipper)
        elif layout == "construction":
            # The owner as the world knows it (a forged name on the page does not rename the project).
            owner = cp if (sells and cp) else merchant
            construction = _construction(world, item, owner.name, buyer.address, owner.region_code, region_code,
                                         lines[0].name.split("*")[2])
    else:
        special = doc_type == "vat_special_invoice"
        title = f"{short_province}增值税{'专用' if special else '普通'}发票"
        code = make_invoice_code(rng, region_code, year, "special" if special else "ordinary")
        number = make_invoice_number(rng)
        check = None if special else " ".join("".join(str(d) for d in rng.integers(0, 10, 5)) for _ in range(4))
        machine = "".join(str(d) for d in rng.integers(0, 10, 12))
        cipher = tuple("".join(_CIPHER[i] for i in rng.integers(0, len(_CIPHER), 28)) for _ in range(4))
        # The layout comes from its own stream: the content stream above is left exactly as it was.
        layout_rng = stream(world.seed, item.evidence_id, "layout")
        layout = "electronic" if layout_rng.random() < ELECTRONIC_SHARE[doc_type] else "paper"
        if layout == "electronic":
            title = f"{short_province}增值税电子{'专用' if special else '普通'}发票"
            code = make_invoice_code(layout_rng, region_code, year, "e_special" if special else "e_ordinary")
            if special:    # the paper special invoice has no 校验码; the electronic one has
                check = " ".join("".join(str(d) for d in layout_rng.integers(0, 10, 5)) for _ in range(4))
    return VatInvoice(
        doc_type=doc_type, title=title, code=code, number=number, issued=item.issued, check_code=check,
        machine_no=machine, cipher=cipher, buyer=buyer, seller=seller, lines=tuple(lines),
        amount_cents=sum(l.amount_cents for l in lines), tax_cents=sum(l.tax_cents for l in lines),
        total_cents=genuine, total_printed_cents=printed, capital=capital_amount(genuine),
        tax_bureau=f"{province}税务局" if province else "税务局", issuer=person_name(rng),
        payee=person_name(rng), reviewer=person_name(rng), alteration=alteration, layout=layout,
        transport=transport, construction=construction,
    )


def _transport(world: World, item: EvidenceItem, region_code: str, shipper_industry: str) -> tuple[Transport, ...]:
    """The 货物运输服务 rows: the carrier's truck, from its own city to one of its province, carrying the
    buyer's (the shipper's) kind of goods; drawn from the separate stream ``"transport"``."""
    rng = stream(world.seed, item.evidence_id, "transport")
    try:
        home = region(region_code)
    except ValueError:
        home = None
    cities = [r for code, r in regions().items() if code[:2] == region_code[:2]] or ([home] if home else [])
    goods = goods_for(shipper_industry)
    rows = []
    for _ in range(1 + int(rng.random() < 0.25)):
        to = cities[int(rng.integers(len(cities)))] if cities else None
        good = goods[int(rng.integers(len(goods)))]
        rows.append(Transport(
            vehicle_kind=_VEHICLE_KINDS[int(rng.integers(len(_VEHICLE_KINDS)))],
            plate=make_plate(rng, region_code if home else "110100"),
            origin=f"{home.province}{home.name}" if home else "", destination=f"{to.province}{to.name}" if to else "",
            goods=good.name if good.category != FREIGHT_CATEGORY else "普通货物"))
    return tuple(rows)


def _construction(world: World, item: EvidenceItem, owner: str, address: str, owner_region: str,
                  seller_region: str, work: str) -> Construction:
    """The 建筑服务 row: fit-out work on one of the buyer's buildings at the buyer's address, named as
    projects are (owner, building, work); the building is drawn from the separate stream ``"construction"``."""
    rng = stream(world.seed, item.evidence_id, "construction")
    try:
        province = region(owner_region).province
    except ValueError:
        province = ""
    # The platform's 发生地 is picked province / city / county; a party's address starts at the city.
    site = address if address.startswith(province) else province + address
    return Construction(land_vat_project="", cross_city="是" if owner_region[:4] != seller_region[:4] else "否",
                        site=site, project=f"{owner}{_PREMISES[int(rng.integers(len(_PREMISES)))]}{work}")
