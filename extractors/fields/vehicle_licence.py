"""机动车行驶证 into ``VehicleLicenceRecord``."""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import read_labelled, rows_of, search_spans, search_text
from extractors.fields.records import VehicleLicenceRecord
from extractors.ocr.document import Document
from extractors.text.dates import parse_date, parse_month

# The owner is a business (P.NAME) or a person, whose name can be two characters (冯军), under NAME's three.
_OWNER = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,48})")
# A vehicle type (GA 802) names a vehicle: "轻型普通货车", "重型半挂牵引车", "小型轿车". Its label is small and
# sits on the English "Vehicle Type", so OCR loses a character of it or misreads one ("辆类型I", "车辆美型").
_TYPE_LABEL = r"车辆.型|辆类型"
_TYPE = re.compile(r"([\u4e00-\u9fff]{1,10}车)")
# Printed without a readable label, a type is still known by its form: a size class, then what it is.
_TYPE_ALONE = re.compile(r"^((?:重|中|轻|微|大|小)型[\u4e00-\u9fff]{1,8}车)$")
# So is a VIN whose label a phone shot lost: a span of exactly 17 characters of its alphabet, letters and
# digits both (no plate, file number, engine number or 18-character USCC is).
_VIN_ALONE = re.compile(r"^(?=.*[0-9])(?=.*[A-Z])([A-HJ-NPR-Z0-9]{17})$")


def extract_vehicle_licence(document: Document) -> VehicleLicenceRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)

    plate = get("plate", r"号牌号码", P.PLATE)
    registered = get("registered", r"注册日期", P.DATE_TEXT)
    issued = get("issued", r"发证日期", P.DATE_TEXT)
    inspection = search_text(rows, r"检验有效期至((?:19|20)[0-9]{2}年[0-9]{1,2}月)")
    if inspection is not None:
        conf["inspection_until"] = inspection.confidence
    vehicle_type = get("vehicle_type", _TYPE_LABEL, _TYPE)
    if vehicle_type is None and (alone := search_spans(rows, _TYPE_ALONE)) is not None:
        conf["vehicle_type"] = alone.confidence
        vehicle_type = alone.value
    vin = get("vin", r"车辆识别代号", P.VIN)
    if vin is None and (alone := search_spans(rows, _VIN_ALONE)) is not None:
        conf["vin"] = alone.confidence
        vin = alone.value
    return VehicleLicenceRecord(
        plate=plate, vehicle_type=vehicle_type, owner=get("owner", r"所有人", _OWNER),
        address=get("address", r"^住址"), use=get("use", r"使用性质"),
        model=get("model", r"品牌型号", r"(.+)"), vin=vin,
        engine_no=get("engine_no", r"发动机号码", r"([0-9A-Z]{6,})"),
        registered=parse_date(registered) if registered else None,
        issued=parse_date(issued) if issued else None,
        inspection_until=parse_month(inspection.value) if inspection else None, confidence=conf)
