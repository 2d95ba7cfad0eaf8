"""``render_evidence``: one evidence item to an image file and its ground-truth JSON.

Pipeline: content (``seed_data.documents``) → flat page (a layout, or a photo scene) → paper grain →
pixel fraud (tamper patch, print halftone) → capture (clean scan, phone photo, or a photo of a screen)
→ file. An asset photo's scene is always taken by the phone camera model (``camera.photograph``), its
"clean" capture too (no one scans a truck); a recaptured asset photo is that photograph, as the
camera app stored it, shown on a screen or printed and photographed again. Randomness comes from
named streams: the *page* stream is keyed on the item whose content is shown, so a reused document
is pixel-identical to its original before capture; the capture stream is keyed on the submitting
item, so each submission is photographed afresh.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import numpy as np
from PIL import Image

from seed_data.documents import build_content
from seed_data.documents.lookup import evidence_item
from seed_data.documents.seeding import stream
from seed_data.render.camera import photograph
from seed_data.render.halftone import print_recapture
from seed_data.render.layouts import LAYOUTS
from seed_data.render.moire import screen_recapture
from seed_data.render.page import RenderedPage
from seed_data.render.paper import paper_texture
from seed_data.render.phone import Capture, camera_shot, identity_capture, phone_capture
from seed_data.render.photos import INDOOR, render_photo
from seed_data.render.tamper import tamper_field
from seed_data.render.truth import AlterationTruth, EvidenceTruth, FieldTruth, write_truth
from seed_data.world.records import EvidenceItem, Merchant, World

SCREENSHOTS = frozenset({"payment_statement"})   # born digital: shared as screenshots, never on paper


def _page(world: World, merchant: Merchant, item: EvidenceItem) -> tuple[object, RenderedPage]:
    content = build_content(world, merchant, item)
    rng = stream(world.seed, item.evidence_id, "page")
    page = render_photo(content, rng) if item.doc_type == "photo" else LAYOUTS[item.doc_type](content, rng)
    if page.texture:
        page = RenderedPage(paper_texture(page.image, rng), page.fields, page.texture)
    return content, page


def _recapture(image: Image.Image, kind: str, rng: np.random.Generator) -> Capture:
    return screen_recapture(image, rng) if kind == "screen_recapture" else print_recapture(image, rng)


def _capture(image: Image.Image, item: EvidenceItem, rng: np.random.Generator,
             screenshot: bool = False) -> tuple[Capture, int | None]:
    """The capture, and the JPEG quality its camera app saves at (None: the item's own JPEG stream
    draws it, when there is a JPEG at all). ``screenshot``: the page is an app's screen (a licence's
    电子证照), which a phone sends as its screenshot the way it sends a payment screen."""
    recaptured = item.fraud_kind in ("screen_recapture", "print_recapture")
    if item.doc_type == "photo":
        shot = photograph(image, rng, indoor=item.photo_class in INDOOR)
        if not recaptured:
            base = identity_capture(Image.fromarray(shot.image))
            return Capture(base.image, base.homography, base.page_quad, shot.effects), shot.quality
        # What the screen or printer shows is the photograph as the camera app stored it.
        again = _recapture(Image.fromarray(shot.stored()), item.fraud_kind, rng)
        effects = (*shot.effects, f"camera jpeg q{shot.quality}", *again.effects)
        return Capture(again.image, again.homography, again.page_quad, effects), None
    if recaptured:
        return _recapture(image, item.fraud_kind, rng), None
    photographed = item.capture == "phone"
    if not photographed:
        return identity_capture(image), None
    if item.doc_type in SCREENSHOTS or screenshot:
        return camera_shot(image, rng), None
    return phone_capture(image, rng), None


def _quad(hom: np.ndarray, box: tuple[float, float, float, float], size: tuple[int, int]):
    w, h = size
    x0, y0, x1, y1 = box[0] * w, box[1] * h, box[2] * w, box[3] * h
    pts = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]], dtype=np.float64) @ hom.T
    return tuple((round(float(x / z), 1), round(float(y / z), 1)) for x, y, z in pts)


def render_evidence(world: World, merchant: Merchant, item: EvidenceItem, out_dir: Path) -> Path:
    """Write ``<evidence_id>.png`` (clean) or ``.jpg`` (photographed) and ``<evidence_id>.json``.

    Returns the image path. Same inputs give byte-identical files.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    source_merchant, source_item = merchant, item
    if item.fraud_kind == "reused_document" and item.reused_from:
        source_merchant, source_item = evidence_item(world, item.reused_from)
    content, page = _page(world, source_merchant, source_item)
    image, alteration = page.image, None
    source_alteration = getattr(content, "alteration", None)
    fx = stream(world.seed, item.evidence_id, "fraud")
    if item.fraud_kind == "tamper_amount" and source_alteration is not None:
        image, box = tamper_field(image, page, source_alteration.field, fx)
        alteration = AlterationTruth(item.fraud_kind, source_alteration.field, source_alteration.genuine,
                                     source_alteration.printed, source_alteration.note, box)
    elif source_alteration is not None and item.fraud_kind == source_alteration.kind:
        box = next((f.box for f in page.fields if f.name == source_alteration.field), None)
        alteration = AlterationTruth(source_alteration.kind, source_alteration.field, source_alteration.genuine,
                                     source_alteration.printed, source_alteration.note, box)
    elif item.fraud_kind == "reused_document":
        alteration = AlterationTruth(item.fraud_kind, None, None, None,
                                     f"the content of {source_item.evidence_id} submitted again", None)
    elif item.fraud_kind == "print_recapture":
        alteration = AlterationTruth(item.fraud_kind, None, None, None,
                                     "printed or photocopied, then photographed: halftone dots and toner noise",
                                     (0.0, 0.0, 1.0, 1.0))
    elif item.fraud_kind == "screen_recapture":
        alteration = AlterationTruth(item.fraud_kind, None, None, None,
                                     "photographed off a screen: pixel-grid moiré and screen glow",
                                     (0.0, 0.0, 1.0, 1.0))

    capture, camera_quality = _capture(image, item, stream(world.seed, item.evidence_id, "capture"), page.screenshot)
    photographed = capture.effects != ()
    suffix = ".jpg" if photographed else ".png"
    image_path = out_dir / f"{item.evidence_id}{suffix}"
    if photographed:
        quality = camera_quality or int(stream(world.seed, item.evidence_id, "jpeg").integers(55, 86))
        capture.image.save(image_path, "JPEG", quality=quality, optimize=False, progressive=False, subsampling=2)
        effects = (*capture.effects, f"jpeg q{quality}")
    else:
        # Level 1: half the encode time of level 6 for ~10% larger files on these mostly-flat pages.
        capture.image.save(image_path, "PNG", compress_level=1)
        effects = ()
    size = page.image.size
    fields = tuple(FieldTruth(f.name, f.label, f.value, f.box, f.key,
                              _quad(capture.homography, f.box, size) if photographed else None)
                   for f in page.fields)
    truth = EvidenceTruth(
        evidence_id=item.evidence_id, merchant_id=item.merchant_id, doc_type=item.doc_type,
        photo_class=item.photo_class, capture=item.capture, fraud_kind=item.fraud_kind,
        reused_from=item.reused_from, image=image_path.name, image_size=capture.image.size, page_size=size,
        page_quad=tuple((round(x, 1), round(y, 1)) for x, y in capture.page_quad), effects=effects,
        alteration=alteration, fields=fields, content=asdict(content),
    )
    write_truth(out_dir / f"{item.evidence_id}.json", truth)
    return image_path
