"""The 26 document types of SPEC §5, plus ``photo`` and ``unknown``."""
from __future__ import annotations

DOC_TYPES: dict[str, str] = {
    "business_licence": "营业执照",
    "vat_special_invoice": "增值税专用发票",
    "vat_ordinary_invoice": "增值税普通发票",
    "digital_einvoice": "数电发票（全电）",
    "sales_contract": "购销合同",
    "lease_contract": "租赁合同",
    "construction_contract": "建设工程/分包合同",
    "freight_contract": "运输合同",
    "waybill": "货运单/托运单",
    "bank_statement": "银行流水",
    "payment_statement": "收款流水",
    "road_transport_permit": "道路运输经营许可证",
    "vehicle_transport_cert": "道路运输证",
    "vehicle_licence": "机动车行驶证",
    "vehicle_registration": "机动车登记证书",
    "food_licence": "食品经营许可证",
    "tax_certificate": "完税证明/纳税申报表",
    "delivery_note": "送货单/出库单",
    "purchase_order": "采购订单",
    "receipt": "收据/小票",
    "account_statement": "对账单",
    "property_certificate": "不动产权证书",
    "utility_bill": "水电费缴费单",
    "social_insurance": "社保缴纳证明",
    "qualification_cert": "资质证书/生产许可证",
    "resident_id": "居民身份证",
}
PHOTO = "photo"
UNKNOWN = "unknown"
ALL_TYPES: tuple[str, ...] = (*DOC_TYPES, PHOTO, UNKNOWN)
