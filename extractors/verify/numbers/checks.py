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
from extractors.verify.misread import failure_is_misread, misread_of
from extractors.verify.numbers.vin import vin_problem
from extractors.verify.record_view import confidence, read_parties, text
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


def _usccs(doc_type: str, record: object) -> dict[str, float | None]:
    """USCCs printed on the record, each with the OCR confidence it was read at. Taxpayer ids of 15 or
    20 characters (pre-2015 tax registrations) are not USCCs and carry no check character; only
    18-character ones are checked."""
    values = [(p.uscc, p.uscc_confidence) for p in read_parties(record)[0] if p.uscc]
    if doc_type == "business_licence" and text(record, "number"):
        values.append((text(record, "number"), confidence(record, "number")))
    out: dict[str, float | None] = {}
    for v, conf in values:
        if len(v) == 18 and v.upper() not in out:
            out[v.upper()] = conf
    return out


def _uscc_valid(value: str) -> bool:
    return uscc_problem(value) is None


def _uscc(value: str, conf: float | None) -> CheckResult:
    problem = uscc_problem(value)
    if problem is not None and failure_is_misread(value, conf, _uscc_valid):
        # Printed right and read wrong is as likely as printed wrong: ask for a clearer capture.
        valid = misread_of(value, _uscc_valid)
        zh = f"（可能是 {valid}）" if valid else ""
        en = f" (perhaps {valid})" if valid else ""
        return CheckResult("possible_misread", None, "hard",
                           f"统一社会信用代码读作 {value}，校验不通过，但可能是识别误差{zh}，请拍清楚后重新上传",
                           f"USCC read as {value} fails its check, but may be misread{en}: a clearer capture is needed")
    return _result("uscc_check_digit", problem, f"统一社会信用代码 {value} ", f"USCC {value}")


def check_numbers(doc_type: str, record: object, *, as_of: date) -> list[CheckResult]:
    out: list[CheckResult] = [_uscc(v, conf) for v, conf in _usccs(doc_type, record).items()]
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
