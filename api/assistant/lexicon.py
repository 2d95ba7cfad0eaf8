"""The assistant's Chinese vocabulary, as data: words for assets, documents, seasons and intents.

Asset class codes are those of ``seed_data.world.assets.ASSET_CLASSES`` (the ontology's asset classes),
copied here so the API does not load the seed world at run time; ``tests/api/assistant`` checks the two
lists agree. Longer words come first where one contains another ("重型货车" before "货车").
"""
from __future__ import annotations

ASSET_CLASS_CODES: tuple[str, ...] = (
    "heavy_truck", "tractor_trailer", "light_truck", "dump_truck", "van", "excavator", "loader", "crane",
    "concrete_mixer", "forklift", "workshop_equipment", "pallets", "cartons", "sacks", "shop_front",
    "shelf_goods", "restaurant_kitchen", "farm_machinery", "livestock", "salon_equipment", "premises",
)
VEHICLE_CLASSES: tuple[str, ...] = ("heavy_truck", "tractor_trailer", "light_truck", "dump_truck", "van",
                                    "crane", "concrete_mixer")

ASSET_NAMES_ZH: dict[str, str] = {
    "heavy_truck": "重型货车", "tractor_trailer": "半挂牵引车", "light_truck": "轻型货车", "dump_truck": "自卸车",
    "van": "厢式货车", "excavator": "挖掘机", "loader": "装载机", "crane": "汽车起重机",
    "concrete_mixer": "混凝土搅拌车", "forklift": "叉车", "workshop_equipment": "车间设备", "pallets": "托盘货物",
    "cartons": "箱装货物", "sacks": "袋装货物", "shop_front": "门头招牌", "shelf_goods": "货架商品",
    "restaurant_kitchen": "后厨设备", "farm_machinery": "农业机械", "livestock": "存栏牲畜",
    "salon_equipment": "美发设备", "premises": "经营场所", "vehicle": "车辆",
}

# word → asset class ("vehicle" = a vehicle of unsaid kind). Order matters: first match wins at a position.
ASSET_WORDS: tuple[tuple[str, str], ...] = (
    ("重型货车", "heavy_truck"), ("重型卡车", "heavy_truck"), ("重卡", "heavy_truck"), ("大货车", "heavy_truck"),
    ("大卡车", "heavy_truck"), ("大货", "heavy_truck"), ("前四后八", "heavy_truck"),
    ("半挂牵引车", "tractor_trailer"), ("半挂车", "tractor_trailer"), ("半挂", "tractor_trailer"),
    ("牵引车", "tractor_trailer"), ("挂车", "tractor_trailer"), ("车头", "tractor_trailer"),
    ("轻型货车", "light_truck"), ("轻卡", "light_truck"), ("小货车", "light_truck"), ("小卡车", "light_truck"),
    ("自卸车", "dump_truck"), ("翻斗车", "dump_truck"), ("渣土车", "dump_truck"),
    ("厢式货车", "van"), ("厢货", "van"), ("箱货", "van"), ("面包车", "van"),
    ("挖掘机", "excavator"), ("挖机", "excavator"), ("勾机", "excavator"), ("钩机", "excavator"),
    ("装载机", "loader"), ("铲车", "loader"),
    ("汽车起重机", "crane"), ("起重机", "crane"), ("汽车吊", "crane"), ("吊车", "crane"),
    ("混凝土搅拌车", "concrete_mixer"), ("搅拌车", "concrete_mixer"), ("罐车", "concrete_mixer"),
    ("叉车", "forklift"),
    ("机床", "workshop_equipment"), ("车床", "workshop_equipment"), ("冲床", "workshop_equipment"),
    ("生产线", "workshop_equipment"), ("生产设备", "workshop_equipment"), ("机器设备", "workshop_equipment"),
    ("托盘", "pallets"), ("纸箱", "cartons"), ("整箱", "cartons"), ("袋装", "sacks"), ("编织袋", "sacks"),
    ("门头", "shop_front"), ("招牌", "shop_front"), ("门面", "shop_front"), ("店面", "shop_front"),
    ("铺面", "shop_front"),
    ("货架", "shelf_goods"), ("存货", "shelf_goods"), ("库存", "shelf_goods"),
    ("后厨", "restaurant_kitchen"), ("厨房设备", "restaurant_kitchen"), ("灶台", "restaurant_kitchen"),
    ("拖拉机", "farm_machinery"), ("收割机", "farm_machinery"), ("农机", "farm_machinery"),
    ("存栏", "livestock"), ("牲畜", "livestock"), ("生猪", "livestock"), ("肉牛", "livestock"),
    ("羊", "livestock"), ("猪", "livestock"), ("牛", "livestock"),
    ("理发椅", "salon_equipment"), ("美发设备", "salon_equipment"),
    ("厂房", "premises"), ("自有房产", "premises"), ("房产", "premises"), ("商铺", "premises"),
    ("货车", "vehicle"), ("卡车", "vehicle"), ("车辆", "vehicle"), ("车", "vehicle"),
)
COUNT_CLASSIFIERS = "台辆部个头只架套间条"

