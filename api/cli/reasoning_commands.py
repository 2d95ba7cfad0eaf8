"""`bailing train`, `bailing evaluate`, `bailing score MERCHANT_ID` (owned by reasoning/).

Training and evaluation read a seed world's labels from ``--world DIR`` (the output of `bailing
seed`) and the merchants' evidence from Neo4j. ``--load`` first puts the world into the graph: the
registry data (``world_loader``) and every evidence item as a perfect reader would extract it
(``truth_facts``; see reasoning/README.md for why training uses printed truth rather than OCR).
"""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date
from pathlib import Path


def _bar(desc: str):
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=f"{desc}: {stage}", unit="merchant" if stage != "fit" else "model")
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
    return progress


def _world_as_of(world_dir: Path) -> tuple[date, dict]:
    manifest = Path(world_dir) / "manifest.json"
    if not manifest.is_file():
        raise SystemExit(f"error: {manifest} not found: --world must be a directory written by `bailing seed`")
    raw = json.loads(manifest.read_text(encoding="utf-8"))
    return date.fromisoformat(raw["as_of"]), raw


def _load(driver, world_dir: Path, manifest: dict, database: str) -> None:
    from tqdm import tqdm

    from api.demo.truth_facts import load_truth_evidence
    from api.demo.world_loader import load_world
    from seed_data.world.generator import generate_world

    world = generate_world(int(manifest["seed"]), str(manifest["size"]))
    load_world(driver, world, database=database)
    total = sum(len(m.evidence) for m in world.merchants)
    with tqdm(total=total, desc="evidence (truth reader)", unit="evidence") as bar:
        summary = load_truth_evidence(driver, world, per_transaction=150, database=database, progress=bar.update)
    print(f"loaded {summary.evidence:,} evidence ({summary.verified:,} verified, {summary.rejected:,} rejected) "
          f"in {summary.seconds:.0f} s, {summary.per_second:.0f}/s")


def _train(args: argparse.Namespace) -> int:
    import torch

    from api.cli.neo4j_commands import connect_target
    from reasoning.registry import save_model
    from reasoning.train import TrainConfig, config_dict, train

    torch.set_num_threads(1)
    as_of, manifest = _world_as_of(args.world)
    target, _ = connect_target()
    config = TrainConfig(seed=args.seed, kinds=tuple(args.kinds.split(",")))
    with target.driver() as driver:
        if args.load:
            _load(driver, args.world, manifest, target.database)
        result = train(driver, Path(args.world), as_of=as_of, config=config, database=target.database,
                       progress=_bar("train"))
    card = save_model(result.model, data_sha256=result.data_sha256, config=config_dict(config),
                      candidates=result.candidates, root=Path(args.registry) if args.registry else None)
    for kind, metrics in result.candidates.items():
        print(f"{kind:9s} validation agreement {metrics['agreement']:.1%}  log-MAE {metrics['log_mae']:.3f}  "
              f"limit lowered by an added verified item: {metrics['monotone_violations']:.0f} of "
              f"{metrics['monotone_checked']:.0f} checks")
    print(f"chosen: {card.kind}; saved model {card.version} (training data sha256 {card.data_sha256[:16]}…)")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    import torch

    from api.cli.neo4j_commands import connect_target
    from reasoning.evaluate import evaluate
    from reasoning.plots import write_plots
    from reasoning.registry import load_model

    torch.set_num_threads(1)
    as_of, _ = _world_as_of(args.world)
    model = load_model(args.model, Path(args.registry) if args.registry else None)
    target, _ = connect_target()
    with target.driver() as driver:
        ev = evaluate(driver, Path(args.world), model, as_of=as_of, database=target.database,
                      progress=_bar("evaluate"))
    r = ev.report
    print(f"model {model.version}: agreement with the labelling officer on the test split {r.agreement:.1%} (n={r.n})")
    for decision, (n, a) in r.by_decision.items():
        print(f"  officer {decision:15s} n={n:4d}  agreement {a:.1%}")
    for industry, (n, a) in r.by_industry.items():
        print(f"  industry {industry}  n={n:4d}  agreement {a:.1%}")
    panel = None
    if (Path(args.world) / "panel_test.jsonl").is_file():
        from reasoning.agreement import panel_agreement
        from reasoning.labels import read_panel

        panel = read_panel(Path(args.world), "test")
        p = panel_agreement(ev.decisions, panel)
        print(f"review panel (n={p.n}): engine agrees with a majority of officers {p.majority:.1%}; officers with "
              f"each other {p.between_officers:.1%}")
        for officer, a in p.by_officer.items():
            print(f"  {officer}  agreement {a:.1%}")
    if ev.fraud is not None:
        f = ev.fraud
        print(f"fraud suite: {f.merchants} merchants with {f.fraudulent_items} fraudulent items; "
              f"uplifts on fraudulent evidence {f.uplifts_on_fraud}; uplifts to them at all {f.uplifts_to_fraudsters}; "
              f"declined for review {f.declined}")
    if args.decisions is not None:
        Path(args.decisions).parent.mkdir(parents=True, exist_ok=True)
        Path(args.decisions).write_text("".join(
            json.dumps({"merchant_id": d.merchant_id, "decision": d.decision, "uplift_cny": d.uplift_cny}) + "\n"
            for d in ev.decisions), encoding="utf-8")
        print(f"wrote {args.decisions}")
    for path in write_plots(ev, model, Path(args.plots), panel):
        print(f"wrote {path}")
    return 0


