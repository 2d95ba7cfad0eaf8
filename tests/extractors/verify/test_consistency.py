import dataclasses
from datetime import date

from extractors.fields import PropertyRecord
from extractors.verify.consistency import check_consistency
from extractors.verify.context import MerchantContext, TradeRecord
from tests.extractors.verify.records import (AS_OF, CONTEXT, CONTRACT, INVOICE, LICENCE, NAME, OTHER_NAME, OTHER_USCC,
                                             STATEMENT, USCC, replace)


def _results(doc_type, record, context=CONTEXT):
    return {r.code: r for r in check_consistency(doc_type, record, context)}


def test_own_licence_matches_name_and_uscc():
    results = _results("business_licence", LICENCE)
    assert results["holder_name_matches"].passed and results["holder_uscc_matches"].passed


def test_another_business_on_the_licence_is_rejected():
    results = _results("business_licence", replace(LICENCE, holder_name=OTHER_NAME, holder_uscc=OTHER_USCC))
    assert results["holder_name_matches"].passed is False and results["holder_uscc_matches"].passed is False


def test_invoice_must_name_the_merchant_on_either_side():
    assert _results("vat_ordinary_invoice", INVOICE)["merchant_is_party"].passed
    swapped = replace(INVOICE, seller_name="东莞市某某五金有限公司", seller_tax_id=None)
    assert _results("vat_ordinary_invoice", swapped)["merchant_is_party"].passed is False


def test_bank_statement_holder():
    assert _results("bank_statement", STATEMENT)["holder_name_matches"].passed
    assert _results("bank_statement", replace(STATEMENT, holder_name=OTHER_NAME))["holder_name_matches"].passed is False


def test_contract_within_the_merchants_cash_flow_is_corroborated():
    # 200k against 600k a year of verified inflows
    assert _results("sales_contract", CONTRACT)["contract_corroborated"].passed is True


def test_inflated_contract_with_a_stranger_is_rejected():
    inflated = replace(CONTRACT, amount=12_000_000.0)     # twenty years of the merchant's inflows
    result = _results("sales_contract", inflated)["contract_corroborated"]
    assert result.passed is False and result.severity == "hard"


def test_a_contract_of_a_few_years_inflows_with_a_stranger_proves_nothing_yet():
    # A multi-year lease or framework agreement is honest and large: could not verify, not fraud.
    annual = sum(m.inflow_cny for m in CONTEXT.monthly_inflows) * 12 / len(CONTEXT.monthly_inflows)
    result = _results("sales_contract", replace(CONTRACT, amount=3 * annual))["contract_corroborated"]
    assert result.passed is None


def test_big_contract_with_a_known_trading_partner_is_accepted():
    context = replace(CONTEXT, trades=(TradeRecord("invoice", OTHER_NAME, OTHER_USCC, 50_000.0, AS_OF),))
    assert _results("sales_contract", replace(CONTRACT, amount=3_000_000.0), context)["contract_corroborated"].passed


def test_contract_without_known_inflows_waits_for_corroboration():
    context = MerchantContext(merchant_id="M1", registered_name=NAME, registered_uscc=USCC, as_of=AS_OF)
    assert _results("sales_contract", CONTRACT, context)["contract_corroborated"].passed is None


@dataclasses.dataclass(frozen=True)
class ShopPhoto:
    """A photo record as the pipeline gives it once recognition has named the class (records are read
    by attribute name: ``photo_class`` and ``texts``)."""

    photo_class: str
    texts: tuple[str, ...]


def test_a_shop_sign_must_name_the_merchant():
    assert _results("photo", ShopPhoto("shop_front", ("老王五金店", "营业时间8:00")))["sign_names_merchant"].passed
    other = _results("photo", ShopPhoto("shop_front", ("远方贸易",)))["sign_names_merchant"]
    assert other.passed is False and other.severity == "hard"


def test_text_on_other_photos_is_goods_not_a_sign():
    assert _results("photo", ShopPhoto("shelf_goods", ("农夫山泉",))) == {}


def test_a_property_certificate_must_name_the_merchant_or_its_owner():
    deed = PropertyRecord(number="粤（2021）深圳市不动产权第0123456号", owner=NAME, co_ownership="单独所有",
                          location="深圳市南山区兴业路12号3栋101号", unit_no=None, use="商业服务", floor_area_m2=86.4,
                          registered=date(2021, 3, 2), land_until=None)
    assert _results("property_certificate", deed)["property_owner_matches"].passed
    owner = dataclasses.replace(CONTEXT, owner_names=("陈建国",))
    assert _results("property_certificate", replace(deed, owner="陈建国"), owner)["property_owner_matches"].passed
    borrowed = _results("property_certificate", replace(deed, owner="李秀英"), owner)["property_owner_matches"]
    assert borrowed.passed is False and borrowed.severity == "hard"
