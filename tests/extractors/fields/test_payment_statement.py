"""The payment statement reader on the app's 收款记录 screen's successor form: the platform's 交易明细证明."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.fields import PaymentStatementRecord, extract_fields
from extractors.ocr.document import Block, Document, Line, Page, Word
from extractors.text import parse_amount


@pytest.mark.parametrize("platform", ["微信支付", "支付宝"])
def test_a_platform_proof_read_through_ocr_gives_holder_month_takings_and_rows(second_layouts, platform) -> None:
    page = second_layouts["payment_statement", platform]
    content = page.truth["content"]
    assert content["layout"] == "proof" and content["platform"] == platform
    record = extract_fields("payment_statement", page.document)
    assert isinstance(record, PaymentStatementRecord)
    assert (record.platform, record.shop_name) == (platform, page.key("shop_name"))
    assert record.month == content["month"].replace("年", "-").rstrip("月")
    assert record.month_total == parse_amount(page.key("month_total")) and record.count == content["count"]
    issued = date.fromisoformat(content["issued"])   # the proof covers the month up to its issue day
    assert (record.period_start, record.period_end) == (issued.replace(day=1), issued)
    printed = [parse_amount(f["value"]) for f in page.truth["fields"] if f["name"].endswith(".amount")]
    assert [e.amount for e in record.entries] == printed
    assert all(e.when and e.title for e in record.entries)


def _proof(*rows: tuple[str, ...]) -> Document:
    """A proof as OCR spans: each row's cells spread evenly over the page's width."""
    lines = []
    for r, cells in enumerate(rows):
        y, width = 0.05 + r * 0.03, 0.9 / len(cells)
        words = tuple(Word(text, 0.97, ((0.05 + c * width, y), (0.05 + (c + 0.8) * width, y + 0.02)))
                      for c, text in enumerate(cells))
        lines.append(Line(words=words, geometry=(words[0].geometry[0], words[-1].geometry[1])))
    return Document((Page(0, (1754, 1240), (Block(tuple(lines), ((0.05, 0.05), (0.95, 0.95))),)),), "rapidocr", "test")


_HEADER = ("交易时间", "交易对方", "收/支", "金额(元)", "交易单号")


def test_a_proof_over_several_months_is_no_months_takings_and_its_payments_out_are_negative() -> None:
    record = extract_fields("payment_statement", _proof(
        ("微信支付交易明细证明",), ("户名：", "成都市武侯区老王面馆"),
        ("交易时间段：2024年01月01日至2024年06月30日",), ("收入：1,204笔", "合计金额：186,400.50元"),
        _HEADER,
        ("2024-06-3012:01:09", "*李", "收入", "35.00", "4200001234202406301234567890"),
        ("2024-06-2918:40:00", "某某食品批发部", "支出", "1,280.00", "4200001234202406291234567890"),
        ("说明：本证明仅证明该账户的交易信息",)))
    assert record.shop_name == "成都市武侯区老王面馆" and record.count == 1204
    assert (record.period_start, record.period_end) == (date(2024, 1, 1), date(2024, 6, 30))
    # Six months' takings are not one month's cash flow: the month is left unread, the total kept.
    assert record.month is None and record.month_total == 186400.50
    assert [(e.when, e.amount) for e in record.entries] == [("06-30 12:01", 35.00), ("06-29 18:40", -1280.00)]


def test_a_table_cell_is_never_the_summary() -> None:
    # The summary went unread (under the seal): a row's 收入 beside its amount is no takings total.
    record = extract_fields("payment_statement", _proof(
        ("支付宝交易流水证明",), ("户名：", "成都市武侯区老王面馆"), _HEADER,
        ("2024-06-3012:01:09", "*李", "收入", "35.00", "2024063022001234567890")))
    assert record.month_total is None and [e.amount for e in record.entries] == [35.00]
