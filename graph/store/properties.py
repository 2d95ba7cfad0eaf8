"""Property maps are checked before they reach Cypher: names, types and sizes.

Values always travel as query parameters, so text read from documents (Cypher fragments, quotes,
backticks) is stored verbatim and never executed. What is refused here is what Neo4j could not store
well: unknown types, nested maps, and strings big enough to be an attack on memory.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

from extractors.facts import PropertyValue
from graph.schema.model import RESERVED_PROPERTIES

MAX_STRING_BYTES = 1_000_000  # 1 MB: the longest honest field (a contract's text) is far below this
MAX_LIST_ITEMS = 10_000
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_SCALARS = (str, bool, int, float, date, datetime)  # datetime is a date: order matters nowhere here


class PropertyRejected(ValueError):
    """A property that cannot be stored; the message names it and says why."""


def _check_scalar(where: str, value: object) -> None:
    if not isinstance(value, _SCALARS):
        raise PropertyRejected(f"{where}: unsupported type {type(value).__name__}")
    if isinstance(value, str):
        size = len(value.encode("utf-8", errors="surrogatepass"))
        if size > MAX_STRING_BYTES:
            raise PropertyRejected(f"{where}: string of {size:,} bytes exceeds the {MAX_STRING_BYTES:,}-byte limit")
        if "\x00" in value:
            raise PropertyRejected(f"{where}: string contains a NUL character")


def check_id(owner: str, value: object) -> str:
    """Node ids are non-empty strings under the same size rules as any other string."""
    if not isinstance(value, str) or not value:
        raise PropertyRejected(f"{owner}: id must be a non-empty string, got {value!r:.80}")
    _check_scalar(f"{owner}.id", value)
    return value


def check_property_name(name: object, owner: str = "property") -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise PropertyRejected(f"{owner}: property name {name!r} must match {_NAME.pattern}")
    return name


def clean_properties(owner: str, properties: Mapping[str, PropertyValue]) -> dict[str, object]:
    """Return a driver-ready copy (tuples become lists) or raise PropertyRejected naming the property."""
    cleaned: dict[str, object] = {}
    for name, value in properties.items():
        where = f"{owner}.{name}"
        check_property_name(name, owner)
        if name in RESERVED_PROPERTIES:
            raise PropertyRejected(f"{where}: reserved for the store")
        if value is None:
            continue  # Neo4j has no null properties; absent means unknown
        if isinstance(value, (list, tuple)):
            if len(value) > MAX_LIST_ITEMS:
                raise PropertyRejected(f"{where}: list of {len(value)} items exceeds {MAX_LIST_ITEMS}")
            kinds = {type(v) for v in value}
            if len(kinds) > 1:
                raise PropertyRejected(f"{where}: list mixes types {sorted(k.__name__ for k in kinds)}")
            for item in value:
                _check_scalar(where, item)
            cleaned[name] = list(value)
        else:
            _check_scalar(where, value)
            cleaned[name] = value
    return cleaned
