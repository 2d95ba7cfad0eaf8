from datetime import date

from extractors.verify.numbers.invoice import (einvoice_number_problem, invoice_code_kind, invoice_code_problem,
                                               invoice_number_problem)

AS_OF = date(2026, 6, 30)


def test_real_einvoice_numbers_pass():
    for number in ("25132000000235207185", "24332001111494769913", "25442000000439378055", "26222000000256887286"):
        assert einvoice_number_problem(number, AS_OF) is None


def test_einvoice_layout_failures_are_named():
    assert einvoice_number_problem("25139000000235207185", AS_OF) == "kind"
    assert einvoice_number_problem("27132000000235207185", AS_OF) == "year"
    assert einvoice_number_problem("25992000000235207185", AS_OF) == "province"
    assert einvoice_number_problem("2513200000023520718", AS_OF) == "format"


def test_paper_invoice_codes():
    assert invoice_code_kind("4400251320") == "ordinary" and invoice_code_problem("4400251320", AS_OF) is None
    assert invoice_code_problem("4400251420", AS_OF) == "kind"
    assert invoice_code_problem("9900251130", AS_OF) == "area"
    assert invoice_code_problem("044002511111", AS_OF) is None
    assert invoice_code_kind("044002511111") == "e_ordinary"
    assert invoice_number_problem("01234567") is None and invoice_number_problem("1234567") == "format"
