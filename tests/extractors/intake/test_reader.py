from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extractors import intake
from extractors.intake import IntakeLimits, read_evidence, read_evidence_bytes
from tests.extractors.intake.bad_inputs import BAD_INPUTS, jpeg_bytes, pdf_bytes


@pytest.mark.parametrize(("build", "error", "words"), BAD_INPUTS, ids=[b[1] + ":" + b[0].__name__ for b in BAD_INPUTS])
def test_each_bad_upload_is_refused_with_a_typed_error_naming_it(tmp_path: Path, build, error: str,
                                                                 words: tuple[str, ...]) -> None:
    path = build(tmp_path)
    with pytest.raises(getattr(intake, error)) as raised:
        read_evidence(path)
    assert isinstance(raised.value, intake.IntakeError)
    for word in words:
        assert word in str(raised.value)


def test_a_photo_comes_back_as_rgb_pixels_with_its_hash(tmp_path: Path) -> None:
    data = jpeg_bytes(320, 200)
    (tmp_path / "shop.jpeg").write_bytes(data)
    got = read_evidence(tmp_path / "shop.jpeg")
    assert (got.source, got.media_type, got.page_count, got.size_bytes) == ("shop.jpeg", "image/jpeg", 1, len(data))
    assert got.sha256 == hashlib.sha256(data).hexdigest()
    assert got.pages[0].shape == (200, 320, 3) and got.pages[0].dtype == np.uint8


def test_exif_orientation_is_applied_so_a_phone_photo_is_upright() -> None:
    got = read_evidence_bytes(jpeg_bytes(320, 200, orientation=6), source="rotated.jpg")  # 6: rotate 90° CW
    assert got.pages[0].shape == (320, 200, 3)


def test_transparent_png_is_flattened_onto_white_not_black() -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (40, 30), (0, 0, 0, 0)).save(buffer, format="PNG")
    page = read_evidence_bytes(buffer.getvalue(), source="screenshot.png").pages[0]
    assert page.shape == (30, 40, 3) and page.min() == 255


@pytest.mark.parametrize(("fmt", "media_type"), [("WEBP", "image/webp"), ("HEIF", "image/heic")])
def test_webp_and_heic_are_read_offline(fmt: str, media_type: str) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()  # to write the test file; intake registers it to read
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, format=fmt)
    got = read_evidence_bytes(buffer.getvalue(), source=f"photo.{fmt.lower()}")
    assert got.media_type == media_type and got.pages[0].shape == (48, 64, 3)
    assert abs(int(got.pages[0][24, 32, 0]) - 200) < 20  # colour survives the codec


def test_pdf_pages_are_rendered_at_the_ocr_resolution() -> None:
    got = read_evidence_bytes(pdf_bytes(2), source="statement.pdf")  # A4
    assert got.media_type == "application/pdf" and got.page_count == 2
    height, width, _ = got.pages[0].shape
    assert abs(height - 842 / 72 * 150) <= 1 and abs(width - 595 / 72 * 150) <= 1
    assert got.pages[0].min() == 255  # blank pages render white


def test_a_poster_sized_pdf_page_is_rendered_smaller_not_refused() -> None:
    got = read_evidence_bytes(pdf_bytes(1, (14_000, 14_000)), source="poster.pdf")
    height, width, _ = got.pages[0].shape
    assert height * width <= IntakeLimits().max_pixels


def test_pdf_page_count_is_checked_against_the_limit_given() -> None:
    with pytest.raises(intake.TooManyPages, match="has 3 pages; the limit is 2"):
        read_evidence_bytes(pdf_bytes(3), source="three.pdf", limits=IntakeLimits(max_pages=2))


def test_a_damaged_pdf_is_a_corrupt_pdf() -> None:
    with pytest.raises(intake.CorruptPdf, match="broken.pdf: cannot be opened"):
        read_evidence_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100, source="broken.pdf")


def test_an_image_with_a_broken_header_is_corrupt() -> None:
    with pytest.raises(intake.CorruptImage, match="bad.png"):
        read_evidence_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, source="bad.png")


def test_the_extension_is_ignored_a_png_named_pdf_is_read_as_png() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="PNG")
    assert read_evidence_bytes(buffer.getvalue(), source="scan.pdf").media_type == "image/png"


def test_a_missing_file_or_a_folder_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(intake.UnreadableFile, match="nothing.jpg: cannot be read"):
        read_evidence(tmp_path / "nothing.jpg")
    with pytest.raises(intake.UnreadableFile, match="is not a regular file"):
        read_evidence(tmp_path)


def test_the_byte_limit_holds_for_bytes_already_in_memory() -> None:
    with pytest.raises(intake.FileTooLarge, match="is 2,048 bytes; the limit is 1,024"):
        read_evidence_bytes(b"\xff\xd8\xff" + b"\x00" * 2045, source="x.jpg", limits=IntakeLimits(max_bytes=1024))


def test_a_pdf_page_over_its_cpu_budget_stops_the_upload_naming_the_page() -> None:
    with pytest.raises(intake.PageTooSlow, match=r"slow\.pdf: page 1 took .* s of CPU to render; the limit is"):
        read_evidence_bytes(pdf_bytes(2), source="slow.pdf", limits=IntakeLimits(page_seconds=1e-9))
    with pytest.raises(ValueError, match="page_seconds must be > 0"):
        IntakeLimits(page_seconds=0)
