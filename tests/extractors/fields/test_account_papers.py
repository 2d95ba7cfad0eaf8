"""A customer ledger (对账单) and a receipt-book stub (收据) read off phone photos of the demo world."""
from __future__ import annotations

import pytest

from extractors.classify import classify
from extractors.fields import AccountStatementRecord, ReceiptRecord, extract_fields


def test_a_customer_ledger_gives_the_confirmed_balance(demo_page) -> None:
    truth, document = demo_page("M0000030-E018")
    content = truth["content"]
    assert content["layout"] == "ledger" and classify(document).doc_type == "account_statement"
    record = extract_fields("account_statement", document)
    assert isinstance(record, AccountStatementRecord)
    assert (record.seller_name, record.buyer_name) == (content["creditor"]["name"], content["debtor"]["name"])
    assert record.closing == pytest.approx(content["closing_cents"] / 100)
    assert record.shipped == pytest.approx(content["shipped_cents"] / 100)
    assert record.period_end.isoformat() == content["period_end"]


def test_a_receipt_stub_names_the_payer_and_the_amount(demo_page) -> None:
    truth, document = demo_page("M0000043-E021")
    content = truth["content"]
    assert content["layout"] == "pad" and classify(document).doc_type == "receipt"
    record = extract_fields("receipt", document)
    assert isinstance(record, ReceiptRecord)
    assert (record.buyer_name, record.seller_name) == (content["payer"]["name"], content["payee"]["name"])
    assert record.number == content["number"]
    assert record.amount == record.amount_capital == pytest.approx(content["amount_cents"] / 100)
