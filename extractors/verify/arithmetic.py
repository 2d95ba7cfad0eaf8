"""Sums a genuine document gets right: 价税合计 = 金额 + 税额, tax = amount × a legal VAT rate, a
statement's closing balance = opening + credits − debits, and a total in capitals = the total in figures.

A retyped total (the commonest edit) breaks one of these, because the forger changes the figure that
is read, not every figure it must agree with. Sums over many OCR'd figures are soft: one misread digit
breaks them too. A statement's credit rows are the exception when they miss the printed total by more
than ``GROSS`` of it (the statement's only cross-check when its balances were not read); invoice and
contract lines stay soft, since their totals are also checked against the tax sum and the capitals.
The statement's rows count as all read only when their printed balances chain from the opening to the
closing balance: a row the reader dropped or misread breaks the chain, and then a sum that misses the
total proves nothing (soft), however far off it is.
"""
from __future__ import annotations

from extractors.verify.misread import misread_result
from extractors.verify.record_view import money
from extractors.verify.result import CheckResult, Severity

VAT_RATES = (0.13, 0.09, 0.06, 0.05, 0.03, 0.01, 0.0)
CENT = 0.011          # a cent, plus float slack
GROSS = 0.10          # a sum off by more than this share of its total is an edit, not a misread
_RATE_SLACK = 0.011   # per line: each line's tax is rounded to the cent on its own


def _rate(value: object) -> float | None:
    """13%, "13%", 0.13 and 13 all mean 13%; "免税"/"不征税" print no rate and mean 0."""
    if isinstance(value, str):
        v = value.strip().rstrip("%％")
        if v in ("免税", "不征税", "***"):
            return 0.0
        try:
            number = float(v)
        except ValueError:
            return None
        return number / 100 if value.strip()[-1:] in "%％" or number > 1 else number
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value) / 100 if value > 1 else float(value)
    return None


def _rates(record: object) -> tuple[float | None, ...]:
    return tuple(_rate(line.rate) for line in getattr(record, "lines", ()) if getattr(line, "rate", None))


def _rows_chain(record: object) -> bool:
    """Whether every row's balance is the one before it plus its credit minus its debit, from the
    opening balance to the closing one: then no row was dropped or misread."""
    balance, closing = money(record, "opening"), money(record, "closing")
    rows = getattr(record, "rows", ())
    if balance is None or closing is None or not rows:
        return False
    for row in rows:
        if row.balance is None or abs(balance + (row.credit or 0.0) - (row.debit or 0.0) - row.balance) > CENT:
            return False
        balance = row.balance
    return abs(balance - closing) <= CENT


def _equal(code: str, left: float, right: float, zh: str, en: str, severity: Severity = "hard",
           gross: bool = False) -> CheckResult:
    ok = abs(left - right) <= CENT
    if gross and not ok and abs(left - right) > GROSS * max(abs(right), CENT):
        severity = "hard"   # off by more than a misread digit could explain: an edited figure
    return CheckResult(code, ok, severity, f"{zh}：{left:,.2f} {'=' if ok else '≠'} {right:,.2f}",
                       f"{en}: {left:,.2f} {'equals' if ok else 'differs from'} {right:,.2f}")


def _leading_units_lost(words: float, figures: float) -> bool:
    """Whether ``words`` is ``figures`` with its leading units dropped (壹万零叁佰叁拾陆 read as
    叁佰叁拾陆: the reader lost the line's start at a crop or a span break, as it does at 720 px). A
    forger who edits the figures gains nothing from it: the upload stays unverified."""
    cents, whole = round(words * 100), round(figures * 100)
    return 0 < cents < whole and any(whole % 10 ** k == cents for k in range(3, len(str(whole))))


def _sum(values: list[float | None]) -> float | None:
    """The sum when every value was read; a partly read table proves nothing either way."""
    return None if not values or any(v is None for v in values) else round(sum(values), 2)


def check_arithmetic(record: object) -> list[CheckResult]:
    out: list[CheckResult] = []
    amount, tax, total = money(record, "amount"), money(record, "tax"), money(record, "total")
    if amount is not None and tax is not None and total is not None:
        out.append(_equal("total_equals_amount_plus_tax", amount + tax, total, "金额 + 税额 与 价税合计",
                          "amount + tax against the total"))
    lines = getattr(record, "lines", ())
    if lines and amount is not None and (line_sum := _sum([getattr(x, "amount", None) for x in lines])) is not None:
        out.append(_equal("lines_sum_to_amount", line_sum, amount, "各行金额之和 与 合计金额", "line amounts against the amount",
                          severity="soft"))
    rates = _rates(record)
    if rates:
        bad = [r for r in rates if r is None or all(abs(r - v) > 1e-6 for v in VAT_RATES)]
        out.append(CheckResult("vat_rate_valid", not bad, "hard",
                               "税率合规" if not bad else "税率不在法定税率之列",
                               "VAT rates are legal" if not bad else "a VAT rate is not a legal rate"))
        if not bad and len(set(rates)) == 1 and amount is not None and tax is not None:
            expected = amount * rates[0]
            ok = abs(expected - tax) <= max(CENT, _RATE_SLACK * len(lines))
            out.append(CheckResult("tax_matches_rate", ok, "soft",
                                   f"税额 {tax:,.2f} 与 金额×税率 {expected:,.2f} {'相符' if ok else '不符'}",
                                   f"tax {tax:,.2f} {'matches' if ok else 'does not match'} amount × rate {expected:,.2f}"))
    figures = money(record, "total") if money(record, "total_capital") is not None else money(record, "amount")
    words = money(record, "total_capital", "amount_capital")
    if figures is not None and words is not None:
        if _leading_units_lost(words, figures):
            out.append(misread_result(f"大写金额读作 {words:,.2f}，只是小写 {figures:,.2f} 的尾数",
                                      f"the amount in words reads {words:,.2f}, only the tail of {figures:,.2f}"))
        else:
            out.append(_equal("capitals_match_figures", words, figures, "大写金额 与 小写金额",
                              "amount in words against figures"))
    line_amounts = list(getattr(record, "line_amounts", ()))
    if line_amounts and amount is not None and (line_sum := _sum(line_amounts)) is not None:
        out.append(_equal("lines_sum_to_amount", line_sum, amount, "各行金额之和 与 合同总额", "line amounts against the total",
                          severity="soft"))
    opening, closing = money(record, "opening"), money(record, "closing")
    credits, debits = money(record, "total_credit"), money(record, "total_debit")
    if None not in (opening, closing, credits, debits):
        out.append(_equal("balance_reconciles", opening + credits - debits, closing, "期初 + 收入 − 支出 与 期末余额",
                          "opening + credits − debits against the closing balance"))
    rows = getattr(record, "rows", ())
    if rows and credits is not None and (row_sum := _sum([getattr(r, "credit", None) or 0.0 for r in rows])) is not None:
        out.append(_equal("rows_sum_to_total", row_sum, credits, "逐笔收入之和 与 收入合计", "credits row by row against the total",
                          severity="soft", gross=_rows_chain(record)))
    return out
