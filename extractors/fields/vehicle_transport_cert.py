"""道路运输证 into ``VehicleTransportRecord``.

Written from the two forms in use: the IC card (labels beside values in two columns) and the older
paper certificate (a ruled grid, letter-spaced labels). Both print 业户名称, 车辆号牌, 经营许可证号,
车辆类型 and a validity (有效期至).
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import read_labelled, rows_of, search_text
from extractors.fields.records import VehicleTransportRecord
from extractors.ocr.document import Document
from extractors.text.dates import parse_date

# The certificate's own number, e.g. 粤交运管深字440300012345号; never the permit's (交运管许可…).
_NUMBER = re.compile(r"([\u4e00-\u9fff]交运管(?!许可)[\u4e00-\u9fff]{0,2}字?[0-9]{6,14}号)")
_PERMIT = re.compile(r"([\u4e00-\u9fff]交运管许可[\u4e00-\u9fff]{0,2}字?[0-9]{6,14}号)")


def extract_vehicle_transport_cert(document: Document) -> VehicleTransportRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_labelled, rows, conf)
    number = search_text(rows, _NUMBER)
    if number is not None:
        conf["number"] = number.confidence
    until = get("valid_until", r"有效期至", P.DATE_TEXT)
    issued = get("issued", r"发证日期", P.DATE_TEXT)
    return VehicleTransportRecord(
        number=number.value if number else None, holder_name=get("holder_name", r"业户名称", P.NAME),
        plate=get("plate", r"车辆号牌", P.PLATE), permit_no=get("permit_no", r"经营许可证号", _PERMIT),
        vehicle_type=get("vehicle_type", r"车辆类型"), valid_until=parse_date(until) if until else None,
        issued=parse_date(issued) if issued else None, confidence=conf)
