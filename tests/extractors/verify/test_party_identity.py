"""A party's printed name against the name registered for its printed USCC."""
import dataclasses

from extractors.verify.context import Party
from extractors.verify.party_identity import check_party_identity
from tests.extractors.verify.records import CONTEXT, INVOICE, NAME, OTHER_NAME, OTHER_USCC

KNOWN = dataclasses.replace(CONTEXT, counterparties=(Party(OTHER_NAME, OTHER_USCC),))
GENUINE = dataclasses.replace(INVOICE, buyer_tax_id=OTHER_USCC)


def test_names_printed_beside_their_registered_numbers_pass():
    results = check_party_identity(GENUINE, KNOWN)
    assert [r.passed for r in results] == [True, True]


def test_a_repainted_buyer_name_over_a_known_number_fails_and_names_both():
    forged = dataclasses.replace(GENUINE, buyer_name="济南市远方贸易有限公司")    # two characters repainted
    failed = [r for r in check_party_identity(forged, KNOWN) if r.passed is False]
    assert len(failed) == 1 and failed[0].severity == "hard"
    assert OTHER_USCC in failed[0].detail_en and OTHER_NAME in failed[0].detail_en
    assert "济南市远方贸易有限公司" in failed[0].detail_zh


def test_the_merchants_own_name_repainted_fails_too():
    forged = dataclasses.replace(GENUINE, seller_name="佛山市老李五金店有限公司")
    assert False in [r.passed for r in check_party_identity(forged, KNOWN)]


def test_one_character_off_read_with_doubt_may_be_a_misread_and_is_inconclusive():
    misread = dataclasses.replace(GENUINE, buyer_name=OTHER_NAME.replace("远", "运"), confidence={"buyer_name": 0.95})
    results = check_party_identity(misread, KNOWN)
    assert [(r.code, r.passed) for r in results if r.passed is not True] == [("party_name_matches_uscc", None)]


def test_one_character_off_read_confidently_is_not_verified():
    # A retyped city (福州 → 泉州) reads at 0.9999: no misread explains it, nor proves an edit.
    retyped = dataclasses.replace(GENUINE, buyer_name=OTHER_NAME.replace("远", "运"), confidence={"buyer_name": 0.9999})
    results = [r for r in check_party_identity(retyped, KNOWN) if r.passed is not True]
    assert [(r.code, r.passed) for r in results] == [("possible_misread", None)]
    assert OTHER_NAME in results[0].detail_en and "edit" in results[0].detail_en


def test_a_number_the_bank_does_not_know_is_not_judged():
    results = check_party_identity(GENUINE, CONTEXT)          # no counterparties known
    assert len(results) == 1 and results[0].passed is True and NAME in results[0].detail_en
    assert OTHER_USCC not in " ".join(r.detail_en for r in results)


def test_with_a_side_unread_a_name_beside_the_merchants_number_is_asked_for_again():
    # At 720 px the seller's name goes unread and the layout hands its number to the buyer's name.
    mispaired = dataclasses.replace(GENUINE, seller_name=None, buyer_name=OTHER_NAME, buyer_tax_id=INVOICE.seller_tax_id)
    results = check_party_identity(mispaired, KNOWN)
    assert results and all(r.passed is None for r in results)
    assert results[0].code == "possible_misread" and "not read" in results[0].detail_en


def test_a_number_registered_to_the_other_sides_printed_name_is_a_mispairing_not_a_forgery():
    # A 1280 px e-invoice read its buyer's USCC with a stray point; the layout gave the seller's
    # number (the merchant's own) to the buyer. Both names were read.
    mispaired = dataclasses.replace(GENUINE, buyer_tax_id=INVOICE.seller_tax_id, seller_tax_id=None)
    results = [r for r in check_party_identity(mispaired, KNOWN) if r.passed is not True]
    assert [(r.code, r.passed) for r in results] == [("possible_misread", None)]
    assert "registered to the other side" in results[0].detail_en