# Document words → SPEC §5 codes. "photo" = a photo of an asset (the class comes from the asset words).
DOC_WORDS: tuple[tuple[str, str], ...] = (
    ("道路运输经营许可证", "road_transport_permit"), ("运输经营许可证", "road_transport_permit"),
    ("经营许可证", "road_transport_permit"), ("运输许可证", "road_transport_permit"),
    ("道路运输证", "vehicle_transport_cert"), ("营运证", "vehicle_transport_cert"),
    ("营业执照", "business_licence"), ("执照", "business_licence"),
    ("食品经营许可证", "food_licence"), ("食品许可证", "food_licence"),
    ("增值税专用发票", "vat_special_invoice"), ("专票", "vat_special_invoice"),
    ("普票", "vat_ordinary_invoice"), ("电子发票", "digital_einvoice"), ("数电票", "digital_einvoice"),
    ("全电发票", "digital_einvoice"), ("发票", "invoice"),
    ("运输合同", "freight_contract"), ("货运合同", "freight_contract"), ("物流合同", "freight_contract"),
    ("购销合同", "sales_contract"), ("采购合同", "sales_contract"), ("销售合同", "sales_contract"),
    ("租赁合同", "lease_contract"), ("租房合同", "lease_contract"), ("工程合同", "construction_contract"),
    ("分包合同", "construction_contract"), ("合同", "contract"),
    ("托运单", "waybill"), ("货运单", "waybill"), ("运单", "waybill"),
    ("银行流水", "bank_statement"), ("对公流水", "bank_statement"), ("流水单", "bank_statement"),
    ("微信收款", "payment_statement"), ("支付宝收款", "payment_statement"), ("收款码", "payment_statement"),
    ("收款记录", "payment_statement"),
    ("行驶证", "vehicle_licence"), ("登记证书", "vehicle_registration"), ("绿本", "vehicle_registration"),
    ("完税证明", "tax_certificate"), ("纳税申报", "tax_certificate"), ("纳税证明", "tax_certificate"),
    ("送货单", "delivery_note"), ("出库单", "delivery_note"), ("采购订单", "purchase_order"),
    ("订单", "purchase_order"), ("收据", "receipt"), ("小票", "receipt"), ("对账单", "account_statement"),
    ("不动产权证", "property_certificate"), ("房产证", "property_certificate"),
    ("水电费", "utility_bill"), ("电费单", "utility_bill"), ("社保", "social_insurance"),
    ("资质证书", "qualification_cert"), ("生产许可证", "qualification_cert"), ("身份证", "resident_id"),
    ("照片", "photo"), ("相片", "photo"),
)
# A generic word stands for several codes: "发票" is any invoice, "合同" any contract.
DOC_FAMILIES: dict[str, tuple[str, ...]] = {
    "invoice": ("vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice"),
    "contract": ("sales_contract", "freight_contract", "lease_contract", "construction_contract"),
}

DOC_NAMES_ZH: dict[str, str] = {
    "business_licence": "营业执照", "vat_special_invoice": "增值税专用发票", "vat_ordinary_invoice": "增值税普通发票",
    "digital_einvoice": "数电发票", "sales_contract": "购销合同", "lease_contract": "租赁合同",
    "construction_contract": "建设工程合同", "freight_contract": "运输合同", "waybill": "货运单",
    "bank_statement": "银行流水", "payment_statement": "收款流水（微信/支付宝）",
    "road_transport_permit": "道路运输经营许可证", "vehicle_transport_cert": "道路运输证",
    "vehicle_licence": "机动车行驶证", "vehicle_registration": "机动车登记证书", "food_licence": "食品经营许可证",
    "tax_certificate": "完税证明", "delivery_note": "送货单", "purchase_order": "采购订单", "receipt": "收据",
    "account_statement": "对账单", "property_certificate": "不动产权证书", "utility_bill": "水电费缴费单",
    "social_insurance": "社保缴纳证明", "qualification_cert": "资质证书", "resident_id": "居民身份证",
    "invoice": "发票", "contract": "合同", "photo": "照片",
}

