"""Photos and scans (JPEG, PNG, WebP, HEIC) to upright RGB pixels at the working resolution.

Memory is judged from the header before decoding: the declared pixel count, then the bytes Pillow's
buffer will take at the size it decodes. A 5 KB bilevel PNG can declare 40 MP, and a colour one decodes
into 160 MB whatever its file size, so the file size says nothing. JPEGs are decoded straight at a
reduced DCT scale where the page is larger than the working resolution; other formats cannot be, so
they are decoded whole within the budget and reduced at once, before any colour conversion.
"""
from __future__ import annotations

import io
import math
import re

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from extractors.intake.errors import (CorruptImage, DecodeTooLarge, DecompressionBomb, HeicUnsupported, IntakeError,
                                      TruncatedImage)
from extractors.intake.limits import IntakeLimits
from extractors.intake.sniff import HEIC

_BAND_ROWS = 256  # rows converted to RGB at a time: a 4096 px wide band is 4 MB
_PIL_FORMATS = {"image/jpeg": ["JPEG"], "image/png": ["PNG"], "image/webp": ["WEBP"], HEIC: ["HEIF"]}


def _register_heif(source: str) -> None:
    try:
        import pillow_heif  # optional: the only offline HEIC decoder we know of
    except ImportError as exc:
        raise HeicUnsupported(source, "is a HEIC photo, but no HEIC decoder is installed "
                                      "(install pillow-heif, or upload a JPEG)") from exc
    pillow_heif.register_heif_opener()  # idempotent


def decoded_bytes(mode: str, size: tuple[int, int]) -> int:
    """Bytes Pillow holds for an image of ``mode`` and ``size`` at full resolution, conversions included.

    Pillow stores bilevel, grey and palette pixels in one byte and every other mode in four (RGB too).
    A bilevel page is made grey and a palette page colour before it is reduced (resampling either
    directly would drop thin strokes or mix palette indices), so those conversions count as well.
    """
    area = size[0] * size[1]
    per_pixel = {"1": 1 + 1, "L": 1, "P": 1 + 4}.get(mode, 2 if mode.startswith("I;16") else 4)
    return area * per_pixel


def decode_image(source: str, data: bytes, media_type: str, limits: IntakeLimits) -> np.ndarray:
    """One page: RGB uint8 (height, width, 3) with the longer side at most ``limits.working_side``,
    EXIF orientation applied; only the first frame is read."""
    if media_type == HEIC:
        _register_heif(source)
    try:
        # Image.open reads only the header, so the pixel check below runs before any decoding.
        with Image.open(io.BytesIO(data), formats=_PIL_FORMATS[media_type]) as image:
            width, height = image.size
            if width * height > limits.max_pixels:
                raise DecompressionBomb(source, f"declares {width:,} × {height:,} = {width * height:,} pixels; "
                                                f"the limit is {limits.max_pixels:,} per page")
            if image.format == "JPEG":
                _draft(image, limits)
            need = decoded_bytes(image.mode, image.size)
            if need > limits.max_decode_bytes:
                raise DecodeTooLarge(source, f"declares {width:,} × {height:,} pixels in mode {image.mode}, which "
                                             f"takes {need / 1e6:,.0f} MB to decode; the limit is "
                                             f"{limits.max_decode_bytes / 1e6:,.0f} MB per upload (send a JPEG "
                                             f"or a smaller scan)")
            image.load()
            return _to_rgb(ImageOps.exif_transpose(_reduced(image, limits.working_side)))
    except IntakeError:
        raise
    except Image.DecompressionBombError as exc:
        # Pillow's own guard (over 2 × its MAX_IMAGE_PIXELS) fires inside Image.open, before ours can.
        found = re.search(r"\((\d+) pixels\)", str(exc))
        declared = f"{int(found.group(1)):,} pixels" if found else "a size Pillow refuses"
        raise DecompressionBomb(source, f"declares {declared}; the limit is {limits.max_pixels:,} per page") from exc
    except UnidentifiedImageError as exc:
        raise CorruptImage(source, "has an image signature but its header cannot be decoded") from exc
    except OSError as exc:
        if "truncated" in str(exc) or "end of file" in str(exc).lower():
            raise TruncatedImage(source, f"is truncated: the image data ends early ({exc})") from exc
        raise CorruptImage(source, f"cannot be decoded ({exc})") from exc
    except (SyntaxError, ValueError, RuntimeError, EOFError) as exc:  # what Pillow's plugins raise on bad data
        raise CorruptImage(source, f"cannot be decoded ({exc})") from exc


def _draft(image: Image.Image, limits: IntakeLimits) -> None:
    """Make libjpeg decode at 1/2, 1/4 or 1/8 scale: the largest scale that still covers the working
    resolution, or a smaller one while even that would pass the memory budget."""
    width, height = image.size
    scale = 1
    while scale < 8 and math.ceil(max(width, height) / (scale * 2)) >= limits.working_side:
        scale *= 2
    while scale < 8 and decoded_bytes(image.mode, (math.ceil(width / scale), math.ceil(height / scale))) > \
            limits.max_decode_bytes:
        scale *= 2
    if scale > 1:
        image.draft(None, (math.ceil(width / scale), math.ceil(height / scale)))


def _reduced(image: Image.Image, side: int) -> Image.Image:
    """The page with its longer side at most ``side``; area-averaged, so thin print survives."""
    width, height = image.size
    if max(width, height) <= side:
        return image
    if image.mode == "1":
        image = image.convert("L")
    elif image.mode == "P":
        image = image.convert("RGBA")
    factor = side / max(width, height)
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _to_rgb(image: Image.Image) -> np.ndarray:
    """The page as a writable RGB array, converted a band of rows at a time: converting the whole page at
    once would hold Pillow's 4-byte copy and a bytes copy beside the result (about 3× the page)."""
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    width, height = image.size
    out = np.empty((height, width, 3), dtype=np.uint8)
    for top in range(0, height, _BAND_ROWS):
        band = image.crop((0, top, width, min(height, top + _BAND_ROWS)))
        if transparent:
            # Transparent pixels are often black: flatten onto white, or black text on them would vanish.
            band = Image.alpha_composite(Image.new("RGBA", band.size, (255, 255, 255, 255)), band.convert("RGBA"))
        out[top:top + band.height] = np.asarray(band.convert("RGB"), dtype=np.uint8)
    return out