def _score(args: argparse.Namespace) -> int:
    from api.cli.neo4j_commands import connect_target
    from reasoning.decide import decide
    from reasoning.registry import load_model

    model = load_model(args.model, Path(args.registry) if args.registry else None)
    target, _ = connect_target()
    with target.driver() as driver:
        decision = decide(driver, args.merchant_id, as_of=date.fromisoformat(args.as_of) if args.as_of else None,
                          model=model, database=target.database)
    print(json.dumps(asdict(decision), ensure_ascii=False, indent=1, default=str))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--registry", default=None,
                        help="model registry directory (default: $BAILING_MODEL_DIR or ~/.local/share/bailing/models)")
    p = subparsers.add_parser("train", parents=[common], help="train the capacity models, keep the better, register it",
                              description="Fit the gradient-boosting baseline and the heterogeneous GNN on the "
                                          "world's train split, compare on validation, save the better one.")
    p.add_argument("--world", type=Path, required=True, help="a seed world directory (labels, manifest)")
    p.add_argument("--load", action="store_true", help="first load the world and its evidence into the graph")
    p.add_argument("--kinds", default="structural,boosting,gnn",
                   help="models to fit, comma-separated (default: structural,boosting,gnn)")
    p.add_argument("--seed", type=int, default=0, help="training seed (default: 0)")
    p.set_defaults(func=_train)
    p = subparsers.add_parser("evaluate", parents=[common], help="agreement with the labelling officer on the test split",
                              description="Decide every test merchant, compare with the expert, run the fraud "
                                          "suite and write PNG plots.")
    p.add_argument("--world", type=Path, required=True, help="a seed world directory (labels, manifest)")
    p.add_argument("--model", default=None, help="model version (default: the registry's latest)")
    p.add_argument("--plots", default="out/plots", help="directory for PNG plots (default: out/plots)")
    p.add_argument("--decisions", type=Path, default=None,
                   help="also write the test split's decisions here as JSON lines (bench/agreement_ceiling.py reads them)")
    p.set_defaults(func=_evaluate)
    p = subparsers.add_parser("score", parents=[common], help="decide one merchant and print the decision as JSON")
    p.add_argument("merchant_id")
    p.add_argument("--as-of", default=None, help="ISO date to decide for (default: today)")
    p.add_argument("--model", default=None, help="model version (default: the registry's latest)")
    p.set_defaults(func=_score)
