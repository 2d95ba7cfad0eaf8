"""Typed field records as ``extractors.fields`` produces them, for the record-level checks."""
from __future__ import annotations

import dataclasses
from datetime import date

from extractors.fields.records import (BankStatementRecord, ContractParty, ContractRecord, InvoiceLine,
                                       InvoiceRecord, LicenceRecord)
from extractors.verify.context import MerchantContext, MonthlyInflow

NAME, USCC = "广州市老王五金店有限公司", "91350100M000100Y43"
OTHER_NAME, OTHER_USCC = "深圳市远方贸易有限公司", "91440300MA5DC0QX0W"
AS_OF = date(2026, 6, 30)

CONTEXT = MerchantContext(merchant_id="M1", registered_name=NAME, registered_uscc=USCC, as_of=AS_OF,
                          monthly_inflows=tuple(MonthlyInflow(f"2026-{m:02d}", 50_000.0) for m in range(1, 7)))

INVOICE = InvoiceRecord(
    doc_type="vat_ordinary_invoice", code="4400251320", number="01234567", check_code=None, issued=date(2026, 3, 1),
    buyer_name=OTHER_NAME, buyer_tax_id=None, seller_name=NAME, seller_tax_id=USCC, amount=1000.0, tax=130.0,
    total=1130.0, total_capital=1130.0, lines=(InvoiceLine("钢管", 600.0, "13%", 78.0), InvoiceLine("扣件", 400.0, "13%", 52.0)))

LICENCE = LicenceRecord(doc_type="business_licence", number=USCC, holder_name=NAME, holder_uscc=USCC,
                        legal_representative="王一", registered_capital_cny=500_000.0, address=None, scope=None,
                        category=None, founded=date(2015, 5, 1), issued=date(2015, 5, 1), valid_from=date(2015, 5, 1),
                        valid_until=date(2035, 4, 30), perpetual=False)

CONTRACT = ContractRecord(doc_type="sales_contract", number="HT-2026-001", party_a=ContractParty("seller", NAME, USCC),
                          party_b=ContractParty("buyer", OTHER_NAME, OTHER_USCC), subject="钢管",
                          signed=date(2026, 4, 1), start=None, end=None, amount=200_000.0, amount_capital=200_000.0,
                          line_amounts=(120_000.0, 80_000.0))

STATEMENT = BankStatementRecord(bank_name="工商银行", holder_name=NAME, account="6222020200112233", period_start=date(2026, 1, 1),
                                period_end=date(2026, 6, 30), rows=(), opening=10_000.0, closing=40_000.0,
                                total_credit=300_000.0, total_debit=270_000.0)

replace = dataclasses.replace
