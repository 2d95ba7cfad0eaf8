"""Agreement with the review panel through the real pipeline: every upload read by OCR, not the perfect reader.

    python bench/e2e_agreement.py --world DIR [--merchants 150] [--workers 2] [--perfect FILE] [--model VERSION]

``--world`` is a ``bailing seed --size demo`` output (labels, panel, manifest); the model comes from the
registry (``BAILING_MODEL_DIR``), trained as the demo trains it. The bench starts a Neo4j of its own in a
temporary folder, loads the registry (every merchant, owners, parties: what a bank already has), then
for the first ``--merchants`` merchants of the test split renders each evidence item as the world
captures it (clean scan or phone photo) and sends it through intake → OCR → classify → fields → verify
→ facts, statements under the separate financial-account consent, in ``--workers`` processes with one
OCR thread each. Each merchant is then decided with the model and the active rule set.

Printed: agreement with the labelling officer, with a majority of the panel, and officers with each
other on the same merchants; with ``--perfect FILE`` (``bailing evaluate --decisions FILE`` on the
perfect reader's graph) the same merchants' perfect-reader agreement, the gap, and per document type
the uploads that were not read as verified facts on merchants whose decision differs from the perfect
reader's; the fraud suite on this path (uplifts on fraudulent evidence). Acceptance (issue 15):
agreement within 3 points of the perfect reader on the same merchants, and ≥ 82%.

Other merchants' evidence is not in this graph (the perfect reader's graph holds everybody's), so a
trade corroborated only by the counterparty's own upload is not corroborated here.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one thread per worker
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402  (after the thread settings, which native libraries read on import)
import json
import socket
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from graph.server import ServerSettings

# Statements are uploaded under the separate financial-account consent, as a merchant must.
_SCOPES = ("business_documents", "financial_accounts")


@dataclass(frozen=True, slots=True)
class Read:
    merchant_id: str
    evidence_id: str
    doc_type: str          # the seed's true type
    fraud: bool
    read_as: str           # what the pipeline classified it as ("" when intake refused it)
    status: str            # verified | unknown | rejected | refused


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ingest(job: tuple[ServerSettings, int, str, list[str], str]) -> list[Read]:
    """One worker's merchants: render and ingest every evidence item through the real pipeline."""
    settings, seed, size, merchant_ids, out = job
    from extractors.intake import Consent
    from extractors.intake.consent import FINANCIAL_ACCOUNT_TYPES, FINANCIAL_ACCOUNTS
    from extractors.ocr import RapidOcrEngine
    from extractors.pipeline import EvidencePipeline
    from graph.connection import GraphTarget
    from graph.store import GraphFactSink
    from seed_data.render import render_evidence
    from seed_data.world.generator import generate_world

    world = generate_world(seed, size)
    merchants = {m.merchant_id: m for m in world.merchants}
    now = datetime(world.as_of.year, world.as_of.month, world.as_of.day, tzinfo=timezone.utc)
    consents = {s: Consent(s, "credit_limit_review", now) for s in _SCOPES}
    reads = []
    with GraphTarget.local(settings, env={}).driver() as driver:
        pipeline = EvidencePipeline(GraphFactSink(driver), engine=RapidOcrEngine(threads=1))
        for merchant_id in merchant_ids:
            merchant = merchants[merchant_id]
            for item in merchant.evidence:
                path = render_evidence(world, merchant, item, Path(out) / merchant_id)
                scope = FINANCIAL_ACCOUNTS if item.doc_type in FINANCIAL_ACCOUNT_TYPES else "business_documents"
                try:
                    outcome = pipeline.process(path, merchant_id=merchant_id, consent=consents[scope], as_of=world.as_of)
                    read_as, status = outcome.doc_type or "", outcome.status
                except Exception as error:  # noqa: BLE001 - a refused or failed upload is a result here
                    read_as, status = "", f"refused:{type(error).__name__}"
                reads.append(Read(merchant_id, item.evidence_id, item.doc_type, item.fraud_kind is not None,
                                  read_as, status))
    return reads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--world", type=Path, required=True, help="a `bailing seed --size demo` output")
    parser.add_argument("--merchants", type=int, default=150, help="test-split merchants to read (default 150)")
    parser.add_argument("--workers", type=int, default=2, help="processes, one OCR thread each (default 2)")
    parser.add_argument("--perfect", type=Path, default=None,
                        help="the perfect reader's decisions (`bailing evaluate --decisions FILE`)")
    parser.add_argument("--model", default=None, help="model version (default: the registry's latest)")
    args = parser.parse_args()

    import torch

    from api.demo.world_loader import load_world
    from graph.connection import GraphTarget
    from graph.industry_sync import sync_industry_graph
    from graph.schema.migrations import apply_migrations
    from graph.server import Neo4jServer
    from ontology import knowledge
    from reasoning.agreement import agrees, panel_agreement
    from reasoning.decide import decide
    from reasoning.labels import read_labels, read_panel
    from reasoning.registry import load_model
    from seed_data.world.generator import generate_world

    torch.set_num_threads(1)
    manifest = json.loads((args.world / "manifest.json").read_text(encoding="utf-8"))
    seed, size = int(manifest["seed"]), str(manifest["size"])
    as_of = date.fromisoformat(manifest["as_of"])
    labels = {label.merchant_id: label for label in read_labels(args.world, "test")}
    panel = read_panel(args.world, "test")
    chosen = sorted(labels)[:args.merchants]
    model = load_model(args.model)
    world = generate_world(seed, size)
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bailing-e2e-") as home:
        settings = ServerSettings.from_env({**os.environ, "BAILING_NEO4J_HOME": home}).with_(
            bolt_port=_free_port(), http_port=_free_port(), heap="1g", pagecache="512m")
        server = Neo4jServer(settings)
        server.start()
        try:
            target = GraphTarget.local(settings, env={})
            with target.driver() as driver:
                apply_migrations(driver, database="neo4j")
                load_world(driver, world)
                sync_industry_graph(driver, knowledge())
                jobs = [(settings, seed, size, chosen[k::args.workers], str(Path(home) / "evidence"))
                        for k in range(args.workers)]
                with ProcessPoolExecutor(max_workers=args.workers) as pool:
                    reads = [r for batch in pool.map(_ingest, jobs) for r in batch]
                read_s = time.monotonic() - t0
                decisions = {m: decide(driver, m, as_of=as_of, model=model) for m in chosen}
        finally:
            server.stop()

    n = len(chosen)
    hits = [agrees(decisions[m], labels[m]) for m in chosen]
    with_panel = panel_agreement([decisions[m] for m in chosen], panel)
    print(f"{n} test merchants of {size} world seed {seed}, {len(reads)} uploads through the real pipeline in "
          f"{read_s / 60:.1f} min ({args.workers} workers), model {model.version}")
    print(f"through OCR: agreement with the labelling officer {sum(hits) / n:.1%}, with a majority of the panel "
          f"{with_panel.majority:.1%}; officers with each other {with_panel.between_officers:.1%}")
    statuses = Counter(r.status for r in reads)
    misread = Counter(r.doc_type for r in reads if r.read_as and r.read_as != r.doc_type)
    print(f"uploads: {dict(statuses)}; classified as another type: {sum(misread.values())} {dict(misread)}")
    if args.perfect is not None:
        rows = (json.loads(line) for line in args.perfect.read_text(encoding="utf-8").splitlines() if line.strip())
        # The same merchant decided by the perfect reader: its decision and uplift, from the file.
        perfect = {r["merchant_id"]: replace(decisions[r["merchant_id"]], decision=r["decision"],
                                             uplift_cny=float(r["uplift_cny"]))
                   for r in rows if r["merchant_id"] in decisions}
        same = [m for m in chosen if m in perfect]
        p_hits = sum(agrees(perfect[m], labels[m]) for m in same)
        o_hits = sum(agrees(decisions[m], labels[m]) for m in same)
        print(f"perfect reader on the same {len(same)} merchants: {p_hits / len(same):.1%}; through OCR "
              f"{o_hits / len(same):.1%}; gap {100 * (p_hits - o_hits) / len(same):+.1f} points")
        moved = {m for m in same if decisions[m].decision != perfect[m].decision
                 or abs(decisions[m].uplift_cny - perfect[m].uplift_cny) >= 1000}
        by_type = Counter(r.doc_type for r in reads if r.merchant_id in moved and not r.fraud and r.status != "verified")
        print(f"decisions that differ from the perfect reader's: {len(moved)}; their honest uploads not read as "
              f"verified, by type: {dict(by_type.most_common())}")
    fraudulent = {r.merchant_id for r in reads if r.fraud}
    uplifted = [m for m in fraudulent if decisions[m].uplift_cny > 0]
    on_fraud = [m for m in uplifted if {r.evidence_id for r in reads if r.merchant_id == m and r.fraud}
                & set(decisions[m].evidence_used)]
    print(f"fraud suite on this path: {len(fraudulent)} merchants with fraudulent uploads; uplifts to them "
          f"{len(uplifted)}, uplifts resting on fraudulent evidence {len(on_fraud)}")


if __name__ == "__main__":
    main()
