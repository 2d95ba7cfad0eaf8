from extractors.verify.arithmetic import check_arithmetic
from tests.extractors.verify.records import CONTRACT, INVOICE, STATEMENT, replace


def _failed(record):
    return {r.code for r in check_arithmetic(record) if r.passed is False}


def test_a_consistent_invoice_passes_every_sum():
    results = check_arithmetic(INVOICE)
    assert {r.code for r in results} >= {"total_equals_amount_plus_tax", "vat_rate_valid", "capitals_match_figures",
                                         "lines_sum_to_amount", "tax_matches_rate"}
    assert all(r.passed for r in results)


def test_a_retyped_total_breaks_the_sum_and_the_capitals():
    assert _failed(replace(INVOICE, total=2825.0)) == {"total_equals_amount_plus_tax", "capitals_match_figures"}


def test_capitals_read_without_their_leading_units_are_a_misread_not_an_edit():
    # 壹万零叁佰叁拾陆圆整 read from 叁佰 on (a 720 px upload): 336 against 10,336.
    results = {r.code: r for r in check_arithmetic(replace(INVOICE, total=10_336.0, amount=9_482.57, tax=853.43,
                                                           total_capital=336.0, lines=()))}
    assert "capitals_match_figures" not in results
    assert results["possible_misread"].passed is None
    # A tail that is not the figures' own tail is still a contradiction.
    assert "capitals_match_figures" in _failed(replace(INVOICE, total_capital=337.0))


def test_an_illegal_vat_rate_is_named():
    bad = replace(INVOICE, lines=(replace(INVOICE.lines[0], rate="15%"), INVOICE.lines[1]))
    assert "vat_rate_valid" in _failed(bad)


def test_contract_total_against_its_lines_and_capitals():
    assert _failed(CONTRACT) == set()
    assert _failed(replace(CONTRACT, amount=500_000.0)) == {"capitals_match_figures", "lines_sum_to_amount"}


def test_statement_balance_reconciles_or_fails():
    assert _failed(STATEMENT) == set()
    assert _failed(replace(STATEMENT, total_credit=900_000.0)) == {"balance_reconciles"}


def test_row_sums_tolerate_a_misread_but_not_an_edit():
    from extractors.fields.records import BankRow
    from datetime import date
    rows = tuple(BankRow(date(2026, 1, d), "货款", "甲", 10_000.0, None, 10_000.0 * d) for d in range(1, 31))
    statement = replace(STATEMENT, rows=rows, opening=0.0, closing=300_000.0, total_credit=300_000.0, total_debit=None)
    misread = {r.code: r for r in check_arithmetic(replace(statement, rows=(replace(rows[0], credit=19_000.0), *rows[1:])))}
    assert misread["rows_sum_to_total"].passed is False and misread["rows_sum_to_total"].severity == "soft"
    edited = {r.code: r for r in check_arithmetic(replace(statement, total_credit=750_000.0))}
    assert edited["rows_sum_to_total"].passed is False and edited["rows_sum_to_total"].severity == "hard"


def test_rows_the_reader_dropped_prove_nothing_however_far_off_the_sum():
    from extractors.fields.records import BankRow
    from datetime import date
    rows = tuple(BankRow(date(2026, 1, d), "货款", "甲", 10_000.0, None, 10_000.0 * d) for d in range(1, 31))
    statement = replace(STATEMENT, opening=0.0, closing=300_000.0, total_credit=300_000.0, total_debit=None,
                        rows=rows[:10] + rows[20:])
    dropped = {r.code: r for r in check_arithmetic(statement)}
    assert dropped["rows_sum_to_total"].passed is False and dropped["rows_sum_to_total"].severity == "soft"
    unbalanced = {r.code: r for r in check_arithmetic(replace(statement, rows=tuple(replace(r, balance=None) for r in rows[:15])))}
    assert unbalanced["rows_sum_to_total"].severity == "soft"
