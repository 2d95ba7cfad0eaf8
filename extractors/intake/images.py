"""Photos and scans (JPEG, PNG, WebP, HEIC) to upright RGB pixels, with the size checked before decoding."""
from __future__ import annotations

import io
import re

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from extractors.intake.errors import (CorruptImage, DecompressionBomb, HeicUnsupported, IntakeError,
                                      TruncatedImage)
from extractors.intake.limits import IntakeLimits
from extractors.intake.sniff import HEIC

_PIL_FORMATS = {"image/jpeg": ["JPEG"], "image/png": ["PNG"], "image/webp": ["WEBP"], HEIC: ["HEIF"]}


def _register_heif(source: str) -> None:
    try:
        import pillow_heif  # optional: the only offline HEIC decoder we know of
    except ImportError as exc:
        raise HeicUnsupported(source, "is a HEIC photo, but no HEIC decoder is installed "
                                      "(install pillow-heif, or upload a JPEG)") from exc
    pillow_heif.register_heif_opener()  # idempotent


def decode_image(source: str, data: bytes, media_type: str, limits: IntakeLimits) -> np.ndarray:
    """One page: RGB uint8 (height, width, 3), EXIF orientation applied; only the first frame is read."""
    if media_type == HEIC:
        _register_heif(source)
    try:
        # Image.open reads only the header, so the pixel check below runs before any decoding.
        with Image.open(io.BytesIO(data), formats=_PIL_FORMATS[media_type]) as image:
            width, height = image.size
            if width * height > limits.max_pixels:
                raise DecompressionBomb(source, f"declares {width:,} × {height:,} = {width * height:,} pixels; "
                                                f"the limit is {limits.max_pixels:,} per page")
            image.load()
            return _to_rgb(ImageOps.exif_transpose(image))
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


def _to_rgb(image: Image.Image) -> np.ndarray:
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        # Transparent pixels are often black: flatten onto white, or black text on them would vanish.
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(canvas, rgba)
    return np.asarray(image.convert("RGB"), dtype=np.uint8).copy()
