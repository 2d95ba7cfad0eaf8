"""The bad uploads of issue 4's acceptance list, built small in a temporary folder.

Shared by the intake, ingest and CLI tests, so each layer is checked against the same files.
"""
from __future__ import annotations

import io
import os
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np
from PIL import Image


def jpeg_bytes(width: int = 320, height: int = 200, *, orientation: int | None = None) -> bytes:
    pixels = np.random.default_rng(0).integers(0, 255, (height, width, 3), dtype=np.uint8)
    image = Image.fromarray(pixels)
    buffer = io.BytesIO()
    if orientation is None:
        image.save(buffer, format="JPEG", quality=90)
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation  # Orientation tag
        image.save(buffer, format="JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb_bytes(side: int = 30_000) -> bytes:
    """A real bomb: a ~100 KB PNG whose all-black 1-bit image inflates to side² pixels (900 MP)."""
    row = b"\x00" * (1 + (side + 7) // 8)  # filter byte + packed bits
    squeeze = zlib.compressobj(9)
    idat = b"".join(squeeze.compress(row * 1000) for _ in range(side // 1000)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


def png_canvas_bytes(side: int, *, colour: bool) -> bytes:
    """A black side × side PNG, written row by row so building it costs no memory: 1-bit grey (a 6324 px
    one is ~5 KB) or 8-bit RGB (~120 KB). Both pass the 40 MP pixel limit; the RGB one takes 160 MB in
    Pillow's 4-byte pixels."""
    row = b"\x00" * (1 + (side * 3 if colour else (side + 7) // 8))  # filter byte + samples
    squeeze = zlib.compressobj(9)
    idat = b"".join(squeeze.compress(row) for _ in range(side)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", side, side, 8 if colour else 1, 2 if colour else 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


def white_jpeg_bytes(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (255, 255, 255)).save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def pdf_bytes(pages: int, size_pt: tuple[float, float] = (595, 842)) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(*size_pt)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def empty_file(folder: Path) -> Path:
    path = folder / "empty.jpg"
    path.write_bytes(b"")
    return path


def truncated_jpeg(folder: Path) -> Path:
    data = jpeg_bytes()
    path = folder / "truncated.jpg"
    path.write_bytes(data[: len(data) // 2])
    return path


def png_bomb(folder: Path) -> Path:
    path = folder / "bomb.png"
    path.write_bytes(png_bomb_bytes())
    return path


def file_of_200_mb(folder: Path) -> Path:
    """Sparse: the file system says 200 MB, no 200 MB is written (or, by intake, read)."""
    path = folder / "huge.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0")
    os.truncate(path, 200 * 1024 * 1024)
    return path


def pdf_of_1000_pages(folder: Path) -> Path:
    path = folder / "thousand.pdf"
    path.write_bytes(pdf_bytes(1000, (200, 200)))
    return path


def executable_named_jpg(folder: Path) -> Path:
    path = folder / "photo.jpg"
    shutil.copyfile("/bin/true", path)
    return path


def zip_named_pdf(folder: Path) -> Path:
    path = folder / "contract.pdf"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("contract.txt", "购销合同")
    return path


# (builder, expected error class name, words the message must contain)
BAD_INPUTS = (
    (empty_file, "EmptyFile", ("empty.jpg", "empty")),
    (truncated_jpeg, "TruncatedImage", ("truncated.jpg", "truncated")),
    (png_bomb, "DecompressionBomb", ("bomb.png", "900,000,000 pixels", "40,000,000")),
    (file_of_200_mb, "FileTooLarge", ("huge.jpg", "209,715,200 bytes", "20,000,000")),
    (pdf_of_1000_pages, "TooManyPages", ("thousand.pdf", "1,000 pages", "limit is 20")),
    (executable_named_jpg, "UnsupportedFormat", ("photo.jpg", "ELF executable")),
    (zip_named_pdf, "UnsupportedFormat", ("contract.pdf", "ZIP archive")),
)


# Issue 13's decode bombs: small files that pass the byte and pixel limits but would decode into far more
# memory than their size. (name, builder, what intake must do: "working" = decode at the working
# resolution, else the typed error's class name). Shared by the intake test and the API's RSS test.
DECODE_BOMBS = (
    ("bilevel-6324.png", lambda: png_canvas_bytes(6324, colour=False), "working"),
    ("rgb-6324.png", lambda: png_canvas_bytes(6324, colour=True), "DecodeTooLarge"),
    ("white-6324.jpg", lambda: white_jpeg_bytes(6324, 6324), "working"),
    ("poster-14400pt.pdf", lambda: pdf_bytes(1, (14_400, 14_400)), "working"),
    ("posters-20x14400pt.pdf", lambda: pdf_bytes(20, (14_400, 14_400)), "DecodeTooLarge"),
)
