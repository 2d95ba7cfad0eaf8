"""A field extractor's view of a ``Document``: rows of normalised spans, and "label → value" lookups.

Forms print a label and its value either in one span ("户名:济南市…") or in neighbouring spans of one
row ("名称 | 济南市…"); OCR splits and joins them unpredictably, so a lookup tries the rest of the label's
span, then the next span, then both joined, and keeps the first candidate the value pattern accepts.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from extractors.fields.patterns import CJK, DATE_TEXT
from extractors.ocr.document import Document
from extractors.text.dates import parse_date
from extractors.text.normalise import compact

# Punctuation, or a bracketed rest of the label ("法定代表人（负责人）"), between a label and its value.
_LEAD = re.compile(r"^(?:[:：;；,，.。、\)）\]】]|[(（][^)）]{0,10}[)）])+")
# "30.车辆获得方式": a numbered label (of the facing page of an open booklet), never a value.
_NUMBERED_LABEL = re.compile(r"^[0-9]{1,2}[.．、][\u4e00-\u9fff]")
# A seal's legend as OCR reads it where the seal overlaps a line ("许可专用章", "合同专用章", "公章").
_SEAL_LEGEND = re.compile(r"[\u4e00-\u9fff]{0,12}章")


@dataclass(frozen=True, slots=True)
class Cell:
    """One span: text with whitespace removed, horizontal extent and centre height on the page."""

    text: str
    x0: float
    x1: float
    y: float
    confidence: float


@dataclass(frozen=True, slots=True)
class Found:
    value: str
    confidence: float
    row: int       # index of the row it was read from
    x0: float      # left edge of the span the value came from


Row = tuple[Cell, ...]


def rows_of(document: Document) -> list[Row]:
    """Every visual row of every page, top to bottom, spans left to right."""
    rows = []
    for page in document.pages:
        for block in page.blocks:
            for line in block.lines:
                cells = tuple(Cell(compact(w.value), w.geometry[0][0], w.geometry[1][0],
                                   (w.geometry[0][1] + w.geometry[1][1]) / 2, w.confidence)
                              for w in line.words if compact(w.value))
                if cells:
                    rows.append(cells)
    return rows


def row_text(row: Row) -> str:
    return "".join(c.text for c in row)


def _candidates(row: Row, i: int, end: int) -> Iterator[tuple[str, float, float]]:
    rest = _LEAD.sub("", row[i].text[end:])
    if rest:
        yield rest, row[i].confidence, row[i].x0
    if i + 1 < len(row) and not _NUMBERED_LABEL.match(row[i + 1].text):
        nxt = _LEAD.sub("", row[i + 1].text)
        yield nxt, row[i + 1].confidence, row[i + 1].x0
        if rest:
            yield rest + nxt, min(row[i].confidence, row[i + 1].confidence), row[i].x0


def find_all(rows: Sequence[Row], label: str | re.Pattern[str], value: str | re.Pattern[str] = r".+",
             *, x_range: tuple[float, float] = (0.0, 1.0)) -> list[Found]:
    """Every value printed after ``label`` that matches ``value`` (``re.search``; group 1 if it has
    one, else the whole match), in reading order. ``x_range`` limits the label to part of the page."""
    label = re.compile(label) if isinstance(label, str) else label
    value = re.compile(value) if isinstance(value, str) else value
    found = []
    for r, row in enumerate(rows):
        for i, cell in enumerate(row):
            if not x_range[0] <= (cell.x0 + cell.x1) / 2 <= x_range[1]:
                continue
            match = label.search(cell.text)
            if match is None and i > 0:
                # A letter-spaced label can be split over two spans ("有 | 效期至"): try it joined,
                # as long as the match ends inside this span.
                joined = row[i - 1].text + cell.text
                match = label.search(joined)
                if match is not None and match.end() <= len(row[i - 1].text):
                    match = None
                elif match is not None:
                    match = re.match(r".{%d}" % (match.end() - len(row[i - 1].text)), cell.text)
            if match is None:
                continue
            for text, confidence, x0 in _candidates(row, i, match.end()):
                hit = value.search(text)
                if hit:
                    found.append(Found(hit.group(1) if value.groups else hit.group(0), confidence, r, x0))
                    break
    return found


def find(rows: Sequence[Row], label: str | re.Pattern[str], value: str | re.Pattern[str] = r".+",
         *, x_range: tuple[float, float] = (0.0, 1.0)) -> Found | None:
    """The first of ``find_all``, or ``None``."""
    hits = find_all(rows, label, value, x_range=x_range)
    return hits[0] if hits else None


def find_under(rows: Sequence[Row], label: str | re.Pattern[str], value: str | re.Pattern[str] = r".+", *,
               labels: re.Pattern[str] | None = None, depth: int = 2) -> Found | None:
    """The value printed on the line under its label, a label that heads its own value (许可证编号 over
    the number, on the 2023 食品经营许可证): the first span of the next ``depth`` rows that lies lower on
    the page, overlaps the label's span horizontally and matches ``value``. A span there that ``labels``
    matches is the next label: the field was left blank, and nothing is read."""
    label = re.compile(label) if isinstance(label, str) else label
    value = re.compile(value) if isinstance(value, str) else value
    for r, row in enumerate(rows):
        for cell in row:
            if label.search(cell.text) is not None:
                hit = _under(rows, r, cell, value, labels, depth)
                if hit is not None:
                    return hit
    return None


def _under(rows: Sequence[Row], r: int, label: Cell, value: re.Pattern[str], labels: re.Pattern[str] | None,
           depth: int) -> Found | None:
    for k in range(r + 1, min(r + 1 + depth, len(rows))):
        for cell in rows[k]:
            if cell.y <= label.y or min(label.x1, cell.x1) <= max(label.x0, cell.x0):
                continue
            if labels is not None and labels.search(cell.text):
                return None
            hit = value.search(cell.text)
            if hit:
                return Found(hit.group(1) if value.groups else hit.group(0), cell.confidence, k, cell.x0)
    return None


def search_spans(rows: Sequence[Row], pattern: str | re.Pattern[str]) -> Found | None:
    """The first match of ``pattern`` inside one span. ``search_text`` joins a row, and a tilted photo
    can put two columns' values on one row ("…BF6XY" then "JY1230…"), so that a code anchored on its
    neighbours no longer stands alone; a span keeps it bounded."""
    pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
    for r, row in enumerate(rows):
        for cell in row:
            hit = pattern.search(cell.text)
            if hit:
                return Found(hit.group(1) if pattern.groups else hit.group(0), cell.confidence, r, cell.x0)
    return None


def read_labelled(rows: Sequence[Row], confidence: dict[str, float], key: str, label: str | re.Pattern[str],
                  value: str | re.Pattern[str] = CJK) -> str | None:
    """``find``'s value for ``label`` (Chinese text unless ``value`` says otherwise), recording its OCR
    confidence in ``confidence[key]``: records keep one confidence per field they read."""
    hit = find(rows, label, value)
    if hit is None:
        return None
    confidence[key] = hit.confidence
    return hit.value


def read_beside_or_below(rows: Sequence[Row], confidence: dict[str, float], key: str,
                         label: str | re.Pattern[str], value: str | re.Pattern[str] = CJK, *,
                         labels: re.Pattern[str] | None = None) -> str | None:
    """``read_labelled``; failing that, the value on the row under the label (forms that print a
    numbered label on one line and its value on the next, as page 1 of a vehicle title does). A row
    under it that ``labels`` matches is the next label, not a value: the field was left blank."""
    beside = read_labelled(rows, confidence, key, label, value)
    if beside is not None:
        return beside
    label = re.compile(label) if isinstance(label, str) else label
    value = re.compile(value) if isinstance(value, str) else value
    for r, row in enumerate(rows[:-1]):
        if any(label.search(c.text) for c in row):
            below = rows[r + 1]
            if labels is not None and labels.search(row_text(below)):
                return None
            hit = value.search(row_text(below))
            if hit:
                confidence[key] = min(c.confidence for c in below)
                return hit.group(1) if value.groups else hit.group(0)
    return None


def read_under(rows: Sequence[Row], confidence: dict[str, float], key: str, label: str | re.Pattern[str],
               value: str | re.Pattern[str] = CJK) -> str | None:
    """``find_under`` for a label that heads a column of a small table ("货物名称 | 包装 | 件数" over
    "日用百货 | 纸箱 | 140"), recording the value's confidence. Only a header row counts (three spans or
    more, no figure, the label a span of its own): elsewhere the span under a label is the next row's
    label, not its value."""
    label = re.compile(label) if isinstance(label, str) else label
    value = re.compile(value) if isinstance(value, str) else value
    for r, row in enumerate(rows):
        if len(row) < 3 or re.search(r"[0-9]", row_text(row)):
            continue
        for cell in row:
            hit = _under(rows, r, cell, value, None, 2) if label.fullmatch(cell.text) else None
            if hit is not None:
                confidence[key] = hit.confidence
                return hit.value
    return None


def date_under_seal(rows: Sequence[Row]) -> Found | None:
    """The issue date printed alone on a row under the issuer's seal (登记机关, 发证机关, 登记机构（章）),
    unlabelled: the last row that is a date and nothing else, but for the seal's own legend where the
    seal overlaps it (a booklet's "许可专用章" is read on the date's row: any span that ends in 章)."""
    for r in range(len(rows) - 1, -1, -1):
        dates = [c for c in rows[r] if not _SEAL_LEGEND.fullmatch(c.text)]
        text = row_text(tuple(dates))
        if dates and DATE_TEXT.fullmatch(text):
            return Found(text, min(c.confidence for c in dates), r, dates[0].x0)
    return None


def search_text(rows: Sequence[Row], pattern: str | re.Pattern[str]) -> Found | None:
    """The first match of ``pattern`` in any row's joined text (for values printed without a label)."""
    pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
    for r, row in enumerate(rows):
        hit = pattern.search(row_text(row))
        if hit:
            return Found(hit.group(1) if pattern.groups else hit.group(0), min(c.confidence for c in row), r,
                         row[0].x0)
    return None


def read_period(rows: Sequence[Row], confidence: dict[str, float], label: str) -> tuple[date | None, date | None]:
    """A period printed as "<label>：[自]<date>至<date>" (对账期间, 税款所属期 …): its two dates, recording the
    OCR confidence under ``confidence["period"]``; (None, None) when it was not read."""
    pattern = re.compile(f"(?:{label})[:：]?自?" + DATE_TEXT.pattern + "至" + DATE_TEXT.pattern)
    hit = search_text(rows, pattern)
    if hit is None:
        return None, None
    confidence["period"] = hit.confidence
    dates = pattern.search(row_text(rows[hit.row]))
    return parse_date(dates.group(1)), parse_date(dates.group(2))
