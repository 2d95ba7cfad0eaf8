"""Cross-document consistency: does this document agree with what the bank already knows?

- licences and statements must be *the merchant's*: holder name and USCC against the registered
  ones (and names on its verified licences);
- invoices, contracts and waybills must have the merchant as one party (seller or buyer, either side);
- vehicle papers and property certificates must name the merchant or its owner;
- a shop-front photo's signboard must name the merchant (signs drop the legal suffix and the place);
- a contract must be plausible against the money that actually moves: one worth more than
  ``CONTRACT_INFLOW_RATIO`` × the last twelve months' verified inflows, with a counterparty the
  merchant has no verified trade with, is rejected (the inflated-contract pattern); one whose inflows
  are not yet known is left for corroboration (see ``score.REQUIRED``).
"""
from __future__ import annotations

import re

from extractors.verify.context import MerchantContext
from extractors.verify.misread import failure_is_misread, misread_result, same_code_misread, same_name_misread
from extractors.verify.names import names_match
from extractors.verify.numbers.uscc import uscc_problem
from extractors.verify.record_view import confidence, money, parties, read_parties, text
from extractors.verify.result import CheckResult

# An uncorroborated contract above 1.5 years of inflows proves nothing yet (could not verify: multi-year
# leases and framework agreements are honest and large); above 10 years of them, with a counterparty
# never seen trading, it is no business this merchant could do: fraud evidence.
CONTRACT_INFLOW_RATIO = 1.5
CONTRACT_FRAUD_RATIO = 10.0
_HOLDER_TYPES = frozenset({"business_licence", "food_licence", "road_transport_permit", "qualification_cert",
                           "tax_certificate", "social_insurance", "bank_statement", "payment_statement",
                           "utility_bill", "vehicle_transport_cert"})
_PARTY_TYPES = frozenset({"vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice", "sales_contract",
                          "lease_contract", "construction_contract", "freight_contract", "waybill", "purchase_order",
                          "delivery_note", "account_statement", "receipt"})
_CONTRACTS = frozenset({"sales_contract", "lease_contract", "construction_contract", "freight_contract"})
# Papers of things owned: vehicles, and premises, which for a sole trader (and often for a company)
# are registered to the owner in person.
_OWNED = frozenset({"vehicle_licence", "vehicle_registration", "property_certificate"})


def _is_merchant(name: str | None, uscc: str | None, context: MerchantContext) -> bool:
    if uscc and uscc.upper() in context.usccs:
        return True
    return bool(name) and any(names_match(name, known) for known in context.names)


def _name_misread(name: str, conf: float | None, known: tuple[str, ...]) -> str | None:
    return next((k for k in known if same_name_misread(name, k, conf)), None)


def _uscc_misread(uscc: str, conf: float | None, known: frozenset[str]) -> str | None:
    return next((k for k in sorted(known) if same_code_misread(uscc, k, conf)), None)


def _unreal_code_misread(uscc: str, conf: float | None) -> bool:
    """A code that fails its own GB 32100 check names no business, so it is no other business's code;
    where the reader's confidence makes a misread plausible, it is as likely the registered code read
    wrong (small print in a photo sent through a messaging app at 720 px) as a forged one. Either way
    it proves nothing: could not verify, as for a party's code (``numbers.checks``)."""
    return uscc_problem(uscc) is not None and failure_is_misread(uscc, conf, lambda c: uscc_problem(c) is None)


def _holder(record: object, context: MerchantContext) -> list[CheckResult]:
    out = []
    key = "holder_name" if text(record, "holder_name") else "shop_name"
    name, name_conf = text(record, key), confidence(record, key)
    uscc = text(record, "holder_uscc")
    if name:
        ok = any(names_match(name, known) for known in context.names)
        near = None if ok else _name_misread(name, name_conf, context.names)
        if near:
            out.append(misread_result(f"持有人读作“{name}”，与申请商户“{near}”相差个别字",
                                f"holder read as {name!r}, a character or two off the applicant {near!r}"))
        else:
            out.append(CheckResult("holder_name_matches", ok, "hard",
                                   f"持有人“{name}”{'是' if ok else '不是'}申请商户",
                                   f"holder {name!r} {'is' if ok else 'is not'} the applicant"))
    if uscc and context.usccs:
        ok = uscc.upper() in context.usccs
        uscc_conf = confidence(record, "holder_uscc")
        near = None if ok else _uscc_misread(uscc, uscc_conf, context.usccs)
        if near:
            out.append(misread_result(f"统一社会信用代码读作 {uscc}，与登记的 {near} 仅有形近字之差",
                                f"USCC read as {uscc}, only look-alike characters off the registered {near}"))
        elif not ok and _unreal_code_misread(uscc, uscc_conf):
            out.append(misread_result(f"统一社会信用代码读作 {uscc}，校验不通过，可能是识别误差",
                                f"USCC read as {uscc} fails its own check, so it names no business: likely misread"))
        else:
            out.append(CheckResult("holder_uscc_matches", ok, "hard",
                                   f"统一社会信用代码 {uscc} {'与登记一致' if ok else '与登记不符'}",
                                   f"USCC {uscc} {'matches' if ok else 'does not match'} the registered one"))
    return out


