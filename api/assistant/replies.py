"""The assistant's sentences in Chinese. Every figure in them comes from a decision or from the graph."""
from __future__ import annotations

from api.assistant.lexicon import ASSET_NAMES_ZH, DOC_NAMES_ZH
from api.assistant.records import Profile, Utterance

# Verification reason codes (extractors/verify) in words a merchant understands.
REASON_ZH: dict[str, str] = {
    "uscc_check_digit": "统一社会信用代码校验位不对",
    "uscc_format": "统一社会信用代码格式不对",
    "resident_id_check_digit": "身份证号校验位不对",
    "invoice_number_format": "发票号码格式不对",
    "einvoice_number_format": "数电发票号码格式不对",
    "vat_rate_valid": "发票税率不是有效税率",
    "tax_matches_rate": "税额与税率对不上",
    "total_matches_sum": "价税合计不等于金额加税额",
    "capitals_match_figures": "大写金额与小写金额不一致",
    "date_plausible": "日期不合理",
    "licence_not_expired": "证件已过有效期",
    "validity_after_issue": "有效期早于发证日期",
    "screen_recapture": "疑似翻拍屏幕",
    "print_recapture": "疑似翻拍打印件或复印件",
    "recapture": "疑似翻拍",
    "tampered": "疑似局部修改",
    "tamper": "疑似局部修改",
    "reused_document": "这份材料之前已提交过（或与他人的材料相同）",
    "duplicate": "这份材料之前已提交过",
    "near_duplicate": "与已提交的材料几乎相同",
    "name_mismatch": "材料上的名称与营业执照不一致",
    "holder_mismatch": "证件持有人与您的营业执照不一致",
    "plate_mismatch": "车牌号与其他证件对不上",
    "unreadable": "看不清文字，请在光线好的地方正对拍摄",
    "unknown_doc_type": "没能认出这是哪种材料",
    "unrecognised_document": "没能认出这是哪种材料，请正对拍摄完整的一页",
    # The verification checks' own codes (extractors/verify/README.md).
    "invoice_code_layout": "发票代码格式不对",
    "invoice_number_layout": "发票号码格式不对",
    "einvoice_number_layout": "数电发票号码格式不对",
    "vin_check_digit": "车辆识别代号校验位不对",
    "plate_format": "车牌号格式不对",
    "bank_card_luhn": "银行卡号校验不对",
    "total_equals_amount_plus_tax": "价税合计不等于金额加税额",
    "lines_sum_to_amount": "明细金额合计与总金额不一致",
    "balance_reconciles": "流水余额对不上",
    "rows_sum_to_total": "流水明细合计与汇总不一致",
    "holder_name_matches": "证件上的名称与您的登记信息不一致",
    "holder_uscc_matches": "证件上的统一社会信用代码与您的登记信息不一致",
    "merchant_is_party": "材料上的买卖双方都不是您",
    "vehicle_owner_matches": "车辆所有人不是您或您的企业",
    "property_owner_matches": "房产证上的权利人不是您或您的企业",
    "sign_names_merchant": "照片里的招牌不是您的店名",
    "contract_corroborated": "合同暂时没有发票或流水佐证",
    "seal_present": "没有找到清晰的红色印章",
    "signature_present": "没有找到签字",
    "reused_file": "同一个文件之前已提交过（或由其他商户提交）",
    "conflicting_document": "同一编号的单据已存档，但金额或日期不同",
    "near_duplicate_image": "与已提交的图片几乎相同",
    "capture_quality": "照片太模糊，看不清细节",
    "first_hand_capture": "这是屏幕截图，不是现场拍的照片",
    "invoice_qr_matches": "发票二维码与票面内容不一致（或二维码拍不清）",
    "party_name_matches_uscc": "票面名称与其纳税人识别号的登记名称不一致",
    "inspection_current": "行驶证已过检验有效期",
    "possible_misread": "代码或名称没能看清（可能是图片太小或压缩过），无法确认",
    "retyped_amount": "金额的字迹颜色与票面其他文字不同，无法确认未被改动",
}
PERIOD_ZH = {"day": "每天", "month": "每月", "quarter": "每季度", "year": "每年"}
TOPIC_QUESTIONS: dict[str, str] = {
    "topic:revenue": "您每个月的收入大概多少？手上能导出近6个月的银行流水或微信/支付宝收款记录吗？",
    "topic:customers": "您主要给哪些客户供货或运输？和他们签过合同、开过发票吗？",
    "topic:suppliers": "您一般从哪些供应商进货？有采购订单或进货发票吗？",
    "topic:assets": "您有哪些经营用的车辆、机器或设备？大概几台？",
}


