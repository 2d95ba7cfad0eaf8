"""Invoice code and number layouts (发票代码/号码), and 20-digit fully digital e-invoice numbers.

From ``reference/number_checks/README.md`` (layouts as public validators implement them; codes carry
no check digit, so the layout is what can be checked):

- 10-digit code: tax area (4) | year (2) | batch (1) | kind (1: 1/5 special, 3/6 ordinary, 2/7 freight)
  | copies (1, 2–9) | amount version (1, 0–4);
- 12-digit code: 0 or 1 (blockchain) | tax area (4) | year (2) | batch (3) | kind (2: 11, 12, 13, 04–07);
- invoice number: 8 digits;
- fully digital e-invoice number: 20 digits, year (2) | province (2) | "2" | sequence (15).
"""
from __future__ import annotations

from datetime import date

PROVINCES = frozenset({"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
                       "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
                       "63", "64", "65"})
# The five cities with separate plans (计划单列市) have tax bureaus, and areas, of their own.
_SEPARATE_PLAN = frozenset({"2102", "3302", "3502", "3702", "4403"})
_KIND_10 = {"1": "special", "5": "special", "3": "ordinary", "6": "ordinary", "2": "freight", "7": "freight"}
_KIND_12 = {"11": "e_ordinary", "12": "toll", "13": "e_special", "04": "ordinary", "05": "ordinary",
            "06": "roll", "07": "roll"}


def _area_ok(area: str) -> bool:
    return area in _SEPARATE_PLAN or (area[:2] in PROVINCES and area[2:] == "00")


def _year_ok(yy: str, as_of: date) -> bool:
    return 2000 <= 2000 + int(yy) <= as_of.year


def invoice_code_kind(code: str) -> str | None:
    if code.isdigit() and len(code) == 10:
        return _KIND_10.get(code[7])
    if code.isdigit() and len(code) == 12:
        return _KIND_12.get(code[10:12])
    return None


def invoice_code_problem(code: str, as_of: date) -> str | None:
    if not code.isdigit() or len(code) not in (10, 12):
        return "format"
    if invoice_code_kind(code) is None:
        return "kind"
    area, yy = (code[:4], code[4:6]) if len(code) == 10 else (code[1:5], code[5:7])
    if not _area_ok(area):
        return "area"
    if not _year_ok(yy, as_of):
        return "year"
    if len(code) == 10 and not ("2" <= code[8] <= "9" and "0" <= code[9] <= "4"):
        return "copies"
    if len(code) == 12 and code[0] not in "01":
        return "format"
    return None


def invoice_number_problem(number: str) -> str | None:
    return None if number.isdigit() and len(number) == 8 else "format"


def einvoice_number_problem(number: str, as_of: date) -> str | None:
    if not number.isdigit() or len(number) != 20:
        return "format"
    if not _year_ok(number[:2], as_of):
        return "year"
    if number[2:4] not in PROVINCES:
        return "province"
    if number[4] != "2":
        return "kind"
    return None
