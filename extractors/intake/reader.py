"""Intake: a file (or uploaded bytes) in, checked and decoded pages out, or a typed IntakeError.

The order of checks is the order of their cost: size from the file system, then magic bytes, then
headers (dimensions, page count, memory to decode), and only then decoding.

At most ``DECODE_SLOTS`` files decode at once in a process, whatever calls intake (the API's upload
workers, a batch ``ingest``), so decoding never holds more than ``DECODE_SLOTS × max_decode_bytes``
however many uploads arrive together; the rest wait their turn. Freed page buffers are returned to
the operating system at once (``heap.py``), so the process does not keep its worst mix of them.
"""
from __future__ import annotations

import hashlib
import os
import stat
import threading
from pathlib import Path

from extractors.intake.errors import EmptyFile, FileTooLarge, UnreadableFile
from extractors.intake.heap import return_freed_buffers
from extractors.intake.images import decode_image
from extractors.intake.limits import IntakeLimits
from extractors.intake.pdf import render_pdf
from extractors.intake.record import Intake
from extractors.intake.sniff import PDF, sniff

DECODE_SLOTS = 2  # the machines Bailing is sized for have 2 cores: more decodes at once only add memory
_DECODING = threading.BoundedSemaphore(DECODE_SLOTS)


def read_evidence(path: str | os.PathLike[str], *, limits: IntakeLimits = IntakeLimits()) -> Intake:
    """Read and decode one uploaded file; never reads more than ``limits.max_bytes + 1`` bytes."""
    source = Path(path).name or str(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise UnreadableFile(source, "is not a regular file")
        if info.st_size > limits.max_bytes:
            raise _too_large(source, info.st_size, limits)
        with open(path, "rb") as handle:
            # One byte past the limit: a file that grew since stat() is still caught unread.
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise UnreadableFile(source, f"cannot be read ({exc.strerror or exc})") from exc
    return read_evidence_bytes(data, source=source, limits=limits)


def read_evidence_bytes(data: bytes, *, source: str, limits: IntakeLimits = IntakeLimits()) -> Intake:
    """Check and decode an upload already in memory (the scoring API's path); ``source`` names it in errors."""
    if not data:
        raise EmptyFile(source, "is empty (0 bytes)")
    if len(data) > limits.max_bytes:
        raise _too_large(source, len(data), limits)
    media_type = sniff(source, data[:1024])
    return_freed_buffers()
    with _DECODING:
        if media_type == PDF:
            pages, layers = render_pdf(source, data, limits)
        else:
            pages, layers = (decode_image(source, data, media_type, limits),), (None,)
    return Intake(source=source, media_type=media_type, sha256=hashlib.sha256(data).hexdigest(),
                  size_bytes=len(data), pages=pages, text_layers=layers)


def _too_large(source: str, size: int, limits: IntakeLimits) -> FileTooLarge:
    return FileTooLarge(source, f"is {size:,} bytes; the limit is {limits.max_bytes:,} bytes per file")