def money(cny: float) -> str:
    """"20万元", "3.5万元", "8,000元": how amounts are said to a merchant."""
    cny = round(cny)
    if abs(cny) >= 10_000:
        wan = cny / 10_000
        text = f"{wan:.2f}".rstrip("0").rstrip(".")
        return f"{text}万元"
    return f"{cny:,}元"


def doc_name(key: str) -> str:
    if key.startswith("photo:"):
        return f"{ASSET_NAMES_ZH.get(key[6:], key[6:])}的照片"
    return DOC_NAMES_ZH.get(key, key)


def upload_text(key: str, uplift_cny: float, effort_units: float, hint_zh: str) -> str:
    minutes = max(1, round(effort_units))
    ask = f"建议下一步：{hint_zh.rstrip('。')}" if hint_zh else f"建议您下一步上传{doc_name(key)}"
    return f"{ask}。验证通过预计可提升额度约{money(uplift_cny)}，大约花{minutes}分钟。"


def question_text(topic: str, key: str) -> str:
    return f"{TOPIC_QUESTIONS[topic]}（如果有{doc_name(key)}，额度可能提升不少。）"


def greeting() -> str:
    return ("您好！我是百灵额度助手。您可以直接跟我聊生意：比如月流水多少、给谁供货、有几台车，"
            "我会告诉您上传哪份材料最能提额。")


def acknowledgement(u: Utterance) -> str | None:
    """What was understood from a message that tells something, repeated back so the merchant can correct it."""
    parts: list[str] = []
    for a in u.amounts:
        span = money(a.low_cny) if a.low_cny == a.high_cny else f"{money(a.low_cny)}到{money(a.high_cny)}"
        parts.append(f"{PERIOD_ZH.get(a.period or '', '')}收入约{span}" if "tell_revenue" in u.intents else span)
    for a in u.assets:
        name = ASSET_NAMES_ZH.get(a.asset_class, a.asset_class)
        if a.negated:
            parts.append(f"没有{name}")
        else:
            parts.append(f"{a.count}台{name}" if a.count else name)
    if u.customers:
        parts.append("客户：" + "、".join(u.customers))
    if u.suppliers:
        parts.append("供应商：" + "、".join(u.suppliers))
    if u.months:
        label = "淡季" if u.season == "off" else "旺季"
        parts.append(f"{label}在" + "、".join(f"{m}月" for m in u.months))
    for code in u.denied_doc_types:
        parts.append(f"暂时没有{doc_name(code)}")
    if not parts:
        return None
    return "记下了：" + "；".join(parts) + "。这些说法本身不会改变额度，需要有材料证明，我按它来推荐最值得上传的材料。"


def limit_text(base_cny: float, new_cny: float, uplift_cny: float, decision: str) -> str:
    if decision == "decline_review":
        return f"您目前的额度是{money(new_cny)}。有材料需要人工复核，复核完成前额度不会提高。"
    if uplift_cny > 0:
        return f"您目前的额度是{money(new_cny)}：基础额度{money(base_cny)}，凭已验证的材料提升了{money(uplift_cny)}。"
    return f"您目前的额度是{money(new_cny)}（基础额度）。上传能证明经营实力的材料，验证通过后可以提额。"


