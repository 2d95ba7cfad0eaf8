"""`bailing ingest PATH... --merchant ID`: read, verify and store a merchant's evidence files in the graph."""
from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timezone

from tqdm import tqdm

from api.cli.neo4j_commands import connect_target
from extractors.intake import Consent, IntakeLimits


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest", help="read, verify and store a merchant's evidence files (images, PDFs) in the graph",
        description="Each file goes through intake, OCR, classification, field extraction, verification "
                    "and, if it passes, into the graph as facts with provenance: one transaction per file. "
                    "A refused file is reported and the others go on; the exit status is 1 if any failed.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="evidence files: JPEG, PNG, WebP, HEIC or PDF")
    parser.add_argument("--merchant", required=True, metavar="ID", help="the submitting merchant's id in the graph")
    parser.add_argument("--consent-scope", required=True, metavar="SCOPE",
                        help="what the merchant allowed to be read, e.g. business_documents (PIPL)")
    parser.add_argument("--consent-purpose", required=True, metavar="PURPOSE",
                        help="what it may be used for, e.g. credit_limit_review (PIPL purpose limitation)")
    parser.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="day validity is judged on (default today)")
    parser.add_argument("--max-pages", type=int, default=IntakeLimits().max_pages,
                        help=f"most pages per PDF (default {IntakeLimits().max_pages})")
    parser.set_defaults(func=_ingest)


def _failure_line(failure) -> str:
    # An IntakeError already names the file in its message; its ``problem`` is the rest.
    return f"FAILED   {failure.source}: {failure.kind}: {getattr(failure.error, 'problem', failure.message)}"


def _outcome_line(result) -> str:
    reasons = f"  reasons: {', '.join(result.reasons)}" if result.reasons else ""
    return (f"{result.status:<8} {result.source}: {result.doc_type} ({result.confidence:.2f}), "
            f"authenticity {result.authenticity:.2f}, {result.nodes_written} facts + "
            f"{result.relationships_written} links, {result.total_cpu_seconds:.1f} s CPU{reasons}")


def _ingest(args: argparse.Namespace) -> int:
    try:
        consent = Consent(args.consent_scope, args.consent_purpose, datetime.now(timezone.utc))
        limits = IntakeLimits(max_pages=args.max_pages)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    # Imported here: the pipeline loads OCR, vision and graph code that other commands never need.
    from extractors.ingest import IngestFailure, ingest
    from graph.store import GraphFactSink

    target, _ = connect_target()
    with target.driver() as driver, tqdm(total=len(args.paths), unit="file", desc="ingest", file=sys.stderr) as bar:
        def advance(result) -> None:
            bar.set_postfix_str(result.source[-30:])
            bar.update()
        try:
            results = ingest(args.paths, merchant_id=args.merchant, consent=consent,
                             sink=GraphFactSink(driver, target.database), progress=advance, limits=limits,
                             as_of=args.as_of)
        except LookupError as error:
            bar.close()
            print(f"error: {error.args[0]}", file=sys.stderr)
            return 1
    for result in results:
        print(_failure_line(result) if isinstance(result, IngestFailure) else _outcome_line(result))
    failed = sum(isinstance(r, IngestFailure) for r in results)
    print(f"{len(results) - failed} of {len(results)} files stored for merchant {args.merchant}"
          + (f"; {failed} failed" if failed else "") + ".")
    return 1 if failed else 0
