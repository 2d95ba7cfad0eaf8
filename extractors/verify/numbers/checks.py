"""Every identifier a record prints, checked against its standard; one :class:`CheckResult` each.

A failed check character or an impossible layout is a hard failure: real documents are issued by
systems that compute them, so a wrong one means the number was typed by hand.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from extractors.verify.numbers.invoice import einvoice_number_problem, invoice_code_problem, invoice_number_problem
from extractors.verify.numbers.luhn import luhn_is_valid
from extractors.verify.numbers.plates import normalise_plate, plate_is_valid
from extractors.verify.numbers.resident_id import resident_id_problem
from extractors.verify.numbers.uscc import uscc_problem
from extractors.verify.numbers.vin import vin_problem
from extractors.verify.record_view import parties, text
from extractors.verify.result import CheckResult

_ID_FIELDS = ("resident_id", "id_number", "owner_id_number", "legal_representative_id")
_CARD_FIELDS = ("account", "account_number", "card_number")


def _result(code: str, problem: str | None, zh: str, en: str) -> CheckResult:
    if problem is None:
        return CheckResult(code, True, "hard", f"{zh}校验通过", f"{en} is well-formed")
    return CheckResult(code, False, "hard", f"{zh}不合规（{problem}）", f"{en} fails its check ({problem})")


def _each(record: object, names: tuple[str, ...], check: Callable[[str], CheckResult]) -> list[CheckResult]:
    seen = dict.fromkeys(v for v in (text(record, n) for n in names) if v)
    return [check(v) for v in seen]


def _usccs(doc_type: str, record: object) -> list[str]:
    """USCCs printed on the record. Taxpayer ids of 15 or 20 characters (pre-2015 tax registrations)
    are not USCCs and carry no check character; only 18-character ones are checked."""
    values = [uscc for _, uscc in parties(record) if uscc]
    if doc_type == "business_licence" and text(record, "number"):
        values.append(text(record, "number"))
    return [v.upper() for v in dict.fromkeys(values) if len(v) == 18]


def check_numbers(doc_type: str, record: object, *, as_of: date) -> list[CheckResult]:
    out: list[CheckResult] = [_result("uscc_check_digit", uscc_problem(v), f"统一社会信用代码 {v} ", f"USCC {v}")
                              for v in _usccs(doc_type, record)]
    out += _each(record, _ID_FIELDS, lambda v: _result(
        "resident_id_check_digit", resident_id_problem(v, as_of), "居民身份证号码", "resident ID number"))
    # Only a full 16–19 digit number is a card; statements may print masked or corporate account
    # numbers, which need not pass Luhn, so a failure is soft.
    for v in dict.fromkeys(x for x in (text(record, n) for n in _CARD_FIELDS) if x):
        digits = v.replace(" ", "")
        if digits.isdigit() and 16 <= len(digits) <= 19:
            ok = luhn_is_valid(digits)
            out.append(CheckResult("bank_card_luhn", ok, "soft", f"银行卡号 {digits} {'校验通过' if ok else 'Luhn 校验不通过'}",
                                   f"bank card {digits} {'passes' if ok else 'fails'} the Luhn check"))
    if doc_type == "digital_einvoice":
        number = text(record, "number")
        if number:
            out.append(_result("einvoice_number_layout", einvoice_number_problem(number, as_of),
                               f"数电发票号码 {number}", f"e-invoice number {number}"))
    elif doc_type in ("vat_special_invoice", "vat_ordinary_invoice"):
        code, number = text(record, "code"), text(record, "number")
        if code:
            out.append(_result("invoice_code_layout", invoice_code_problem(code, as_of),
                               f"发票代码 {code}", f"invoice code {code}"))
        if number:
            out.append(_result("invoice_number_layout", invoice_number_problem(number),
                               f"发票号码 {number}", f"invoice number {number}"))
    out += _each(record, ("vin",), lambda v: _result("vin_check_digit", vin_problem(v.upper()),
                                                      f"车辆识别代号 {v}", f"VIN {v}"))
    out += _each(record, ("plate",), lambda v: _result(
        "plate_format", None if plate_is_valid(v) else "format", f"号牌 {normalise_plate(v)}", f"plate {v}"))
    return out
