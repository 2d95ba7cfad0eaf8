"""Dates a genuine document can carry: issued in the past and after the holder existed, and, for
licences and permits, still valid on the day the evidence is judged."""
from __future__ import annotations

from datetime import date, timedelta

from extractors.verify.record_view import day, text
from extractors.verify.result import CheckResult

LICENCES = frozenset({"business_licence", "food_licence", "road_transport_permit", "vehicle_transport_cert",
                      "vehicle_licence", "qualification_cert", "resident_id"})
EARLIEST = date(1980, 1, 1)    # no document the engine accepts predates the 1980s registration system
_ISSUE_FIELDS = ("issued", "signed", "shipped", "period_end", "registered", "founded")
_UNTIL_FIELDS = ("valid_until",)


def _month_end(month: str | None) -> date | None:
    """A licence that prints a month ("2027-03") is valid to that month's last day."""
    try:
        year, mon = (int(p) for p in (month or "").split("-"))
        return date(year + mon // 12, mon % 12 + 1, 1) - timedelta(days=1)
    except ValueError:
        return None


def check_validity(doc_type: str, record: object, *, as_of: date) -> list[CheckResult]:
    out: list[CheckResult] = []
    issued = day(record, *_ISSUE_FIELDS)
    if issued is not None:
        ok = EARLIEST <= issued <= as_of
        out.append(CheckResult("date_plausible", ok, "hard",
                               f"开具日期 {issued} {'合理' if ok else '不合理'}（评估日 {as_of}）",
                               f"issue date {issued} is {'plausible' if ok else 'implausible'} (as of {as_of})"))
    if doc_type in LICENCES:
        until = day(record, *_UNTIL_FIELDS)
        inspection = until is None and doc_type == "vehicle_licence"
        until = until or _month_end(text(record, "inspection_until"))
        if until is not None and inspection:
            # A vehicle licence does not expire; its inspection (检验有效期) lapses, commonly on honest old
            # trucks, and the licence still proves who owns the vehicle: a weak cue, not fraud.
            ok = until >= as_of
            out.append(CheckResult("inspection_current", ok, "soft",
                                   f"检验有效期至 {until}{'' if ok else '，已过检验期'}",
                                   f"inspection valid until {until}{'' if ok else ': lapsed'}"))
        elif until is not None:
            ok = until >= as_of
            out.append(CheckResult("licence_not_expired", ok, "hard",
                                   f"有效期至 {until}{'' if ok else '，已过期'}",
                                   f"valid until {until}{'' if ok else ': expired'}"))
            if issued is not None and until < issued:
                out.append(CheckResult("validity_after_issue", False, "hard", "有效期早于发证日期",
                                       "validity ends before the issue date"))
    return out
