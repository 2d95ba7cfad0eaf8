"""Asset class from the model code painted on a machine or vehicle (read by OCR).

Chinese machinery and vehicles carry model codes that name their kind by industry convention:

- forklifts: JB/T 2390 type codes — ``CPCD`` / ``CPQD`` / ``CPC`` / ``CPQ`` (counterbalanced, internal
  combustion), ``CPD`` / ``CPDS`` (counterbalanced, battery), ``CQD`` (reach truck);
- wheel loaders: the ``ZL`` series (装载机, e.g. ZL50G) and the makers' own ``LW`` (XCMG), ``CLG8``
  (LiuGong), ``LG9``/``L9`` (SDLG) series;
- excavators: makers' series ``SY`` (SANY), ``XE`` (XCMG), ``CLG9`` (LiuGong), ``PC`` (Komatsu),
  ``ZX`` (Hitachi), ``DX`` (Doosan), ``SK`` (Kobelco), ``LG6`` (SDLG);
- truck cranes: ``QY`` (汽车起重机) and ``ZTC`` (Zoomlion);
- vehicle model codes under GB 9417: maker letters + a class digit, ``3`` dump truck, ``4`` tractor
  unit, with ``GJB`` in the special-purpose code of concrete mixer trucks (e.g. ``SYM5310GJB``);
- tractors: ``LX``/``LY``/``ME`` (东方红), ``M`` + four digits (雷沃), ``SNH`` (John Deere China).

A match is strong evidence of the kind (the code is the maker's own label) but says nothing about
whether the machine is the merchant's; ownership comes from papers, not photos.
"""
from __future__ import annotations

import re

from extractors.photos.recogniser import Recognition

CONFIDENCE = 0.9
# Codes are matched on ASCII boundaries: OCR runs the brand into the code ("徐工SY215C"), and Python's
# \b treats Chinese characters as word characters.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), c) for p, c in (
    (r"(?<![A-Z0-9])(?:CPCD|CPQD|CPDS|CPC|CPQ|CPD|CQD)\d{2,3}(?!\d)", "forklift"),
    (r"(?<![A-Z0-9])(?:ZL|LW|CLG8|LG9|L9)\d{2,3}(?!\d)", "loader"),
    (r"(?<![A-Z0-9])(?:SY|XE|CLG9|PC|ZX|DX|SK|LG6)\d{2,3}(?!\d)", "excavator"),
    (r"(?<![A-Z0-9])(?:QY|ZTC)\d{2,3}(?!\d)", "crane"),
    (r"(?<![A-Z0-9])[A-Z]{2,4}5\d{3}GJB", "concrete_mixer"),
    (r"(?<![A-Z0-9])[A-Z]{2,4}3\d{3}[A-Z0-9]*", "dump_truck"),
    (r"(?<![A-Z0-9])[A-Z]{2,4}4\d{3}[A-Z0-9]*", "tractor_trailer"),
    (r"(?<![A-Z0-9])(?:LX|LY|ME|SNH)\d{3,4}|(?<![A-Z0-9])M\d{4}(?![0-9])", "farm_machinery"),
))


def classes_from_text(texts: tuple[str, ...]) -> tuple[Recognition, ...]:
    found: dict[str, str] = {}
    for text in texts:
        upper = text.upper().replace(" ", "")
        for pattern, code in _RULES:
            match = pattern.search(upper)
            if match and code not in found:
                found[code] = match.group(0)
    return tuple(Recognition(code, CONFIDENCE, f"text:model_code:{token}") for code, token in found.items())
