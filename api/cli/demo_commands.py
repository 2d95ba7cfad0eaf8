"""`bailing demo`: the main job, end to end, on a synthetic merchant world.

1. Start Neo4j (or use NEO4J_URI); generate the seed world.
2. Load what the bank already knows (registry data) and the industry graph from the ontology.
3. Load the portfolio's evidence as printed (see docs/decisions.md: 1,000 merchants' ~15k documents
   would take hours through OCR) and train a capacity model if the registry has none.
4. The story of SPEC §1: a freight operator uploads a truck photo, his road transport permit, a
   freight contract and invoices; they go through the real pipeline (OCR, classification, fields,
   verification, facts) and he is re-scored.
5. Score every merchant, print a short report, and leave the scoring API, the web page and Neo4j
   Browser running with their URLs printed (`bailing demo --stop` stops them).
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from tqdm import tqdm

from api.cli.neo4j_commands import connect_target
from api.demo.story import story_items, story_merchant

DEMO_HOME = Path(os.environ.get("BAILING_DEMO_HOME", "~/.local/share/bailing/demo")).expanduser()
API_PORT = int(os.environ.get("BAILING_API_PORT", "8000"))


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="run the whole flow on a seed world and leave the API, web page and Browser up",
        description="Run Bailing's main job end to end on a synthetic merchant world.")
    parser.add_argument("--size", choices=("tiny", "demo"), default="demo", help="seed world size (default demo)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the world (default 0)")
    parser.add_argument("--no-serve", action="store_true", help="do not leave the scoring API running")
    parser.add_argument("--stop", action="store_true", help="stop the API and Neo4j a demo left running")
    parser.set_defaults(func=_demo)


def _say(text: str) -> None:
    print(f"\n\033[1m== {text}\033[0m", flush=True)


def _demo(args: argparse.Namespace) -> int:
    if args.stop:
        return _stop()
    import torch

    from api.demo.truth_facts import load_truth_evidence
    from api.demo.world_loader import load_world
    from graph.industry_sync import sync_industry_graph
    from ontology import knowledge
    from seed_data.cli import run_seed
    from seed_data.world.generator import generate_world

    torch.set_num_threads(1)
    began = time.monotonic()
    _say("Neo4j")
    target, browser_url = connect_target()
    world_dir = DEMO_HOME / f"world-{args.size}-{args.seed}"
    world = generate_world(args.seed, args.size)
    if not (world_dir / "manifest.json").exists():
        run_seed(args.size, args.seed, world_dir, render="none", show_progress=False)
    story = story_merchant(world)
    with target.driver() as driver:
        _say(f"Seed world {args.size} (seed {args.seed}): {len(world.merchants):,} merchants, "
             f"{len(world.parties):,} counterparties, observed on {world.as_of}")
        summary = load_world(driver, world, database=target.database)
        synced = sync_industry_graph(driver, knowledge(), database=target.database)
        print(f"registry: {summary.nodes:,} nodes, {summary.relationships:,} relationships; industry graph "
              f"from the ontology: {synced.industries} industries, {synced.asset_classes} asset classes, "
              f"{synced.evidence_types} evidence types, {synced.relationships} links")
        portfolio = [m for m in world.merchants if m.merchant_id != story.merchant_id]
        loaded = _evidence_count(driver, target.database)
        expected = sum(len(m.evidence) for m in portfolio)
        if loaded < expected:
            with tqdm(total=expected, desc="portfolio evidence (as printed)", unit="doc") as bar:
                truth = load_truth_evidence(driver, world, merchants=portfolio, per_transaction=150,
                                            database=target.database, progress=bar.update)
            print(f"portfolio evidence: {truth.evidence:,} documents ({truth.verified:,} verified, "
                  f"{truth.rejected:,} rejected)")
        else:
            print(f"portfolio evidence: already in the graph ({loaded:,} documents)")
        model = _model(driver, world_dir, world.as_of, target.database)
        _say(f"The story: {story.name} ({story.merchant_id}), road freight, base limit CNY "
             f"{story.others.base_limit_cny:,}")
        _story(driver, world, story, model, target.database)
        _say("Scoring the portfolio")
        _portfolio(driver, world, model, target.database)
    key = None if args.no_serve else _serve(world, story.merchant_id)
    _say(f"Done in {time.monotonic() - began:.0f} s. Where to look")
    if key is not None:
        print(f"Web page (the story merchant, in Chinese): http://127.0.0.1:{API_PORT}/app/#merchant={story.merchant_id}&key={key}")
        print(f"Scoring API docs:                          http://127.0.0.1:{API_PORT}/docs")
    if browser_url:
        print(f"Neo4j Browser:                             {browser_url}")
        print(f"   :param merchant_id => '{story.merchant_id}'   then the guide's saved queries")
    print(f"Bolt: {target.uri}    Stop everything: bailing demo --stop")
    return 0


def _evidence_count(driver, database: str) -> int:
    records, _, _ = driver.execute_query("MATCH (e:Evidence) RETURN count(e) AS n", database_=database)
    return records[0]["n"]


def _model(driver, world_dir: Path, as_of, database: str):
    from reasoning.registry import ModelNotFound, ModelOutdated, load_model, save_model
    from reasoning.train import TrainConfig, config_dict, train
    try:
        return load_model()
    except ModelNotFound:
        pass
    except ModelOutdated as exc:  # a model from an older Bailing: train one for this code
        print(f"{exc}: training a new one")
    config = TrainConfig(kinds=("structural", "boosting"))  # `bailing train` also fits the GNN and compares
    with tqdm(desc="training the capacity model", unit="step") as bar:
        result = train(driver, world_dir, as_of=as_of, config=config, database=database,
                       progress=lambda stage, done, total: bar.update(1))
    card = save_model(result.model, data_sha256=result.data_sha256, config=config_dict(config),
                      candidates=result.candidates)
    print(f"trained and registered model {card.version} ({card.kind})")
    return load_model()


def _story(driver, world, merchant, model, database: str) -> None:
    from extractors.ingest import IngestFailure, ingest
    from extractors.intake import Consent
    from graph.store import GraphFactSink, withdraw_evidence
    from reasoning.decide import decide
    from seed_data.render import render_evidence

    # Repeatable: the story merchant starts from what the bank knew before his uploads.
    previous, _, _ = driver.execute_query(
        "MATCH (:Merchant {id: $m})-[:SUBMITTED]->(e:Evidence) RETURN e.id AS id", m=merchant.merchant_id,
        database_=database)
    for record in previous:
        withdraw_evidence(driver, record["id"], database=database)
    before = decide(driver, merchant.merchant_id, as_of=world.as_of, model=model, database=database)
    folder = DEMO_HOME / "story"
    files = [render_evidence(world, merchant, item, folder) for item in story_items(merchant)]
    consent = Consent("business_documents", "credit_limit_review", datetime.now(timezone.utc))
    with tqdm(total=len(files), desc="uploads through OCR and verification", unit="file") as bar:
        results = ingest(files, merchant_id=merchant.merchant_id, consent=consent,
                         sink=GraphFactSink(driver, database), as_of=world.as_of,
                         progress=lambda *_: bar.update(1))
    for path, result in zip(files, results):
        if isinstance(result, IngestFailure):
            print(f"  {path.name}: refused: {result.message}")
        else:
            why = f" ({', '.join(result.reasons)})" if result.reasons else ""
            print(f"  {path.name}: {result.doc_type}, {result.status}{why}")
    after = decide(driver, merchant.merchant_id, as_of=world.as_of, model=model, database=database)
    print(f"\nlimit CNY {before.new_limit_cny:,.0f} -> {after.new_limit_cny:,.0f} ({after.decision}, "
          f"confidence {after.confidence:.2f}{', review' if after.review else ''})")
    for reason in after.reasons:
        if reason.fired:
            amount = f"  [{reason.amount_cny:,.0f}]" if reason.amount_cny else ""
            print(f"  · {reason.text_zh}{amount}")
    for nxt in [n for n in after.next_best_evidence if n.expected_uplift_cny > 0][:3]:
        print(f"  → next best evidence: {nxt.doc_type} — {nxt.text_zh} (about CNY {nxt.expected_uplift_cny:,.0f} more)")


def _portfolio(driver, world, model, database: str) -> None:
    from reasoning.decide import decide
    decisions = [decide(driver, m.merchant_id, as_of=world.as_of, model=model, database=database)
                 for m in tqdm(world.merchants, desc="decisions", unit="merchant")]
    counts = Counter(d.decision for d in decisions)
    uplifts = sorted(d.uplift_cny for d in decisions if d.uplift_cny > 0)
    print(f"{len(decisions):,} merchants scored: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if uplifts:
        q = lambda p: uplifts[min(len(uplifts) - 1, int(p * len(uplifts)))]  # noqa: E731
        print(f"uplifts granted: {len(uplifts):,}; median CNY {q(0.5):,.0f}, p90 CNY {q(0.9):,.0f}, "
              f"total CNY {sum(uplifts):,.0f}")


def _serve(world, merchant_id: str) -> str | None:
    """Start `bailing serve` in the background (dated on the world's day) and return a merchant key."""
    from api.service.auth import ApiKeyStore
    from api.service.settings import ServiceSettings

    settings = ServiceSettings.from_env().with_(port=API_PORT, as_of=world.as_of)
    if not _answers(settings.port):
        DEMO_HOME.mkdir(parents=True, exist_ok=True)
        log = open(DEMO_HOME / "api.log", "ab")
        env = {**os.environ, **settings.to_env()}
        proc = subprocess.Popen([sys.executable, "-m", "api.cli.main", "serve", "--port", str(settings.port)],
                                env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        (DEMO_HOME / "api.pid").write_text(str(proc.pid))
        deadline = time.monotonic() + 60
        while not _answers(settings.port):
            if proc.poll() is not None or time.monotonic() > deadline:
                print(f"the scoring API did not start; see {DEMO_HOME / 'api.log'}", file=sys.stderr)
                return None
            time.sleep(0.5)
    return ApiKeyStore(settings.keys_db).create("merchant", merchant_id=merchant_id, label="demo").secret_key


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/live", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def _stop() -> int:
    from graph.server import Neo4jServer, ServerSettings
    pid_file = DEMO_HOME / "api.pid"
    if pid_file.exists():
        try:
            os.killpg(int(pid_file.read_text()), signal.SIGTERM)
            print("scoring API stopped")
        except ProcessLookupError:
            pass
        pid_file.unlink()
    Neo4jServer(ServerSettings.from_env()).stop()
    print("Neo4j stopped")
    return 0
