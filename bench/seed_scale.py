"""Time and peak memory of `bailing seed --size scale` (issue 3: ≤ 15 minutes, ≤ 8 GB).

    python bench/seed_scale.py [--seed N] [--out DIR] [--merchants N]

Prints wall time, peak RSS of this process (the generator runs in-process) and the row counts.
Benchmarks never assert; compare the printed figures with the targets.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from seed_data.manifest import write_manifest
from seed_data.world.scale import N_MERCHANTS, write_scale_world


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--merchants", type=int, default=N_MERCHANTS)
    parser.add_argument("--out", type=Path, default=None, help="default: a temporary directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        start = time.perf_counter()
        counts = write_scale_world(args.seed, out, n=args.merchants)
        write_manifest(out, {"seed": args.seed, "size": "scale", "counts": counts})
        seconds = time.perf_counter() - start
        size_mb = sum(p.stat().st_size for p in out.iterdir()) / 1e6
    peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024   # ru_maxrss is KiB on Linux
    print(json.dumps(counts, indent=1, sort_keys=True))
    print(f"merchants {args.merchants:,}  relationships {counts['relationships']:,}  "
          f"time {seconds:.1f} s  peak RSS {peak_gb:.2f} GB  output {size_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
