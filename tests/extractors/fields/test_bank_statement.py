from __future__ import annotations

import dataclasses

from extractors.fields import BankStatementRecord, extract_fields
from extractors.text import parse_amount


def _key(truth: dict, name: str) -> str:
    return next(f["value"] for f in truth["fields"] if f["name"] == name)


def test_total_debit_under_the_seal_is_the_sum_of_the_row_debits(demo_page) -> None:
    # Phone capture: the branch seal hides 本期支出合计; the rows carry every move from opening to closing.
    truth, document = demo_page("M0000001-E002")
    assert "支出合计" not in document.render().replace(" ", "")
    record = extract_fields("bank_statement", document)
    assert isinstance(record, BankStatementRecord)
    assert record.total_debit == parse_amount(_key(truth, "total_debit"))
    assert record.closing == parse_amount(_key(truth, "closing"))


def test_total_debit_stays_unread_when_the_rows_do_not_reconcile(demo_page) -> None:
    _, document = demo_page("M0000001-E002")
    page = document.pages[0]
    # OCR losing one transaction row: the rows no longer fix the total, so none is given.
    lines = [(b, l) for b in page.blocks for l in b.lines]
    dropped = next(l for _, l in lines if l.render().startswith("20") and "余额" not in l.render())
    blocks = tuple(dataclasses.replace(b, lines=tuple(l for l in b.lines if l is not dropped)) for b in page.blocks)
    partial = dataclasses.replace(document, pages=(dataclasses.replace(page, blocks=blocks),))
    assert extract_fields("bank_statement", partial).total_debit is None


def test_amounts_a_tilted_capture_drops_below_their_row_stay_with_it(demo_page) -> None:
    truth, document = demo_page("M0000028-E002")
    record = extract_fields("bank_statement", document)
    credits = {int(f["name"][3:].split(".")[0]): parse_amount(f["value"])
               for f in truth["fields"] if f["name"].startswith("row") and f["name"].endswith(".credit")}
    read = sum(record.rows[i].credit == value for i, value in credits.items() if i < len(record.rows))
    assert read >= len(credits) - 1


def test_a_holder_name_that_went_unread_is_absent_not_the_next_label(demo_page) -> None:
    truth, document = demo_page("M0000001-E002")
    holder = _key(truth, "holder")
    page = document.pages[0]

    def blank(word):   # the reader saw the label 户名 but not the name after it
        return dataclasses.replace(word, value=word.value.replace(holder, "")) if holder in word.value else word
    blocks = tuple(dataclasses.replace(b, lines=tuple(dataclasses.replace(l, words=tuple(blank(w) for w in l.words))
                                                      for l in b.lines)) for b in page.blocks)
    unread = dataclasses.replace(document, pages=(dataclasses.replace(page, blocks=blocks),))
    assert extract_fields("bank_statement", document).holder_name == holder
    assert extract_fields("bank_statement", unread).holder_name is None
