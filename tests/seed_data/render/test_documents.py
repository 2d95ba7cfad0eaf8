"""Content records hold together: arithmetic, capitals and identifiers are what a checker expects."""
from __future__ import annotations

from seed_data.documents import build_content
from seed_data.documents.capital_amount import capital_amount
from seed_data.numbers.invoice import einvoice_number_is_valid, invoice_code_is_valid, invoice_number_is_valid
from seed_data.numbers.luhn import luhn_is_valid
from seed_data.numbers.uscc import uscc_is_valid
from seed_data.numbers.vin import vin_is_valid
from seed_data.world.records import World


def _content(world: World, doc_type: str):
    return [build_content(world, m, e) for m in world.merchants for e in m.evidence if e.doc_type == doc_type]


def test_capital_amounts() -> None:
    assert capital_amount(1_234_567) == "壹万贰仟叁佰肆拾伍圆陆角柒分"
    assert capital_amount(1_000_500) == "壹万零伍圆整"
    assert capital_amount(100_005_000) == "壹佰万零伍拾圆整"
    assert capital_amount(100_560) == "壹仟零伍圆陆角整"
    assert capital_amount(1_000_000_050) == "壹仟万圆伍角整"
    assert capital_amount(100_000_000_00) == "壹亿圆整"


def test_invoices_add_up_and_carry_valid_numbers(world: World) -> None:
    for doc_type in ("vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice"):
        for inv in _content(world, doc_type):
            for line in inv.lines:
                assert line.rate in (13, 9, 6, 3, 1)
                assert abs(line.amount_cents * line.rate / 100 - line.tax_cents) <= 1
            assert inv.amount_cents == sum(l.amount_cents for l in inv.lines)
            assert inv.tax_cents == sum(l.tax_cents for l in inv.lines)
            assert inv.amount_cents + inv.tax_cents == inv.total_cents == inv.total_printed_cents
            assert inv.capital == capital_amount(inv.total_cents)
            assert uscc_is_valid(inv.buyer.uscc) and uscc_is_valid(inv.seller.uscc)
            if doc_type == "digital_einvoice":
                assert inv.code is None and einvoice_number_is_valid(inv.number, inv.issued)
            else:
                assert invoice_code_is_valid(inv.code, inv.issued) and invoice_number_is_valid(inv.number)


def test_contracts_statements_and_papers_are_consistent(world: World) -> None:
    for doc_type in ("sales_contract", "lease_contract", "freight_contract"):
        for c in _content(world, doc_type):
            assert sum(l.amount_cents for l in c.lines) == c.total_cents
            assert all(l.unit_price_cents * l.quantity == l.amount_cents for l in c.lines)
            assert c.total_capital == capital_amount(c.total_cents)
    for s in _content(world, "bank_statement"):
        assert luhn_is_valid(s.account)
        credits = sum(r.credit_cents or 0 for r in s.rows)
        debits = sum(r.debit_cents or 0 for r in s.rows)
        assert (credits, debits) == (s.total_credit_cents, s.total_debit_cents)
        assert s.opening_cents + credits - debits == s.closing_cents == s.rows[-1].balance_cents
        assert min(r.balance_cents for r in s.rows) >= 0
    for v in _content(world, "vehicle_licence"):
        assert vin_is_valid(v.vin)
    for f in _content(world, "food_licence"):
        assert f.number.startswith("JY") and len(f.number) == 16 and f.number[2:].isdigit()


def test_each_bank_prints_its_own_form_of_statement() -> None:
    """建设银行 and 农业银行 print one signed amount column, 工商银行 a 借贷标志 beside one 发生额; the other
    banks 收入 and 支出 apart. The demo world holds every form, and the signed rows of one statement still
    tie out to its totals."""
    from seed_data.documents.bank_statement import DEBIT_CREDIT_BANKS, SIGNED_AMOUNT_BANKS
    from seed_data.world.generator import generate_world

    demo = generate_world(0, "demo")
    forms = {}
    for s in _content(demo, "bank_statement"):
        forms.setdefault(s.layout, []).append(s)
        assert (s.layout == "signed") == (s.bank in SIGNED_AMOUNT_BANKS)
        assert (s.layout == "debit_credit") == (s.bank in DEBIT_CREDIT_BANKS)
    assert set(forms) == {"columns", "signed", "debit_credit"}
    for s in forms["signed"][:20]:
        signed = [(r.credit_cents or 0) - (r.debit_cents or 0) for r in s.rows]
        assert s.opening_cents + sum(signed) == s.closing_cents
