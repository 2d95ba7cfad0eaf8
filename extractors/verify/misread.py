"""Could the OCR have misread this field? Telling a misread from a wrong document.

A check on a read field (a USCC's check character, a holder's name against the registered one) fails
both when the page prints something wrong and when the reader read it wrong. An upload sent through a
messaging app at 720 px prints a USCC in glyphs ~8 px tall whose strokes are one or two pixels; there
the reader takes D for 0, W or H for M, 料 for 科 (``bench/honest_review.py``: 12 of 82 rejections of
honest uploads were such misreads). A misread proves nothing, so a failure it explains is *could not
verify* (``possible_misread``, asks for a clearer capture); only a failure no misread explains is
fraud evidence. Two explanations count:

- **glyph confusion**: the read differs from a valid value (or the known one) only in characters whose
  glyphs differ by a stroke, a corner or a gap that a blurred 8 px glyph loses (``CONFUSABLE``):
  0/O/D/Q, 1/I/L, 8/B, 5/S, 2/Z, M/H/W/N. It costs little against a forger: of arbitrary wrong check
  characters on valid USCCs 5.5% happen to be one confusion from a valid code (3.2% of the seed's
  ``invalid_check_digit`` forgeries), and what they gain is *could not verify*: no fact, no uplift.
- **the reader's own doubt**: RapidOCR's confidence for a span is the mean of its characters' top
  probabilities, so ``n × (1 − confidence)`` is the number of characters it expects to have got wrong,
  and the number it got wrong is taken as Poisson with that mean. A difference of ``d`` characters is
  put down to the reader when ``d`` or more misreads are at least ``NAME_ALPHA`` likely for a name
  (a wrong name is another business's, many characters off, so a lenient bar loses nothing), and,
  for a number that fails its check (one wrong character is exactly what a forger changes), only when
  a misread is more likely than not (``NUMBER_ALPHA``).
Misreads fall glyph by glyph, so two or more in a name must not sit side by side: the seed's business
names, like real ones, follow one pattern (city, trade name, trade, legal form), and two businesses
often differ only in a two-character trade name (of 179,699 pairs of seed names, 225 were within the
allowance at confidence 0.9 before this rule, 9 after; 5 of those 9 differ in one character).
A confidently read value that no confusion explains stays a failure.
"""
from __future__ import annotations

import math
from collections.abc import Callable

from extractors.verify.names import edit_distance, normalise_name
from extractors.verify.result import CheckResult

_GROUPS = ("0ODQ", "1IL", "8B", "5S", "2Z", "MHWN")
CONFUSABLE: dict[str, frozenset[str]] = {
    c: frozenset("".join(g for g in _GROUPS if c in g)) - {c} for c in {c for g in _GROUPS for c in g}}
NAME_ALPHA = 0.1
NUMBER_ALPHA = 0.5
MAX_NAME_SHARE = 0.25    # a name more than a quarter misread is not "otherwise the registered one"


def confusable(a: str, b: str) -> bool:
    return a == b or b in CONFUSABLE.get(a, ())


def expected_misreads(text: str, confidence: float | None) -> float:
    """Characters of ``text`` the reader expects to have misread (0 when it gave no confidence)."""
    if confidence is None:
        return 0.0
    return len(text) * max(0.0, 1.0 - confidence)


def _tail(d: int, mean: float) -> float:
    """P(N ≥ d) for N ~ Poisson(mean)."""
    return 1.0 - sum(math.exp(-mean) * mean ** k / math.factorial(k) for k in range(d))


def plausible_misreads(text: str, confidence: float | None, alpha: float = NAME_ALPHA) -> int:
    """The most characters a misread of ``text`` read at ``confidence`` plausibly changes."""
    mean, d = expected_misreads(text, confidence), 0
    while d < len(text) and _tail(d + 1, mean) >= alpha:
        d += 1
    return d


def misread_of(read: str, valid: Callable[[str], bool]) -> str | None:
    """A value ``valid`` accepts that ``read`` becomes by undoing one glyph confusion, if any."""
    read = read.upper()
    for i, c in enumerate(read):
        for alt in sorted(CONFUSABLE.get(c, ())):
            candidate = read[:i] + alt + read[i + 1:]
            if valid(candidate):
                return candidate
    return None


def failure_is_misread(read: str, confidence: float | None, valid: Callable[[str], bool]) -> bool:
    """Whether a number that fails its check (``valid``) may have been printed right and read wrong."""
    return misread_of(read, valid) is not None or plausible_misreads(read, confidence, NUMBER_ALPHA) >= 1


def same_code_misread(read: str, known: str, confidence: float | None) -> bool:
    """``read`` is ``known`` up to glyph confusions (at most as many as the reader may have made, and
    at least one)."""
    read, known = read.upper(), known.upper()
    if len(read) != len(known) or not all(confusable(a, b) for a, b in zip(read, known)):
        return False
    return sum(a != b for a, b in zip(read, known)) <= max(1, plausible_misreads(read, confidence))


def same_name_misread(read: str, known: str, confidence: float | None) -> bool:
    """``read`` is ``known`` with one character misread, or as many as the reader's confidence makes
    plausible, at most a quarter of the name and none of them side by side: the reader misreads
    glyph by glyph, while another business's name differs in a run (its trade name, 汇丰 for 富康)."""
    a, b = normalise_name(read), normalise_name(known)
    if not a or not b:
        return False
    off = edit_distance(a, b)
    if off <= 1:
        return True
    allowed = min(plausible_misreads(a, confidence), int(len(b) * MAX_NAME_SHARE))
    if len(a) != len(b) or off > allowed:
        return False
    wrong = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return all(j - i > 1 for i, j in zip(wrong, wrong[1:]))


def misread_result(zh: str, en: str) -> CheckResult:
    """A field that differs from what the bank knows only as a misread would: could not verify."""
    return CheckResult("possible_misread", None, "hard", f"{zh}，可能是识别误差，请拍清楚后重新上传",
                       f"{en}, possibly a misread: a clearer capture is needed")
