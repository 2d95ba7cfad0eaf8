"""Extractors on seed_data's held-out test split: document type accuracy and key-field exact match.

Builds a seed world (or reuses ``--world DIR``, a ``bailing seed`` output), renders up to ``--per-type``
evidence items of each document type and capture from merchants of the **test split**, runs OCR →
classify → fields on each page, and prints one row per (type, capture): pages, type accuracy, key-field
exact match, median OCR and end-to-end CPU seconds per page (one OCR thread).

A key field matches when the value the extractor put in its record equals the value the ground truth
printed, both normalised the same way: dates to ISO dates, amounts to cents, capitals read back to
figures, text NFKC without whitespace or the plate's middle dot. Acceptance (issue 4): type accuracy
≥ 98%; key fields ≥ 95% clean and ≥ 90% phone-captured, per type; median ≤ 2.0 s CPU per page.

    python bench/extractors_eval.py [--world DIR] [--size tiny|demo] [--per-type 3] [--verbose]
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from extractors.classify import classify
from extractors.fields import extract_fields
from extractors.ocr import RapidOcrEngine
from extractors.ocr.rapid import BACKENDS, PRECISIONS
from extractors.text import compact, parse_amount, parse_capital, parse_date, parse_month

_INDEXED = re.compile(r"^(line|row|entry)([0-9]+)\.(\w+)$")


def canonical(kind: str, value: Any) -> Any:
    """One comparable form per kind of value, for ground truth (a printed string) and records alike."""
    if value is None:
        return None
    if kind == "date":
        return value if not isinstance(value, str) else parse_date(value)
    if kind == "amount":
        return round(float(value), 2) if not isinstance(value, str) else parse_amount(value)
    if kind == "capital":
        return round(float(value), 2) if not isinstance(value, str) else parse_capital(value)
    if kind == "month":
        return parse_month(value) if isinstance(value, str) and "年" in value else value
    return compact(str(value)).replace("·", "").upper()


def _text(record: Any, attr: str) -> Callable[[], Any]:
    return lambda: getattr(record, attr)


def _term(record: Any) -> Any:
    end = "长期" if record.perpetual else (record.valid_until.isoformat() if record.valid_until else None)
    return None if record.valid_from is None or end is None else f"{record.valid_from.isoformat()}至{end}"


def _truth_term(printed: str) -> str | None:
    days = re.findall(r"[0-9]{4}年[0-9]{2}月[0-9]{2}日", printed)
    start = parse_date(days[0]) if days else None
    end = "长期" if "长期" in printed else (parse_date(days[1]).isoformat() if len(days) > 1 else None)
    return None if start is None or end is None else f"{start.isoformat()}至{end}"


# ground-truth field name → (kind, accessor on the record)
FIELD_MAP: dict[str, dict[str, tuple[str, Callable[[Any], Any]]]] = {
    "invoice": {
        "code": ("text", lambda r: r.code), "number": ("text", lambda r: r.number),
        "issued": ("date", lambda r: r.issued), "buyer_name": ("text", lambda r: r.buyer_name),
        "buyer_tax_id": ("text", lambda r: r.buyer_tax_id), "seller_name": ("text", lambda r: r.seller_name),
        "seller_tax_id": ("text", lambda r: r.seller_tax_id), "total_amount": ("amount", lambda r: r.amount),
        "total_tax": ("amount", lambda r: r.tax), "total_capital": ("capital", lambda r: r.total_capital),
        "total_incl_tax": ("amount", lambda r: r.total), "check_code": ("text", lambda r: r.check_code),
    },
    "licence": {
        "uscc": ("text", lambda r: r.holder_uscc), "name": ("text", lambda r: r.holder_name),
        "operator": ("text", lambda r: r.holder_name), "holder": ("text", lambda r: r.holder_name),
        "representative": ("text", lambda r: r.legal_representative),
        "capital": ("capital", lambda r: r.registered_capital_cny), "founded": ("date", lambda r: r.founded),
        "term": ("term", _term), "address": ("text", lambda r: r.address),
        "category": ("text", lambda r: r.category), "number": ("text", lambda r: r.number),
        "valid_until": ("date", lambda r: r.valid_until), "issued": ("date", lambda r: r.issued),
        "scope": ("text", lambda r: r.scope), "form": ("text", lambda r: r.category),
    },
    "contract": {
        "number": ("text", lambda r: r.number), "party_a_name": ("text", lambda r: r.party_a.name),
        "party_a_uscc": ("text", lambda r: r.party_a.uscc), "party_b_name": ("text", lambda r: r.party_b.name),
        "party_b_uscc": ("text", lambda r: r.party_b.uscc), "total": ("amount", lambda r: r.amount),
        "total_capital": ("capital", lambda r: r.amount_capital), "signed": ("date", lambda r: r.signed),
    },
    "waybill": {
        "carrier_name": ("text", lambda r: r.carrier_name), "number": ("text", lambda r: r.number),
        "issued": ("date", lambda r: r.shipped), "shipper_name": ("text", lambda r: r.shipper_name),
        "origin": ("text", lambda r: r.origin), "destination": ("text", lambda r: r.destination),
        "plate": ("text", lambda r: r.plate), "freight": ("amount", lambda r: r.freight),
    },
    "bank_statement": {
        "bank": ("text", lambda r: r.bank_name), "holder": ("text", lambda r: r.holder_name),
        "account": ("text", lambda r: r.account), "closing": ("amount", lambda r: r.closing),
        "period": ("text", lambda r: f"{r.period_start}至{r.period_end}" if r.period_start else None),
        "period_start": ("date", lambda r: r.period_start), "period_end": ("date", lambda r: r.period_end),
        "total_credit": ("amount", lambda r: r.total_credit), "total_debit": ("amount", lambda r: r.total_debit),
    },
    "payment_statement": {
        "shop_name": ("text", lambda r: r.shop_name), "month": ("month", lambda r: r.month),
        "month_total": ("amount", lambda r: r.month_total),
    },
    "vehicle_licence": {
        "plate": ("text", lambda r: r.plate), "vehicle_type": ("text", lambda r: r.vehicle_type),
        "owner": ("text", lambda r: r.owner), "vin": ("text", lambda r: r.vin),
        "registered": ("date", lambda r: r.registered), "inspection_until": ("month", lambda r: r.inspection_until),
    },
    "property_certificate": {
        "number": ("text", lambda r: r.number), "holder": ("text", lambda r: r.owner),
        "location": ("text", lambda r: r.location), "unit_no": ("text", lambda r: r.unit_no),
        "floor_area": ("amount", lambda r: r.floor_area_m2), "registered": ("date", lambda r: r.registered),
    },
    "purchase_order": {
        "number": ("text", lambda r: r.number), "issued": ("date", lambda r: r.signed),
        "buyer_name": ("text", lambda r: r.party_a.name), "buyer_uscc": ("text", lambda r: r.party_a.uscc),
        "seller_name": ("text", lambda r: r.party_b.name), "seller_uscc": ("text", lambda r: r.party_b.uscc),
        "total": ("amount", lambda r: r.amount), "total_capital": ("capital", lambda r: r.amount_capital),
    },
    "delivery_note": {
        "number": ("text", lambda r: r.number), "issued": ("date", lambda r: r.delivered),
        "buyer_name": ("text", lambda r: r.consignee_name), "seller_name": ("text", lambda r: r.shipper_name),
        "total": ("amount", lambda r: r.amount), "total_capital": ("capital", lambda r: r.amount_capital),
    },
    "vehicle_registration": {
        "certificate_no": ("text", lambda r: r.certificate_no), "owner": ("text", lambda r: r.owner),
        "plate": ("text", lambda r: r.plate), "registered": ("date", lambda r: r.registered),
        "vehicle_type": ("text", lambda r: r.vehicle_type), "vin": ("text", lambda r: r.vin),
        "lien_holder": ("text", lambda r: r.lien_holder), "lien_registered": ("date", lambda r: r.lien_registered),
        "lien_released": ("date", lambda r: r.lien_released),
    },
    "vehicle_transport_cert": {
        "number": ("text", lambda r: r.number), "holder": ("text", lambda r: r.holder_name),
        "plate": ("text", lambda r: r.plate), "permit_no": ("text", lambda r: r.permit_no),
        "vehicle_type": ("text", lambda r: r.vehicle_type), "valid_until": ("date", lambda r: r.valid_until),
    },
    "tax_certificate": {
        "taxpayer": ("text", lambda r: r.holder_name), "tax_id": ("text", lambda r: r.holder_uscc),
        "period_start": ("date", lambda r: r.period_start), "period_end": ("date", lambda r: r.period_end),
        "taxable": ("amount", lambda r: r.taxable_sales), "exempt": ("amount", lambda r: r.exempt_sales),
        "tax_due": ("amount", lambda r: r.tax_due),
    },
    "utility_bill": {
        "holder": ("text", lambda r: r.holder_name), "account_no": ("text", lambda r: r.account_no),
        "month": ("month", lambda r: r.month), "usage": ("text", lambda r: None if r.usage is None
                                                             else f"{r.usage:g}{'立方米' if r.utility == 'water' else '千瓦时'}"),
        "amount": ("amount", lambda r: r.amount), "amount_capital": ("capital", lambda r: r.amount_capital),
    },
    "social_insurance": {
        "holder": ("text", lambda r: r.holder_name), "uscc": ("text", lambda r: r.holder_uscc),
        "insured": ("text", lambda r: None if r.insured is None else f"{r.insured}人"),
    },
    "account_statement": {
        "creditor_name": ("text", lambda r: r.seller_name), "debtor_name": ("text", lambda r: r.buyer_name),
        "period_start": ("date", lambda r: r.period_start), "period_end": ("date", lambda r: r.period_end),
        "shipped": ("amount", lambda r: r.shipped), "closing": ("amount", lambda r: r.closing),
        "closing_capital": ("capital", lambda r: r.closing_capital),
    },
    "receipt": {
        "number": ("text", lambda r: r.number), "issued": ("date", lambda r: r.issued),
        "payer_name": ("text", lambda r: r.buyer_name), "payee_name": ("text", lambda r: r.seller_name),
        "amount": ("amount", lambda r: r.amount), "amount_capital": ("capital", lambda r: r.amount_capital),
    },
    # The number is compared as the record keeps it for checking; only its masked form is ever stored.
    "resident_id": {
        "name": ("text", lambda r: r.name), "birth_date": ("date", lambda r: r.birth_date),
        "number": ("text", lambda r: r.id_number),
        "term": ("text", lambda r: None if r.issued is None else
                 f"{r.issued:%Y.%m.%d}-{'长期' if r.long_term else (f'{r.valid_until:%Y.%m.%d}' if r.valid_until else '')}"),
    },
    # Photos: the plate is read into the record; brand and sign text count when OCR read them anywhere.
    "photo": {"plate": ("text", lambda r: r.plate), "body_text": ("contains", lambda r: r.texts),
              "sign": ("contains", lambda r: r.texts), "sign_text": ("contains", lambda r: r.texts)},
}
FAMILY = {**{t: "invoice" for t in ("vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice")},
          **{t: "licence" for t in ("business_licence", "food_licence", "road_transport_permit", "qualification_cert")},
          **{t: "contract" for t in ("sales_contract", "lease_contract", "freight_contract", "construction_contract")},
          **{t: t for t in ("waybill", "bank_statement", "payment_statement", "vehicle_licence", "property_certificate",
                            "vehicle_registration", "vehicle_transport_cert", "purchase_order", "delivery_note",
                            "tax_certificate", "utility_bill", "social_insurance", "resident_id",
                            "account_statement", "receipt", "photo")}}


def _indexed(record: Any, group: str, index: int, attr: str) -> tuple[str, Any]:
    if group == "line" and hasattr(record, "line_amounts"):
        items = record.line_amounts
        return "amount", items[index] if index < len(items) and attr == "amount" else None
    items = {"line": getattr(record, "lines", ()), "row": getattr(record, "rows", ()),
             "entry": getattr(record, "entries", ())}[group]
    return "amount", getattr(items[index], attr, None) if index < len(items) else None


def key_field_results(truth: dict, record: Any) -> list[tuple[str, bool, Any, Any]]:
    """(field, matched, expected, got) for every key field of one ground truth."""
    family = FIELD_MAP[FAMILY[truth["doc_type"]]]
    results = []
    for f in truth["fields"]:
        if not f["key"]:
            continue
        indexed = _INDEXED.match(f["name"])
        if indexed:
            kind, got = _indexed(record, indexed.group(1), int(indexed.group(2)), indexed.group(3))
        elif f["name"] in family:
            kind, getter = family[f["name"]]
            got = getter(record)
        else:
            kind, got = "text", None
        expected = (_truth_term(f["value"]) if kind == "term"
                    else canonical(kind, re.sub(r"^检验有效期至", "", f["value"])) if kind == "month"
                    else canonical("text" if kind == "contains" else kind, f["value"]))
        if kind == "contains":
            joined = compact("".join(got or ()))
            got = expected if expected and expected in joined else joined
        else:
            got = got if kind == "term" else canonical(kind, got)
        results.append((f["name"], expected is not None and expected == got, expected, got))
    return results


def verification_rows() -> list[tuple[str, ...]]:
    """HOOK for bench/verification_eval.py (owned elsewhere): rows appended after the extraction
    table, e.g. verification AUC per fraud kind. Returns no rows until that bench fills it in."""
    return []


# Layouts kept out of the field extractors' and the classifier's development (issue 14): reported on
# rows of their own. A type with one layout has none here. The registration certificate's page 1
# alone was measured once as held out (key fields 85.2% clean, 75.0% phone: "3登记日期" prints its
# row number without a dot) and then fixed, so its later figures are development figures. The general
# taxpayer's VAT return was OCR'd once during development, to see that it renders; nothing was changed
# after it. The signed-amount bank statement (建设银行, 农业银行) was measured once held out (key fields
# 50.0% clean, 46.9% phone, --per-type 4: 客户名称, 起始/终止日期 and 收入金额/支出金额 unknown to the
# reader) and then read, so its later figures are development figures. The receipt's printed form was
# measured held out at 83.3% clean / 80.0% phone (--per-type 5) before a person's two-character name was
# accepted as a payer, a change made for the pad's stubs that applies to both forms.
# The first thirteen types' second layouts were measured once held out (--per-type 3, demo seed 0):
# electronic 专票 key fields 100/100% (clean/phone) but type accuracy 0% (its title is
# 增值税电子专用发票 and it prints a 校验码), electronic 普票 97.8/95.6%, the freight 数电票 100/95.7%,
# the payment app's proof 8.3/8.3% (type accuracy 0%); the contracts' model texts sales 40.0/25.9%,
# lease 25.0/25.0%, freight 40.0/41.4%, the platform 电子运单 50.0/50.0% (OCR held 99.0% of their key
# values: the readers knew 甲方/乙方 and zero-padded dates only); the licences' 营业执照 portrait 副本
# 83.3/90.0%, 2023 食品经营许可证 85.7/76.2%, 道路运输经营许可证 booklet 66.7/66.7%, 行驶证 opened on
# both pages 94.4/100%. All but the electronic 普票 and the freight 数电票 were then read, so their
# later figures are development figures; the electronic 普票 stays held out. The freight 数电票 was
# measured held out again at 3be0900 (type accuracy 66.7% clean: its title lost 电子 and named the 专票)
# and then the classifier learnt the 20-digit number's rule, so it is a development format now.
# The third formats (electronic licences, 借贷标志 statement, acquirer's 对账单, 要素表 contracts, LTL
# 托运单, ERP orders and notes, 建筑服务 数电票) were measured once at 3be0900: 3 of 14 at ≥ 85% key
# fields, the acquirer's 对账单 read as a bank statement (docs/decisions.md has the table). They stay held out.
HELD_OUT_LAYOUTS: frozenset[tuple[str, str]] = frozenset({
    ("vat_ordinary_invoice", "electronic"),
    ("property_certificate", "house"), ("vehicle_registration", "summary"), ("vehicle_transport_cert", "paper"),
    ("qualification_cert", "animal_epidemic"), ("tax_certificate", "general"), ("utility_bill", "water"),
    ("social_insurance", "tax_bureau"), ("resident_id", "card_pair"),
    ("account_statement", "confirmation"), ("receipt", "printed"),
    # Third formats of the first thirteen types (their second formats were measured held out once, then read).
    ("business_licence", "electronic"), ("food_licence", "electronic"), ("road_transport_permit", "electronic"),
    ("vehicle_licence", "electronic"), ("bank_statement", "debit_credit"), ("payment_statement", "acquirer"),
    ("sales_contract", "terms_table"), ("lease_contract", "terms_table"), ("freight_contract", "terms_table"),
    ("construction_contract", "terms_table"), ("waybill", "ltl"), ("digital_einvoice", "construction"),
    ("purchase_order", "erp"), ("delivery_note", "erp")})


def layout_of(world: Any, evidence_id: str) -> str:
    """The layout an item is printed in ("" for types with one layout)."""
    from seed_data.documents import build_content
    from seed_data.documents.lookup import evidence_item

    merchant, item = evidence_item(world, evidence_id)
    return "" if item.doc_type == "photo" else str(getattr(build_content(world, merchant, item), "layout", ""))


def test_items(world_dir: Path, per_type: int, layout: Callable[[str], str] = lambda _: ""
               ) -> list[tuple[str, str, dict]]:
    """(merchant_id, evidence_id, item) of the test split, at most ``per_type`` per (type, layout, capture)."""
    test = {json.loads(l)["merchant_id"] for l in (world_dir / "labels_test.jsonl").read_text().splitlines() if l}
    picked, counts = [], defaultdict(int)
    for line in (world_dir / "evidence.jsonl").read_text().splitlines():
        item = json.loads(line)
        if item["merchant_id"] not in test:
            continue
        kind = (item["doc_type"], layout(item["evidence_id"]), "clean" if item["capture"] == "clean" else "phone")
        if counts[kind] < per_type:
            counts[kind] += 1
            picked.append((item["merchant_id"], item["evidence_id"], item))
    return picked


def render_items(world_dir: Path, world: Any, picked: list, out: Path) -> list[Path]:
    from seed_data.render import render_evidence

    merchants = {m.merchant_id: m for m in world.merchants}
    images = []
    for merchant_id, evidence_id, _ in picked:
        existing = list((world_dir / "evidence" / merchant_id).glob(f"{evidence_id}.*[gG]"))
        if existing:
            images.append(existing[0])
            continue
        merchant = merchants[merchant_id]
        item = next(e for e in merchant.evidence if e.evidence_id == evidence_id)
        images.append(render_evidence(world, merchant, item, out / merchant_id))
    return images


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--world", type=Path, default=None, help="a `bailing seed` output to reuse")
    parser.add_argument("--size", default="tiny", choices=("tiny", "demo"), help="world size (default: tiny)")
    parser.add_argument("--seed", type=int, default=0, help="world seed (default: 0)")
    parser.add_argument("--per-type", type=int, default=3, help="items per (type, capture) (default: 3)")
    parser.add_argument("--threads", type=int, default=1, help="OCR inference threads (default: 1)")
    parser.add_argument("--types", default="", help="comma-separated document types to measure (default: all)")
    parser.add_argument("--verbose", action="store_true", help="print every missed key field")
    parser.add_argument("--backend", default="openvino", choices=BACKENDS, help="OCR runtime (default: openvino)")
    parser.add_argument("--precision", default="f32", choices=PRECISIONS,
                        help="OpenVINO's inference precision (default: f32, what onnxruntime computes)")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="extractors-eval-"))
    world_dir = args.world
    if world_dir is None:
        from seed_data.cli import run_seed
        world_dir = out / "world"
        run_seed(args.size, args.seed, world_dir, render="none")
    from seed_data.world.generator import generate_world
    world = generate_world(args.seed, args.size)
    picked = test_items(world_dir, args.per_type, lambda evidence_id: layout_of(world, evidence_id))
    if args.types:
        wanted = set(args.types.split(","))
        picked = [p for p in picked if p[2]["doc_type"] in wanted]
    images = render_items(world_dir, world, picked, out / "renders")
    engine = RapidOcrEngine(threads=args.threads, backend=args.backend, precision=args.precision)
    stats: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for image in images:
        truth = json.loads(image.with_suffix(".json").read_text(encoding="utf-8"))
        page = np.asarray(Image.open(image).convert("RGB"))
        start = time.process_time()
        document = engine.read([page])
        ocr_s = time.process_time() - start
        predicted = classify(document)
        record = extract_fields(truth["doc_type"], document)  # fields judged apart from classification
        total_s = time.process_time() - start
        layout = str((truth.get("content") or {}).get("layout", "")) if truth["doc_type"] != "photo" else ""
        held = " (held out)" if (truth["doc_type"], layout) in HELD_OUT_LAYOUTS else ""
        name = f"{truth['doc_type']}/{layout}{held}" if layout else truth["doc_type"]
        row = stats[(name, "clean" if truth["capture"] == "clean" else "phone")]
        row["type_ok"].append(predicted.doc_type == truth["doc_type"])
        results = key_field_results(truth, record)
        row["keys"].extend(ok for _, ok, _, _ in results)
        row["ocr_s"].append(ocr_s)
        row["total_s"].append(total_s)
        if args.verbose:
            if predicted.doc_type != truth["doc_type"]:
                print(f"  {image.name}: classified {predicted.doc_type} ({predicted.confidence})")
            for name, ok, expected, got in results:
                if not ok:
                    print(f"  {image.name} {truth['doc_type']} {name}: expected {expected!r} got {got!r}")
    print(f"{'type[/layout]':40s} {'capture':7s} {'pages':>5s} {'type acc':>8s} {'key fields':>10s} "
          f"{'ocr s':>6s} {'e2e s':>6s}")
    all_total = []
    for (doc_type, capture), row in sorted(stats.items()):
        keys = row["keys"]
        all_total.extend(row["total_s"])
        print(f"{doc_type:40s} {capture:7s} {len(row['type_ok']):5d} "
              f"{sum(row['type_ok']) / len(row['type_ok']):8.1%} "
              f"{(sum(keys) / len(keys)) if keys else float('nan'):10.1%} "
              f"{statistics.median(row['ocr_s']):6.2f} {statistics.median(row['total_s']):6.2f}")
    print(f"median end-to-end CPU s/page over {len(all_total)} pages: {statistics.median(all_total):.2f}")
    for extra in verification_rows():
        print(" ".join(extra))


if __name__ == "__main__":
    main()
