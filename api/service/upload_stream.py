"""Read a multipart upload as it streams in, writing the file part straight to disk with a byte cap.

Starlette's own form parser spools file parts without any size limit, so an attacker could make the
service store gigabytes before a handler runs. Here the body is parsed chunk by chunk: the file part is
written to a scratch file and the request is refused (413) the moment it passes ``max_bytes``; a
``Content-Length`` already over the cap is refused before the body is read at all.
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from python_multipart.multipart import MultipartParser, parse_options_header

FILE_FIELD = "file"
MAX_FIELD_BYTES = 4096        # the text fields are ids and short names
MULTIPART_OVERHEAD = 64 * 1024  # room for part headers and text fields around the file


class UploadRefused(ValueError):
    """The request body is not an acceptable upload; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class StreamedUpload:
    """A file written under ``path`` (named after the upload, sanitised) and the form's text fields."""

    path: Path | None = None
    filename: str = ""
    size: int = 0
    head: bytes = b""
    fields: dict[str, str] = field(default_factory=dict)


def _safe_name(name: str) -> str:
    base = re.sub(r"[^\w.\-]+", "_", Path(name.replace("\\", "/")).name)[:100].strip("._")
    return base or "upload"


class _Collector:
    """python-multipart callbacks: route each part to the file on disk or to a text field."""

    def __init__(self, scratch: Path, max_bytes: int) -> None:
        self.scratch, self.max_bytes = scratch, max_bytes
        self.result = StreamedUpload()
        self._header_name, self._header_value = b"", b""
        self._headers: dict[bytes, bytes] = {}
        self._part_name: str | None = None
        self._is_file = False
        self._sink: BinaryIO | None = None
        self._text = bytearray()

    def on_part_begin(self) -> None:
        self._headers, self._part_name, self._is_file, self._text = {}, None, False, bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._header_name.lower()] = self._header_value
        self._header_name, self._header_value = b"", b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._part_name = options.get(b"name", b"").decode("utf-8", "replace")
        if self._part_name == FILE_FIELD:
            if self.result.path is not None:
                raise UploadRefused(422, "send exactly one file per upload, in the `file` field")
            self._is_file = True
            self.result.filename = options.get(b"filename", b"").decode("utf-8", "replace") or "upload"
            self.scratch.mkdir(parents=True, exist_ok=True)
            self.result.path = self.scratch / _safe_name(self.result.filename)
            self._sink = self.result.path.open("wb")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self._is_file:
            self.result.size += len(chunk)
            if self.result.size > self.max_bytes:
                raise UploadRefused(413, f"{self.result.filename}: larger than the {self.max_bytes:,}-byte upload "
                                         "limit; send a smaller file (compress a photo, split a PDF)")
            if len(self.result.head) < 4096:
                self.result.head += chunk[:4096 - len(self.result.head)]
            self._sink.write(chunk)
        else:
            self._text += chunk
            if len(self._text) > MAX_FIELD_BYTES:
                raise UploadRefused(422, f"form field {self._part_name!r} is longer than {MAX_FIELD_BYTES} bytes")

    def on_part_end(self) -> None:
        if self._is_file and self._sink is not None:
            self._sink.close()
            self._sink = None
        elif self._part_name:
            try:
                self.result.fields[self._part_name] = self._text.decode("utf-8")
            except UnicodeDecodeError:
                raise UploadRefused(422, f"form field {self._part_name!r} is not UTF-8 text") from None

    def close(self) -> None:
        if self._sink is not None:
            self._sink.close()


async def stream_upload(headers: dict[str, str], body: AsyncIterator[bytes], *, scratch: Path,
                        max_bytes: int) -> StreamedUpload:
    """Parse a ``multipart/form-data`` body, writing the file into the folder ``scratch``.

    The caller owns ``scratch`` and deletes it when done, refused or not. Raises UploadRefused (413 over the cap, 415
    not multipart, 422 malformed or no file).
    """
    content_type, options = parse_options_header(headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or not options.get(b"boundary"):
        raise UploadRefused(415, "upload as multipart/form-data with the file in the `file` field")
    declared = headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + MULTIPART_OVERHEAD:
        raise UploadRefused(413, f"request body of {int(declared):,} bytes is over the {max_bytes:,}-byte upload "
                                 "limit; send a smaller file (compress a photo, split a PDF)")
    collector = _Collector(scratch, max_bytes)
    callbacks = {name: getattr(collector, name) for name in (
        "on_part_begin", "on_header_field", "on_header_value", "on_header_end", "on_headers_finished",
        "on_part_data", "on_part_end")}
    parser = MultipartParser(options[b"boundary"], callbacks)
    received = 0
    try:
        async for chunk in body:
            received += len(chunk)
            if received > max_bytes + MULTIPART_OVERHEAD:  # e.g. many small fields around a small file
                raise UploadRefused(413, f"request body is over the {max_bytes:,}-byte upload limit")
            parser.write(chunk)
        parser.finalize()
    except UploadRefused:
        raise
    except Exception as exc:  # python-multipart raises its own errors on malformed bodies
        raise UploadRefused(422, f"malformed multipart body: {exc}") from None
    finally:
        collector.close()
    if collector.result.path is None:
        raise UploadRefused(422, "no file: send the evidence in the multipart field `file`")
    if collector.result.size == 0:
        raise UploadRefused(422, f"{collector.result.filename}: the file is empty")
    return collector.result