# Months named by season or festival (the merchant's peak or slack time).
SEASON_WORDS: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("双十一", (11,)), ("双11", (11,)), ("618", (6,)), ("春节", (1, 2)), ("过年", (1, 2)), ("年前", (12, 1)),
    ("国庆", (10,)), ("中秋", (9,)), ("端午", (6,)), ("上半年", (1, 2, 3, 4, 5, 6)),
    ("下半年", (7, 8, 9, 10, 11, 12)), ("年底", (11, 12)), ("年末", (11, 12)), ("年初", (1, 2)),
    ("春天", (3, 4, 5)), ("春季", (3, 4, 5)), ("夏天", (6, 7, 8)), ("夏季", (6, 7, 8)), ("暑假", (7, 8)),
    ("秋天", (9, 10, 11)), ("秋季", (9, 10, 11)), ("秋收", (9, 10)), ("冬天", (12, 1, 2)), ("冬季", (12, 1, 2)),
)

PERIOD_WORDS: tuple[tuple[str, str], ...] = (
    ("每个月", "month"), ("一个月", "month"), ("每月", "month"), ("月均", "month"), ("月流水", "month"),
    ("月营业额", "month"), ("月收入", "month"), ("月", "month"),
    ("一年", "year"), ("每年", "year"), ("全年", "year"), ("年营业额", "year"), ("年收入", "year"),
    ("去年", "year"), ("今年", "year"), ("年", "year"),
    ("每季度", "quarter"), ("一个季度", "quarter"), ("季度", "quarter"),
    ("每天", "day"), ("一天", "day"), ("日均", "day"), ("天", "day"),
)

# Cue words per intent. An intent is detected when any cue occurs; slot evidence (an amount, an asset)
# is combined with cues in ``nlu.py``.
INTENT_CUES: dict[str, tuple[str, ...]] = {
    "greet": ("你好", "您好", "在吗", "在不在", "哈喽", "hello", "hi", "早上好", "下午好", "晚上好", "嗨"),
    "ask_limit": ("额度", "能贷", "能借", "可以借", "可以贷", "贷多少", "借多少", "批多少", "授信", "提额",
                  "涨额", "加额"),
    "ask_why": ("为什么", "为啥", "凭什么", "怎么才", "怎么只有", "原因", "咋这么", "咋才", "依据", "理由"),
    "want_upload": ("上传", "传一下", "传给", "拍照", "拍了", "拍张", "拍个", "发给你", "发你", "提交", "交材料",
                    "交资料", "传照片", "怎么传"),
    "withdraw": ("撤回", "撤销", "删除", "删掉", "删了", "收回", "不想给", "不给你用", "取消授权", "撤掉"),
    "tell_revenue": ("流水", "营业额", "收入", "营收", "销售额", "进账", "回款", "赚", "挣", "生意", "卖了",
                     "运费收入", "跑一趟", "营业收入"),
    "tell_season": ("旺季", "淡季", "忙的时候", "忙季", "闲的时候", "生意好", "生意差", "最忙", "不忙"),
    "tell_suppliers": ("供应商", "进货", "拿货", "上游", "采购", "货源", "供货商", "厂家", "从哪进"),
    "tell_customers": ("客户", "卖给", "下游", "给他们", "帮他们", "拉货", "送货给", "发货给", "合作方",
                       "甲方", "货主", "运输给"),
    "affirm": ("有的", "有啊", "有呀", "是的", "对的", "对", "嗯", "好的", "好", "是", "可以", "行", "没问题", "有"),
    "deny": ("没有", "没得", "没", "不是", "不行", "暂时没有", "无"),
}
NEGATION_WORDS: tuple[str, ...] = ("没有", "没得", "没", "无", "不是", "不")