def why_text(fired_zh: list[str], not_fired_zh: list[str]) -> str:
    if not fired_zh and not not_fired_zh:
        return "目前还没有已验证的材料，额度只按银行已掌握的信息（他证）核定。"
    lines = []
    if fired_zh:
        lines.append("额度的依据：" + "；".join(fired_zh[:4]) + "。")
    if not_fired_zh:
        lines.append("还没满足的条件：" + "；".join(not_fired_zh[:2]) + "。")
    return "".join(lines)


def upload_help() -> str:
    return "好的，请点页面上的「上传材料」，选好授权后拍照或选择文件（JPG、PNG、PDF都可以）。上传后我会马上告诉您识别结果。"


def withdraw_help() -> str:
    return ("您可以在「我的材料」里点对应材料的「撤回」，撤回后它支持的信息会从图谱中删除，并重新计算额度；"
            "也可以在「授权管理」里撤回整项授权。")


def not_understood() -> str:
    return "抱歉，我没太明白。您可以说说生意情况，比如“月流水大概二十万”“我有两台重卡”“主要给顺丰拉货”。"


def nothing_more() -> str:
    return "目前没有能进一步提额的材料建议了。如对额度有疑问，可以申请人工复核。"



# What a verified document proves, in one phrase (SPEC §5 "proves").
PROVES_ZH: dict[str, str] = {
    "business_licence": "证明了主体身份和经营范围", "road_transport_permit": "证明您是持证的道路货运经营者",
    "vehicle_transport_cert": "证明车辆具备营运资质", "vehicle_licence": "证明了车辆及其所有人",
    "vehicle_registration": "证明了车辆所有权及有无抵押", "food_licence": "证明餐饮/食品经营有许可",
    "freight_contract": "证明了运输业务收入来源", "sales_contract": "证明了订单和交易对手",
    "lease_contract": "证明了经营场所", "construction_contract": "证明了在手工程项目",
    "waybill": "证明了实际运输业务", "bank_statement": "证明了资金流入流出", "payment_statement": "证明了日常收款",
    "vat_special_invoice": "证明了真实交易和金额", "vat_ordinary_invoice": "证明了真实交易和金额",
    "digital_einvoice": "证明了真实交易和金额", "tax_certificate": "证明了申报收入和纳税",
    "property_certificate": "证明了自有房产", "photo": "证明了经营资产",
}
# The three outcomes of verification (reasoning/README.md, "What a failed check means").
STATUS_ZH = {"verified": "验证通过", "rejected": "未通过验证（有造假迹象，转人工复核）",
             "unknown": "暂时无法核验（不计入额度，也不影响额度）"}


def reason_text(codes: tuple[str, ...]) -> str:
    return "；".join(REASON_ZH.get(c, f"检查项 {c} 未通过") for c in codes) or "原因未说明"


def upload_result(name: str, status: str | None, details: list[str], proves: str | None, reasons: tuple[str, ...],
                  before_cny: float | None, after_cny: float) -> str:
    """The reply to one upload: what was recognised, what it proved or why it failed, and the limit now."""
    detail = ("（" + "，".join(details) + "）") if details else ""
    if status == "rejected":   # fraud evidence: a conclusive failure, which stops the uplift until review
        return (f"这份{name}{detail}没有通过验证：{reason_text(reasons)}。它不会计入额度，"
                "您的申请会转人工复核；如有误会，复核时可以说明情况。")
    head = f"已识别：{name}{detail}"
    if status != "verified":   # could not verify: proves nothing, costs nothing, asks for a better capture
        return (f"{head}，但暂时无法核验（{reason_text(reasons)}）。它不计入额度，也不会影响您现有的额度；"
                "请用原件在光线好的地方正对拍清楚后重新上传。")
    said = f"{head}，验证通过" + (f"，{proves}" if proves else "") + "。"
    if before_cny is not None and after_cny > before_cny:
        return said + f"额度由{money(before_cny)}提升到{money(after_cny)}（+{money(after_cny - before_cny)}）。"
    return said + f"已计入您的材料，目前额度{money(after_cny)}。"