def _party(record: object, context: MerchantContext) -> list[CheckResult]:
    read, unread = read_parties(record)
    if not read:
        return []
    named = [(p.name, p.uscc) for p in read]
    ok = any(_is_merchant(n, u, context) for n, u in named)
    shown = "、".join(n or u or "" for n, u in named)
    if not ok:
        near = next((p for p in read if (p.name and _name_misread(p.name, p.name_confidence, context.names))
                     or (p.uscc and _uscc_misread(p.uscc, p.uscc_confidence, context.usccs))), None)
        if near is not None:
            return [misread_result(f"当事方“{near.name or near.uscc}”与申请商户仅差个别字",
                             f"party {near.name or near.uscc!r} is a character or two off the applicant")]
        if unread:   # the side that would name the merchant was not read at all
            return [misread_result(f"读到的当事方（{shown}）不是申请商户，另一方未读出",
                             f"the parties read ({shown}) are not the applicant, and another side was not read")]
    return [CheckResult("merchant_is_party", ok, "hard", f"申请商户{'是' if ok else '不是'}单据当事方（{shown}）",
                        f"the applicant {'is' if ok else 'is not'} a party ({shown})")]


def _corroboration(record: object, context: MerchantContext) -> list[CheckResult]:
    amount = money(record, "amount")
    if amount is None:
        return []
    others = [(n, u) for n, u in parties(record) if not _is_merchant(n, u, context)]
    known = any(
        (u and u in (t.counterparty_uscc for t in context.trades))
        or (n and any(names_match(n, t.counterparty_name) for t in context.trades))
        or (u and u in (p.uscc for p in context.counterparties))
        or (n and any(names_match(n, p.name) for p in context.counterparties))
        for n, u in others)
    inflows = sorted(context.monthly_inflows, key=lambda m: m.month)[-12:]
    if not inflows:
        if known:
            return [CheckResult("contract_corroborated", True, "hard", "合同对方已有核实交易",
                                "the counterparty already trades with the merchant (verified)")]
        return [CheckResult("contract_corroborated", None, "hard", "尚无核实流水可核对合同金额",
                            "no verified inflows yet to corroborate the contract amount")]
    annual = sum(m.inflow_cny for m in inflows) * 12 / len(inflows)
    ok: bool | None = known or amount <= CONTRACT_INFLOW_RATIO * annual
    if not ok and amount <= CONTRACT_FRAUD_RATIO * annual:
        ok = None
    return [CheckResult("contract_corroborated", ok, "hard",
                        f"合同金额 {amount:,.0f} 元，近一年流入约 {annual:,.0f} 元{'' if ok else '，且对方无任何核实交易'}",
                        f"contract {amount:,.0f} CNY against about {annual:,.0f} CNY inflows a year"
                        f"{'' if ok else ', with a counterparty never seen trading'}")]


def _owned(record: object, context: MerchantContext, code: str, noun_zh: str) -> list[CheckResult]:
    owner = text(record, "owner")
    if not owner:
        return []
    ok = any(names_match(owner, known) for known in (*context.names, *context.owner_names))
    return [CheckResult(code, ok, "hard", f"{noun_zh}“{owner}”{'属于' if ok else '不属于'}申请商户",
                        f"registered owner {owner!r} {'is' if ok else 'is not'} the merchant or its owner")]


def _owner_identity(record: object, context: MerchantContext) -> list[CheckResult]:
    """An ID card is the owner's (经营者 / 法定代表人) as the registry knows them: the name, and the
    number compared in the masked form the registry keeps. With no owner on file it proves nothing yet."""
    name, masked = text(record, "name"), text(record, "id_masked")
    if not context.owner_names:
        return [CheckResult("owner_identity_matches", None, "hard", "登记信息中没有经营者，无法核对身份证",
                            "no owner on file to match the ID card against")]
    out = []
    if name:
        ok = any(names_match(name, known) for known in context.owner_names)
        out.append(CheckResult("owner_identity_matches", ok, "hard",
                               f"身份证姓名{'与登记的经营者一致' if ok else '不是登记的经营者'}",
                               f"the card's name {'is' if ok else 'is not'} the registered owner's"))
    if masked and context.owner_ids_masked:
        ok = masked in context.owner_ids_masked
        out.append(CheckResult("owner_id_number_matches", ok, "hard",
                               f"身份证号码{'与登记一致' if ok else '与登记不符'}（{masked}）",
                               f"the ID number {'matches' if ok else 'does not match'} the registered one ({masked})"))
    return out


_SIGN = re.compile(r"^[\u4e00-\u9fff]{3,}")


def _sign(record: object, context: MerchantContext) -> list[CheckResult]:
    """Only for photos recognised as shop fronts: elsewhere (shelves, kitchens) Chinese text is goods."""
    if getattr(record, "photo_class", None) != "shop_front":
        return []
    texts = [t.replace(" ", "") for t in getattr(record, "texts", ())]
    signs = [t for t in texts if _SIGN.match(t)]
    if not signs:
        return [CheckResult("sign_names_merchant", None, "hard", "未读到招牌文字", "no signboard text read")]
    ok = any(names_match(t, known) for t in signs for known in context.names)
    shown = "、".join(signs[:3])
    return [CheckResult("sign_names_merchant", ok, "hard", f"招牌“{shown}”{'与' if ok else '不是'}申请商户{'一致' if ok else '的字号'}",
                        f"the signboard ({shown}) {'names' if ok else 'does not name'} the applicant")]


def check_consistency(doc_type: str, record: object, context: MerchantContext) -> list[CheckResult]:
    if doc_type in _HOLDER_TYPES:
        return _holder(record, context)
    if doc_type in _PARTY_TYPES:
        party = _party(record, context)
        if doc_type in _CONTRACTS and all(c.passed for c in party):
            return party + _corroboration(record, context)
        return party
    if doc_type in _OWNED:
        if doc_type == "property_certificate":
            return _owned(record, context, "property_owner_matches", "房产权利人")
        return _owned(record, context, "vehicle_owner_matches", "车辆所有人")
    if doc_type == "photo":
        return _sign(record, context)
    if doc_type == "resident_id":
        return _owner_identity(record, context)
    return []
