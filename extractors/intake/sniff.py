"""What a file is, from its first bytes; the name's extension is never trusted.

Accepted formats map to a media type. A few common wrong uploads are named (an executable renamed
``.jpg`` says "ELF executable", not "unknown bytes"), so the error tells the merchant what they sent.
"""
from __future__ import annotations

from extractors.intake.errors import UnsupportedFormat

JPEG, PNG, WEBP, HEIC, PDF = "image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"

# ISO-BMFF major brands of HEIF stills and sequences (ISO/IEC 23008-12 annex B).
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})

_KNOWN_OTHERS: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "a Mach-O universal binary or Java class"),
    (b"#!", "a script"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document"),
)

SUPPORTED = "JPEG, PNG, WebP, HEIC or PDF"


def sniff(source: str, head: bytes) -> str:
    """The media type of a file whose first bytes are ``head`` (at least 1 KiB where the file has it)."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return HEIC
    if b"%PDF-" in head[:1024]:  # the PDF spec lets the header sit anywhere in the first 1 KiB
        return PDF
    for magic, what in _KNOWN_OTHERS:
        if head.startswith(magic):
            raise UnsupportedFormat(source, f"is {what}, not a {SUPPORTED} file")
    raise UnsupportedFormat(source, f"is not a {SUPPORTED} file (it starts with bytes {head[:8].hex(' ')})")
