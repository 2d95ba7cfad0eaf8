"""The CJK faces documents are set in, loaded once from Debian's ``fonts-noto-cjk``.

Real Chinese documents are set in 宋体 (serif) for body text, 黑体 (sans) for headings and screens,
and fixed-pitch faces for machine-printed numbers; Noto Serif/Sans/Mono CJK SC stand in for those.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path("/usr/share/fonts/opentype/noto")

# (file, index of the Simplified-Chinese face inside the .ttc collection)
_FACES: dict[str, tuple[str, int]] = {
    "serif": ("NotoSerifCJK-Regular.ttc", 2),
    "serif_bold": ("NotoSerifCJK-Bold.ttc", 2),
    "sans": ("NotoSansCJK-Regular.ttc", 2),
    "sans_bold": ("NotoSansCJK-Bold.ttc", 2),
    "mono": ("NotoSansCJK-Regular.ttc", 7),
    "mono_bold": ("NotoSansCJK-Bold.ttc", 7),
}
FACES: tuple[str, ...] = tuple(_FACES)


@lru_cache(maxsize=256)
def font(face: str, size: int) -> ImageFont.FreeTypeFont:
    """The face at a pixel size; cached because opening a .ttc costs milliseconds per call."""
    if face not in _FACES:
        raise ValueError(f"unknown face {face!r}; known: {sorted(_FACES)}")
    file, index = _FACES[face]
    path = FONT_DIR / file
    if not path.exists():
        raise FileNotFoundError(f"{path} missing: install Debian's fonts-noto-cjk")
    return ImageFont.truetype(str(path), size=size, index=index)
