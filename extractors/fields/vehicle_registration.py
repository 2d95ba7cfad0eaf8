"""机动车登记证书 into ``VehicleRegistrationRecord``.

Written from the national format (GA 1 / 公安部 style, 2008 on): page 1's numbered summaries
(1 机动车所有人/身份证明名称/号码, 3 登记日期, 4 机动车登记编号; the mortgage section's 抵押权人姓名/名称,
抵押登记日期 and, once repaid, 解除抵押登记日期), page 2's vehicle details (车辆类型, 车辆识别代号). A
value sits beside its label in the ruled booklet and under it on the numbered page 1. The owner's
ID number is printed beside the name and deliberately not read: matching needs the name only.
"""
from __future__ import annotations

import re
from functools import partial

from extractors.fields import patterns as P
from extractors.fields.reading import read_beside_or_below, rows_of
from extractors.fields.records import VehicleRegistrationRecord
from extractors.ocr.document import Document
from extractors.text.dates import parse_date

# The certificate number stands alone in its span (an open booklet's row also holds page 2's cells).
_CERTIFICATE = re.compile(r"^(?:No\.?|NO\.?)?([0-9]{12})$")
# A person (two characters and up) or a business, up to the "/" before the ID kind.
_PARTY = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,48})")
# Labels of page 1: a row of one of these under a label means that label's value was left blank.
_LABELS = re.compile(r"抵押|登记日期|登记编号|登记机关|所有人|信息栏|身份证明")


def _date(text: str | None):
    return parse_date(text) if text else None


def extract_vehicle_registration(document: Document) -> VehicleRegistrationRecord:
    rows = rows_of(document)
    conf: dict[str, float] = {}
    get = partial(read_beside_or_below, rows, conf, labels=_LABELS)
    number = next((c for row in rows for c in row if _CERTIFICATE.match(c.text)), None)
    if number is not None:
        conf["certificate_no"] = number.confidence
    # "登记日期" alone: the mortgage section's dates (抵押登记日期, 解除抵押登记日期) carry longer labels.
    registered = get("registered", r"^(?:[0-9]{1,2}[.．、]?)?登记日期", P.DATE_TEXT)
    holder = get("lien_holder", r"抵押权人(?:姓名)?(?:[/／]名称)?", _PARTY)
    return VehicleRegistrationRecord(
        certificate_no=_CERTIFICATE.match(number.text).group(1) if number else None,
        owner=get("owner", r"机动车所有人(?:[/／]身份证明名称)?(?:[/／]号码)?", _PARTY), plate=get("plate", r"机动车登记编号", P.PLATE),
        vin=get("vin", r"车辆识别代号", P.VIN), vehicle_type=get("vehicle_type", r"车辆类型"),
        registered=_date(registered), lien_holder=holder,
        lien_registered=_date(get("lien_registered", r"^抵押登记日期", P.DATE_TEXT)) if holder else None,
        lien_released=_date(get("lien_released", r"解除抵押登记日期", P.DATE_TEXT)) if holder else None,
        confidence=conf)
