from datetime import date

import numpy as np
import pytest

from seed_data.numbers.invoice import (
    INVOICE_KINDS,
    corrupt_einvoice_number,
    corrupt_invoice_code,
    einvoice_number_is_valid,
    invoice_code_is_valid,
    invoice_code_kind,
    invoice_number_is_valid,
    make_einvoice_number,
    make_invoice_code,
    make_invoice_number,
)

AS_OF = date(2026, 6, 30)


@pytest.mark.parametrize("number", [  # real fully digital e-invoice numbers, reference/number_checks
    "25132000000235207185", "24332001111494769913", "25442000000439378055", "26222000000256887286"])
def test_real_einvoice_numbers_are_accepted(number: str) -> None:
    assert einvoice_number_is_valid(number, AS_OF)


@pytest.mark.parametrize("kind", INVOICE_KINDS)
def test_generated_codes_are_valid_and_decode_to_their_kind(kind: str) -> None:
    rng = np.random.default_rng(3)
    for region in ("440300", "440100", "330200", "110100"):
        code = make_invoice_code(rng, region, 2025, kind)
        assert len(code) == (10 if kind in ("special", "ordinary", "freight") else 12)
        assert invoice_code_is_valid(code, AS_OF), code
        assert invoice_code_kind(code) == kind


def test_shenzhen_prints_its_own_tax_area_guangzhou_the_provinces() -> None:
    rng = np.random.default_rng(4)
    assert make_invoice_code(rng, "440300", 2025, "special").startswith("4403")
    assert make_invoice_code(rng, "440100", 2025, "special").startswith("4400")


def test_bad_codes_are_rejected() -> None:
    assert not invoice_code_is_valid("4403271530", AS_OF)    # year 2027 after as_of
    assert not invoice_code_is_valid("9903251530", AS_OF)    # no such tax area
    assert not invoice_code_is_valid("4403251430", AS_OF)    # kind digit 4 does not exist
    assert not invoice_code_is_valid("044032500199", AS_OF)  # kind 99 does not exist


def test_generated_numbers_are_valid() -> None:
    rng = np.random.default_rng(5)
    for _ in range(50):
        assert invoice_number_is_valid(make_invoice_number(rng))
        number = make_einvoice_number(rng, "440300", 2025)
        assert number.startswith("25442") and einvoice_number_is_valid(number, AS_OF)
    assert not einvoice_number_is_valid("25992000000235207185", AS_OF)   # province 99
    assert not invoice_number_is_valid("1234567")


def test_forged_codes_and_numbers_fail() -> None:
    rng = np.random.default_rng(9)
    for kind in INVOICE_KINDS:
        assert not invoice_code_is_valid(corrupt_invoice_code(make_invoice_code(rng, "440300", 2025, kind)), AS_OF)
    assert not einvoice_number_is_valid(corrupt_einvoice_number(make_einvoice_number(rng, "440300", 2025)), AS_OF)
