"""VAT invoice codes and numbers (发票代码/发票号码) and fully digital e-invoice numbers (数电发票号码).

Layouts as implemented by public validators (fdstar/NumberValidators), see
``reference/number_checks/README.md``:

- 10-digit code: tax area (4) | year (2) | batch (1) | kind (1) | copies (1) | amount version (1)
- 12-digit code: 0, or 1 for blockchain invoices | tax area (4) | year (2) | batch (3) | kind (2)
- invoice number: 8 digits, numbered per year and batch
- fully digital e-invoice: 20 digits, year (2) | province (2) | "2" | sequence (15), no code and no
  check digit (inferred from real examples, not from an official text)

The tax area is the province's code with "00", except the five cities with separate plans
(计划单列市), whose tax bureaus print their own codes.
"""
from __future__ import annotations

import re
from datetime import date

import numpy as np

_SEPARATE_PLAN_CITIES = frozenset({"2102", "3302", "3502", "3702", "4403"})
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
})
TAX_AREAS = frozenset({p + "00" for p in _PROVINCES} | _SEPARATE_PLAN_CITIES)

# kind -> (code length, kind digits that may be printed, copies)
_KINDS_10 = {"special": ("15", 3), "ordinary": ("36", 2), "freight": ("27", 3)}
_KINDS_12 = {"e_ordinary": ("11",), "toll": ("12",), "e_special": ("13",),
             "folded_ordinary": ("04", "05"), "roll": ("06", "07")}
INVOICE_KINDS: tuple[str, ...] = (*_KINDS_10, *_KINDS_12)


def tax_area(region_code: str) -> str:
    return region_code[:4] if region_code[:4] in _SEPARATE_PLAN_CITIES else region_code[:2] + "00"


def make_invoice_code(rng: np.random.Generator, region_code: str, year: int, kind: str) -> str:
    """A 10-digit code for paper kinds ("special", "ordinary", "freight"), else 12 digits."""
    area, yy = tax_area(region_code), f"{year % 100:02d}"
    if kind in _KINDS_10:
        kinds, copies = _KINDS_10[kind]
        k = kinds[int(rng.integers(len(kinds)))]
        # amount version 0 = computer-printed, the common case today
        return f"{area}{yy}{int(rng.integers(10))}{k}{copies}0"
    if kind in _KINDS_12:
        kinds = _KINDS_12[kind]
        return f"0{area}{yy}{int(rng.integers(1000)):03d}{kinds[int(rng.integers(len(kinds)))]}"
    raise ValueError(f"unknown invoice kind {kind!r}; known: {INVOICE_KINDS}")


def make_invoice_number(rng: np.random.Generator) -> str:
    return f"{int(rng.integers(1, 100_000_000)):08d}"


def make_einvoice_number(rng: np.random.Generator, region_code: str, year: int) -> str:
    return f"{year % 100:02d}{region_code[:2]}2{int(rng.integers(0, 10**15)):015d}"


def _plausible_year(yy: str, as_of: date | None) -> bool:
    year = 2000 + int(yy)
    return 2000 <= year <= (as_of or date.today()).year


def invoice_code_kind(s: str) -> str | None:
    """The kind a well-formed code encodes, or None."""
    if len(s) == 10 and s.isdigit():
        return next((k for k, (digits, _) in _KINDS_10.items() if s[7] in digits), None)
    if len(s) == 12 and s.isdigit():
        return next((k for k, digits in _KINDS_12.items() if s[10:12] in digits), None)
    return None


def invoice_code_is_valid(s: str, as_of: date | None = None) -> bool:
    """Known tax area, a year not after ``as_of`` (default today), a known kind and, for 10-digit
    codes, 2–9 copies and amount version 0–4."""
    if not isinstance(s, str) or not s.isdigit() or invoice_code_kind(s) is None:
        return False
    if len(s) == 10:
        return (s[:4] in TAX_AREAS and _plausible_year(s[4:6], as_of)
                and re.fullmatch(r"\d{8}[2-9][0-4]", s) is not None)
    return s[0] in "01" and s[1:5] in TAX_AREAS and _plausible_year(s[5:7], as_of)


def invoice_number_is_valid(s: str) -> bool:
    return isinstance(s, str) and len(s) == 8 and s.isdigit()


def einvoice_number_is_valid(s: str, as_of: date | None = None) -> bool:
    return (isinstance(s, str) and len(s) == 20 and s.isdigit() and _plausible_year(s[:2], as_of)
            and s[2:4] in _PROVINCES and s[4] == "2")


def corrupt_invoice_code(code: str) -> str:
    """An invoice code with an impossible kind field (invoice codes carry no check digit, so the
    kind field is what a format check can catch)."""
    return code[:7] + "4" + code[8:] if len(code) == 10 else code[:10] + "99"


def corrupt_einvoice_number(number: str) -> str:
    """A 20-digit number whose fifth digit is not the "2" every real fully digital invoice has."""
    return number[:4] + "9" + number[5:]
