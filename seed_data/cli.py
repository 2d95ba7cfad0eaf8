"""What ``bailing seed`` does: generate a world of a size, write it, label it, render its evidence.

``tiny`` and ``demo`` write the detailed world as JSON lines, expert labels per split, and one image
plus ground-truth JSON per rendered evidence item (``evidence/<merchant_id>/``): every item for demo,
a sample covering every type and fraud kind for tiny (rendering costs ~0.3 s an item). ``scale`` writes graph facts
only, as Neo4j admin-import CSV (``seed_data.world.scale``). Every run ends with ``manifest.json``.
"""
from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tqdm import tqdm

from seed_data.expert import labelling_officer, panel_review
from seed_data.manifest import write_manifest
from seed_data.world.generator import SIZES, generate_world
from seed_data.world.records import SPLITS, EvidenceItem, Merchant, World
from seed_data.world.serialise import write_jsonl, write_world

LABEL_FILES = {split: f"labels_{split}.jsonl" for split in SPLITS}
# Every panel officer's review of every merchant (seed_data/expert/panel.py), one line per officer and merchant.
PANEL_FILES = {split: f"panel_{split}.jsonl" for split in SPLITS}


RENDER_MODES = ("all", "sample", "none")
DEFAULT_RENDER = {"tiny": "sample", "demo": "all"}
_WORKER_WORLD: World | None = None


def sample_items(world: World) -> list[tuple[Merchant, EvidenceItem]]:
    """The first item of every (doc type, photo class, capture, fraud kind) combination, in world
    order: every rendered type, asset class and fraud kind appears at least once, in a few dozen
    images, which keeps the tiny world inside CI's 30 s."""
    seen: set[tuple[object, ...]] = set()
    picked = []
    for merchant in world.merchants:
        for item in merchant.evidence:
            key = (item.doc_type, item.photo_class, item.capture, item.fraud_kind)
            if key not in seen:
                seen.add(key)
                picked.append((merchant, item))
    return picked


def _init_worker(world: World) -> None:
    global _WORKER_WORLD
    _WORKER_WORLD = world


def _render_merchant_items(job: tuple[int, tuple[int, ...], str]) -> int:
    from seed_data.render import render_evidence
    index, item_indices, out_dir = job
    merchant = _WORKER_WORLD.merchants[index]
    for k in item_indices:
        render_evidence(_WORKER_WORLD, merchant, merchant.evidence[k], Path(out_dir) / merchant.merchant_id)
    return len(item_indices)


def _render(world: World, out_dir: Path, mode: str, *, jobs: int, show_progress: bool) -> int:
    """Render evidence with PART B's renderer (imported lazily: it pulls in fonts and PIL). Each
    item's files depend only on the world and the item, so worker processes give the same bytes."""
    if mode == "none":
        return 0
    try:
        from seed_data.render import render_evidence  # noqa: F401  (fail early, before forking)
    except ImportError as error:
        print(f"bailing seed: evidence rendering unavailable ({error}); wrote records only", file=sys.stderr)
        return 0
    pairs = sample_items(world) if mode == "sample" else [(m, e) for m in world.merchants for e in m.evidence]
    position = {m.merchant_id: i for i, m in enumerate(world.merchants)}
    by_merchant: dict[int, list[int]] = {}
    for merchant, item in pairs:
        by_merchant.setdefault(position[merchant.merchant_id], []).append(merchant.evidence.index(item))
    work = [(i, tuple(ks), str(out_dir / "evidence")) for i, ks in sorted(by_merchant.items())]
    with tqdm(total=len(pairs), desc="render", unit="item", disable=not show_progress) as bar:
        if jobs <= 1:
            _init_worker(world)
            for job in work:
                bar.update(_render_merchant_items(job))
        else:
            with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(world,)) as pool:
                for done in pool.map(_render_merchant_items, work):
                    bar.update(done)
    return len(pairs)


def run_seed(size: str, seed: int, out_dir: Path, *, render: str | None = None, jobs: int = 1,
             show_progress: bool = True) -> Path:
    """Generate, write and (for tiny/demo) render a world; return the manifest path.

    Args:
        size (str): "tiny", "demo" or "scale".
        seed (int): the world's seed.
        out_dir (Path): where to write.
        render (str, optional): "all", "sample" or "none" (default: "sample" for tiny, "all" for demo).
        jobs (int): render processes (default: 1).
        show_progress (bool): show tqdm bars (default: True).
    """
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; known: {sorted(SIZES)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if size == "scale":
        from seed_data.world.scale import write_scale_world
        counts = write_scale_world(seed, out_dir, show_progress=show_progress)
        return write_manifest(out_dir, {"seed": seed, "size": size, "counts": counts})

    with tqdm(total=SIZES[size], desc="merchants", unit="merchant", disable=not show_progress) as bar:
        world = generate_world(seed, size, progress=bar.update)
    write_world(world, out_dir)
    reviews = panel_review(world)
    # A bank holds one officer's review per case: the labels are the labelling officer's.
    labels = [panel[labelling_officer(world.seed, i)] for i, panel in enumerate(reviews)]
    for split, name in LABEL_FILES.items():
        write_jsonl(out_dir / name, (label for label in labels if label.split == split))
    every = [label for panel in reviews for label in panel]
    for split, name in PANEL_FILES.items():
        write_jsonl(out_dir / name, (label for label in every if label.split == split))
    mode = render or DEFAULT_RENDER[size]
    if mode not in RENDER_MODES:
        raise ValueError(f"unknown render mode {mode!r}; known: {RENDER_MODES}")
    rendered = _render(world, out_dir, mode, jobs=jobs, show_progress=show_progress)
    counts = {"merchants": len(world.merchants), "parties": len(world.parties),
              "evidence": sum(len(m.evidence) for m in world.merchants), "rendered": rendered,
              "fraudsters": sum(1 for m in world.merchants if m.fraud_kinds),
              **{f"labels_{s}": sum(1 for label in labels if label.split == s) for s in SPLITS}}
    return write_manifest(out_dir, {"seed": seed, "size": size, "as_of": world.as_of.isoformat(), "counts": counts})
