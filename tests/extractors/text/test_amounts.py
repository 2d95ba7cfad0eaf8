from __future__ import annotations

from extractors.text import amounts_in, parse_amount, table_amounts


def test_amounts_as_documents_print_them() -> None:
    assert parse_amount("(小写)¥1,471,226.00") == 1471226.00
    assert parse_amount("+116.29") == 116.29
    assert parse_amount("V88581.65") == 88581.65


def test_text_without_cents_is_not_an_amount() -> None:
    assert parse_amount("电话 18758230001") is None
    assert amounts_in("126.96036082 49260.62 9% 4433.46") == [49260.62, 4433.46]


def test_table_cells_read_glued_together_split_after_the_cents() -> None:
    # 单价 6316.75 and 金额 75795.00, right-aligned neighbours OCR read as one span.
    assert amounts_in("126316.7575795.00") == [7575795.00]
    assert table_amounts("126316.7575795.00") == [126316.75, 75795.00]
    assert table_amounts("¥1,234.5012,345.00") == [1234.50, 12345.00]
