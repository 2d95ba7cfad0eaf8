"""What each document type prints: its title and the labels or number layouts only it carries.

A title is strong evidence (weight ``TITLE``), a label weaker (``LABEL``); each signal counts once per
page. Patterns run on the page text with all whitespace removed (``extractors.text.compact``), because
forms print labels letter-spaced ("名　　称") and OCR splits or joins spans unpredictably.
"""
from __future__ import annotations

import re

TITLE = 6.0
LABEL = 1.0
# A number layout only one type prints (a 20-digit invoice number, a JY food-licence number): almost a
# title, and it survives where a coloured title is lost to a seal or glare.
LAYOUT = 5.0
# A pattern with a negative weight is evidence against the type (e.g. 电子发票 against paper VAT forms).
AGAINST = -8.0


def _p(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


# Titles that name the other kind of 税控 invoice: evidence against this one (a 专票 read as 普票 for its 校验码).
_SPECIAL_TITLE = "增值税(?:电子)?专用发票"
_ORDINARY_TITLE = "增值税(?:电子)?普通发票"
# A 20-digit 发票号码 is the 数电票's alone: the 税控 专票/普票 print an 8-digit one under a 发票代码. The
# 数电票's own title, 电子发票（增值税专用发票）, names the 专票, so where OCR loses 电子 beside a 特定业务
# badge the number decides.
_DIGITAL_NUMBER = "发票号码:?[0-9]{20}(?![0-9])"
# A payment platform's transaction proof (微信支付交易明细证明, 支付宝交易流水证明, 支付宝收支明细证明): the
# words 交易明细 in its title are a bank statement's title too, so it counts against a bank statement.
_PLATFORM_PROOF = "(?:微信支付|微信|支付宝|财付通).{0,4}(?:交易|收支)(?:明细|流水)证明"


SIGNALS: dict[str, tuple[tuple[float, tuple[re.Pattern[str], ...]], ...]] = {
    "business_licence": ((TITLE, _p("营业执[照熙]")),
                         (LABEL, _p("统一社会信用代码", "法定代表人|经营者", "注册资本|注册资金", "成立日期|注册日期",
                                    "营业期限", "经营范围", "登记机关", "住所|经营场所"))),
    # The 税控 system's 专票/普票 print their kind in the title, on paper (广东增值税专用发票) and as its PDF
    # (广东增值税电子专用发票, 2021 on; 增值税电子普通发票, 2016 on). 校验码 is printed by the paper 普票 and by
    # both electronic forms, so it is a weak 普票 label only: the other kind's title outweighs it.
    "vat_special_invoice": ((TITLE, _p("增值税(?:电子)?专用发票")), (AGAINST, _p("电子发票", _ORDINARY_TITLE, _DIGITAL_NUMBER)),
                            (LABEL, _p("发票代码", "密码区", "抵扣联|发票联", "价税合计", "销售方", "购买方"))),
    "vat_ordinary_invoice": ((TITLE, _p("增值税(?:电子)?普通发票")), (AGAINST, _p("电子发票", _SPECIAL_TITLE, _DIGITAL_NUMBER)),
                             (LABEL, _p("发票代码", "校验码", "密码区", "价税合计", "销售方", "购买方"))),
    "digital_einvoice": ((TITLE, _p("电子发票")), (LAYOUT, _p(_DIGITAL_NUMBER)),
                         (LABEL, _p("价税合计", "销售方信息|购买方信息", "开票人"))),
    "sales_contract": ((TITLE, _p("购销合同|买卖合同|采购合同|销售合同")),
                       (LABEL, _p("买方", "卖方", "合同编号", "标的物", "签订日期", "违约责任"))),
    "lease_contract": ((TITLE, _p("租赁合同")),
                       (LABEL, _p("出租方", "承租方", "租金|租赁物", "合同编号", "签订日期"))),
    "construction_contract": ((TITLE, _p("建设工程.{0,6}合同|施工合同|分包合同")),
                              (LABEL, _p("发包人", "承包人|分包人", "工程名称", "工程地点", "合同价款"))),
    "freight_contract": ((TITLE, _p("运输合同")),
                         (LABEL, _p("托运方", "承运方", "运输线路", "合同编号", "签订日期"))),
    "waybill": ((TITLE, _p("运单|托运单|货运单")),
                (LABEL, _p("运单号", "托运人", "收货人", "起运地", "目的地", "承运人", "车牌号", "运费"))),
    "bank_statement": ((TITLE, _p("交易明细|对账流水|账户明细|银行流水")), (AGAINST, _p(_PLATFORM_PROOF)),
                       (LABEL, _p("账号", "户名", "期初余额", "期末余额", "本期收入合计|收入合计", "本期支出合计",
                                  "余额", "开户机构|开户行", "币种"))),
    # The app's 收款记录 screen, and the proof its operator issues on request (微信支付交易明细证明 by 财付通,
    # 支付宝交易流水证明), whose table names its columns: 交易单号/交易订单号, 收/支, 交易对方, 商户单号/商家订单号.
    "payment_statement": ((TITLE, _p("收款记录|收款明细|账单明细", _PLATFORM_PROOF)),
                          (LABEL, _p("二维码收款|收钱码收款", "微信支付|支付宝", "本月收入", "笔数|[0-9]+笔", "商户",
                                     "交易单号|交易订单号", "商户单号|商家订单号", "收/支", "交易对方",
                                     "微信号|支付宝账号"))),
    "road_transport_permit": ((TITLE, _p("道路运输经营许可证")),
                              (LABEL, _p("业户名称", "交运管许可|许可证号", "经济类型", "经营范围", "有效期至"))),
    "vehicle_transport_cert": ((TITLE, _p("道路运输证")),
                               (LABEL, _p("营运证号|道路运输证号", "车辆类型", "吨\\(座\\)位", "业户名称"))),
    "vehicle_licence": ((TITLE, _p("行驶证")),
                        (LABEL, _p("号牌号码", "车辆识别代号", "发动机号码", "品牌型号", "使用性质", "检验有效期"))),
    "vehicle_registration": ((TITLE, _p("机动车登记证书")),
                             (LABEL, _p("登记编号", "机动车所有人", "车辆识别代号", "抵押登记"))),
    "food_licence": ((TITLE, _p("食品经营许可证")),
                     (LABEL, _p("经营者名称", "主体业态", "经营项目", "日常监督管理机构")),
                     (LAYOUT, _p("JY[0-9]{14}"))),
    # 税收完税证明, and VAT returns (增值税(及附加税费)纳税申报表, 增值税及附加税费申报表) as filed
    "tax_certificate": ((TITLE, _p("完税证明|纳税申报表|税费申报表")),
                        (LABEL, _p("纳税人识别号", "税款所属时?期|税款所属时间", "实缴|已缴|应纳税额", "税种|销售额",
                                   "纳税人名称"))),
    "delivery_note": ((TITLE, _p("送货单|出库单|发货单")),
                      (LABEL, _p("送货单位|发货单位", "收货单位", "签收", "单号"))),
    "purchase_order": ((TITLE, _p("采购订单|订货单")),
                       (LABEL, _p("订单编号|订单号", "供应商", "交货日期", "采购方"))),
    "receipt": ((TITLE, _p("收据|小票|收款凭证")),
                (LABEL, _p("今收到", "收款人", "交款人", "合计"))),
    "account_statement": ((TITLE, _p("对账单|对账函")),
                          (LABEL, _p("往来", "应收|应付", "对账日期", "确认"))),
    "property_certificate": ((TITLE, _p("不动产权证|房屋所有权证")),
                             (LABEL, _p("不动产单元号", "权利人", "共有情况", "坐落", "权利性质")),
                             (LAYOUT, _p("不动产权第[0-9]{6,8}号", "[0-9]{12}[A-Z]{2}[0-9]{5}[FWL][0-9]{8}"))),
    "utility_bill": ((TITLE, _p("电费.{0,4}单|水费.{0,4}单|缴费单|缴费凭证")),
                     (LABEL, _p("用电量|用水量", "户号", "电价|水价", "抄表"))),
    "social_insurance": ((TITLE, _p("社会保险.{0,6}证明|社保.{0,6}证明|参保证明")),
                         (LABEL, _p("参保", "缴费基数", "养老保险", "医疗保险"))),
    # Qualifications a trade needs beyond its licence: 建筑业企业资质证书, 食品生产许可证 (SC number),
    # 安全生产许可证, 排污许可证, 动物防疫条件合格证 …
    "qualification_cert": ((TITLE, _p("资质证书|生产许可证|防疫条件合格证|排污许可证")),
                           (LABEL, _p("资质等级|资质类别", "证书编号", "发证机关", "产品名称|食品类别", "生产者名称")),
                           (LAYOUT, _p("SC[0-9]{14}", "动防合字"))),
    "resident_id": ((TITLE, _p("居民身份证")),
                    (LABEL, _p("公民身份号码", "签发机关", "有效期限", "出生", "民族"))),
}
