"""A field the reader may have misread is *could not verify*; a confidently read wrong one stays fraud."""
import dataclasses

from extractors.verify.consistency import check_consistency
from extractors.verify.misread import plausible_misreads, same_name_misread
from extractors.verify.numbers import check_numbers
from extractors.verify.numbers.uscc import uscc_problem
from extractors.verify.score import combine
from tests.extractors.verify.records import AS_OF, CONTEXT, INVOICE, LICENCE, NAME, OTHER_NAME, STATEMENT, USCC

FORGED = USCC[:-1] + "4"          # the check character changed, as a forger types it
MISREAD = USCC[:13] + "D" + USCC[14:]   # a 0 of the organisation code read as D at 720 px


def _licence(number: str, confidence: float):
    return dataclasses.replace(LICENCE, number=number, holder_uscc=number,
                               confidence={"number": confidence, "holder_uscc": confidence})


def _codes(checks, code):
    return [c for c in checks if c.code == code]


def test_a_look_alike_misread_of_a_usccs_character_is_could_not_verify():
    checks = check_numbers("business_licence", _licence(MISREAD, 0.9999), as_of=AS_OF)
    assert not _codes(checks, "uscc_check_digit")
    (misread,) = _codes(checks, "possible_misread")
    assert misread.passed is None and USCC in misread.detail_en      # names the valid code it may be
    assert combine(tuple(checks)).status == "unknown"


def test_a_confidently_read_wrong_check_character_stays_fraud():
    checks = check_numbers("business_licence", _licence(FORGED, 0.999), as_of=AS_OF)
    (failed,) = _codes(checks, "uscc_check_digit")
    assert failed.passed is False and not _codes(checks, "possible_misread")
    assert combine(tuple(checks)).status == "rejected"


def test_a_wrong_check_character_read_with_doubt_is_could_not_verify():
    # 18 characters at 0.9 confidence: the reader itself expects ~1.8 of them wrong.
    checks = check_numbers("business_licence", _licence(FORGED, 0.9), as_of=AS_OF)
    assert not _codes(checks, "uscc_check_digit") and _codes(checks, "possible_misread")


def test_a_holder_name_one_character_off_is_could_not_verify_another_business_is_fraud():
    misread = dataclasses.replace(STATEMENT, holder_name=NAME.replace("王", "玉"), confidence={"holder_name": 0.999})
    (result,) = check_consistency("bank_statement", misread, CONTEXT)
    assert result.code == "possible_misread" and result.passed is None
    other = dataclasses.replace(STATEMENT, holder_name=OTHER_NAME, confidence={"holder_name": 0.9})
    (result,) = check_consistency("bank_statement", other, CONTEXT)
    assert result.code == "holder_name_matches" and result.passed is False


def test_two_characters_off_are_a_misread_only_where_the_reader_was_unsure():
    read = NAME.replace("老", "考").replace("金", "全")
    assert not same_name_misread(read, NAME, 0.999)
    assert same_name_misread(read, NAME, 0.93)      # 12 characters: ~0.8 expected misreads
    assert plausible_misreads(NAME, 0.999) == 0 and plausible_misreads(NAME, 0.93) == 2


def test_another_trade_name_in_the_same_pattern_is_no_misread():
    # The reader misreads glyph by glyph; another business differs in a run: its trade name.
    assert not same_name_misread(NAME.replace("老王", "汇丰"), NAME, 0.9)


def test_a_holder_uscc_off_by_look_alikes_is_could_not_verify():
    codes = {c.code: c for c in check_consistency("business_licence", _licence(MISREAD, 0.99), CONTEXT)}
    assert "holder_uscc_matches" not in codes and codes["possible_misread"].passed is None


def test_an_invoice_whose_merchant_side_was_not_read_is_could_not_verify():
    unread = dataclasses.replace(INVOICE, seller_name=None, seller_tax_id=None)
    (result,) = check_consistency("vat_ordinary_invoice", unread, CONTEXT)
    assert result.code == "possible_misread" and result.passed is None
    both_read = dataclasses.replace(INVOICE, seller_name="东莞市某某五金有限公司", seller_tax_id=None)
    (result,) = check_consistency("vat_ordinary_invoice", both_read, CONTEXT)
    assert result.code == "merchant_is_party" and result.passed is False


def _holder_checks(read: str, conf: float):
    licence = dataclasses.replace(LICENCE, holder_uscc=read, confidence={"holder_uscc": conf})
    return {c.code: c for c in check_consistency("business_licence", licence, CONTEXT)}


def test_a_holder_uscc_that_fails_its_own_check_is_a_misread_where_the_reader_was_unsure():
    # A VAT return sent through a messaging app at 720 px read "MX" of its code as "K0": no look-alikes,
    # but a code failing GB 32100 names no business, so it is nobody else's code.
    read = USCC[:8] + "K8" + USCC[10:]
    assert uscc_problem(read) is not None
    unsure = _holder_checks(read, 0.92)
    assert "holder_uscc_matches" not in unsure and unsure["possible_misread"].passed is None
    sure = _holder_checks(read, 0.9999)          # read with certainty: printed so, a forged code
    assert sure["holder_uscc_matches"].passed is False


def test_another_businesss_valid_uscc_on_the_holder_line_stays_a_mismatch_however_unsure() -> None:
    other = "91440300MAXKMUHQ8X"                 # a valid code of another business (GB 32100)
    assert uscc_problem(other) is None
    assert _holder_checks(other, 0.9)["holder_uscc_matches"].passed is False
