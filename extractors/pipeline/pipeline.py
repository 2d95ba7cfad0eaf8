"""One upload, end to end: intake → OCR → classify → fields (or photo recognition) → verify → facts → sink.

Nothing is stored until the last step, and that step is one transaction (``FactSink.write``), so an
error anywhere leaves the store exactly as it was. Every fact's provenance names the stage that made
it and the versions that stage ran (package and model), so a fact can be traced to the code that
produced it and re-extracted when either changes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from importlib import metadata

from extractors.classify import PHOTO, UNKNOWN, classify
from extractors.facts import EvidenceFacts, EvidenceRecord, Provenance
from extractors.fields import extract_fields
from extractors.intake import Consent, ConsentScopeRefused, Intake, IntakeLimits, read_evidence
from extractors.intake.consent import FINANCIAL_ACCOUNTS
from extractors.mapping import Submitter, to_facts
from extractors.ocr import OcrEngine, default_engine
from extractors.photos import PhotoResult, Recogniser, recognise_photo
from extractors.pipeline.ids import evidence_id as make_evidence_id
from extractors.pipeline.outcome import EvidenceOutcome
from extractors.pipeline.page_reader import read_pages
from extractors.pipeline.photo_facts import with_asset_class
from extractors.pipeline.stopwatch import Stopwatch
from extractors.sink import FactSink
from extractors.verify.phash import phash
from extractors.verify.reuse import content_digest, content_key
from extractors.verify.verifier import verify

UNRECOGNISED = "unrecognised_document"


def _package_version() -> str:
    try:
        return f"bailing {metadata.version('bailing')}"
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "bailing (source)"


@dataclass(frozen=True, slots=True)
class _Extraction:
    doc_type: str
    confidence: float
    record: object | None
    extractor: str
    photo: PhotoResult | None = None


class EvidencePipeline:
    """Processes uploads for one sink with one OCR engine.

    Args:
        sink (FactSink): Where evidence and facts go, and where merchant context and reuse hashes
            come from (``graph.store.GraphFactSink`` in production).
        engine (OcrEngine | None): The OCR engine (default: ``default_engine(threads=1)``, built on
            the first page that needs it, so refusing a bad file never loads a model).
        recogniser (Recogniser | None): Asset recogniser for photos (default: EfficientNet-Lite0 with
            one thread, loaded on the first photo).
        limits (IntakeLimits): Upload limits (default: ``IntakeLimits()``).
    """

    def __init__(self, sink: FactSink, *, engine: OcrEngine | None = None, recogniser: Recogniser | None = None,
                 limits: IntakeLimits = IntakeLimits()):
        self.sink = sink
        self.engine = engine
        self.recogniser = recogniser
        self.limits = limits

    def _recogniser(self) -> Recogniser:
        if self.recogniser is None:
            from extractors.photos.efficientnet import EfficientNetRecogniser  # loads torch: photos only

            self.recogniser = EfficientNetRecogniser(threads=1)
        return self.recogniser

    def _ocr(self) -> OcrEngine:
        if self.engine is None:
            self.engine = default_engine(threads=1)
        return self.engine

    def process(self, path: str | os.PathLike[str], *, merchant_id: str, consent: Consent,
                submitted_at: datetime | None = None, as_of: date | None = None) -> EvidenceOutcome:
        """Read, recognise, verify and store one file; raises ``IntakeError`` for a file it refuses.

        Args:
            path: The uploaded file.
            merchant_id: The submitting merchant; must be registered in the sink.
            consent: The consent this upload was given under; recorded on the Evidence node.
            submitted_at: When it was uploaded (default: now, UTC; on ``as_of``'s day when that is given).
            as_of: The day validity is judged on (default: ``submitted_at``'s date).
        """
        watch = Stopwatch()
        with watch.stage("intake"):
            intake = read_evidence(path, limits=self.limits)
        return self.process_intake(intake, merchant_id=merchant_id, consent=consent, submitted_at=submitted_at,
                                   as_of=as_of, watch=watch)

    def process_intake(self, intake: Intake, *, merchant_id: str, consent: Consent,
                       submitted_at: datetime | None = None, as_of: date | None = None,
                       watch: Stopwatch | None = None) -> EvidenceOutcome:
        """As ``process``, for an upload already through intake (the scoring API reads bytes itself)."""
        watch = watch or Stopwatch()
        now = datetime.now(timezone.utc)
        # A business day other than today (a seed world's) dates the upload on that day, so reads
        # "as of" it see the upload.
        submitted_at = submitted_at or (now if as_of is None else datetime.combine(as_of, now.time(), timezone.utc))
        as_of = as_of or submitted_at.date()
        evidence_id = make_evidence_id(merchant_id, intake.sha256)
        context = self.sink.context(merchant_id, as_of=as_of)
        engine = self._ocr()
        with watch.stage("ocr"):
            document = read_pages(engine, intake, self.limits)
        with watch.stage("classify"):
            classification = classify(document)
        if not consent.covers(classification.doc_type):
            raise ConsentScopeRefused(intake.source, f"a {classification.doc_type} is financial-account data, which "
                                      f"may be read only under its own `{FINANCIAL_ACCOUNTS}` consent (PIPL); this "
                                      f"upload came under `{consent.scope}`: nothing was kept")
        extraction = self._extract(classification.doc_type, classification.confidence, document, intake, context,
                                   watch)
        with watch.stage("verify"):
            image_hash = phash(intake.pages[0])
            verification = verify(evidence_id=evidence_id, doc_type=extraction.doc_type, record=extraction.record,
                                  image=intake.pages[0], context=context, sha256=intake.sha256,
                                  index=self.sink.hash_index(), phash=image_hash, document=document,
                                  more_pages=intake.pages[1:])
        status, reasons = verification.status, verification.reasons
        if extraction.doc_type == UNKNOWN:
            status, reasons = "unknown", (UNRECOGNISED, *reasons)
        versions = f"{_package_version()}; {document.engine} {document.engine_version}"
        evidence = EvidenceRecord(
            evidence_id=evidence_id, merchant_id=merchant_id, doc_type=extraction.doc_type, sha256=intake.sha256,
            submitted_at=submitted_at, consent_scope=consent.scope, consent_purpose=consent.purpose, status=status,
            properties={
                "doc_confidence": extraction.confidence, "authenticity": verification.authenticity,
                "reasons": list(reasons), "phash": image_hash,
                "content_key": content_key(extraction.doc_type, extraction.record),
                "content_digest": content_digest(extraction.doc_type, extraction.record),
                "consent_granted_at": consent.granted_at, "ocr_engine": document.engine,
                "ocr_version": document.engine_version, "source_name": intake.source,
                "media_type": intake.media_type, "page_count": intake.page_count,
                "photo_class": extraction.photo.asset_class if extraction.photo else None,
            })
        with watch.stage("facts"):
            if status == "verified" and extraction.record is not None:
                provenance = Provenance(evidence_id, extraction.confidence, submitted_at, extraction.extractor,
                                        versions)
                submitter = Submitter(merchant_id=merchant_id, name=context.registered_name,
                                      uscc=context.registered_uscc)
                bundle = to_facts(extraction.record, evidence=evidence, submitter=submitter, provenance=provenance)
                if extraction.photo is not None and extraction.photo.asset_class is not None:
                    model = getattr(self._recogniser(), "name", type(self._recogniser()).__name__)
                    seen_by = Provenance(evidence_id, extraction.photo.confidence, submitted_at, "extractors.photos",
                                         f"{_package_version()}; {model}")
                    bundle = with_asset_class(bundle, extraction.photo.asset_class, seen_by)
            else:  # rejected or unverifiable evidence is stored with its reasons and proves nothing
                bundle = EvidenceFacts(evidence)
        with watch.stage("write"):
            self.sink.write(bundle)
        return EvidenceOutcome(
            source=intake.source, evidence_id=evidence_id, merchant_id=merchant_id, doc_type=extraction.doc_type,
            confidence=extraction.confidence, status=status, authenticity=verification.authenticity,
            reasons=tuple(reasons), nodes_written=len(bundle.nodes), relationships_written=len(bundle.relationships),
            pages=intake.page_count, cpu_seconds=dict(watch.seconds), text_layer_pages=document.text_layer_pages)

    def _extract(self, doc_type: str, confidence: float, document, intake: Intake, context,
                 watch: Stopwatch) -> _Extraction:
        if doc_type == UNKNOWN:
            return _Extraction(doc_type, confidence, None, "extractors.classify")
        with watch.stage("fields"):
            record = extract_fields(doc_type, document)  # for a photo: its plate and sign text
        photo = None
        if doc_type == PHOTO:
            with watch.stage("photos"):
                photo = recognise_photo(intake.pages[0], document=document, recogniser=self._recogniser(),
                                        context=context)
        return _Extraction(doc_type, confidence, record, "extractors.fields", photo)
