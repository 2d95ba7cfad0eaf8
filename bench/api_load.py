"""Decision-endpoint latency under load: `bailing serve` driven by wrk over loopback.

    python bench/api_load.py [--connections 100] [--duration 60] [--workers 2] [--size tiny]
    python bench/api_load.py --uploads 20 [--kill-neo4j-at 20]     # issue 13's variants

Starts its own Neo4j in a temporary home and loads a seed world's registry data, creates a service
key in a temporary API home, trains a model on the world's labels, starts `bailing serve` on a free 127.0.0.1 port, scores every merchant
once (the decisions the endpoint then serves), and runs wrk (Debian package `wrk`) with a Lua script
that sends the key and cycles through the merchant ids. Prints p50/p90/p99, requests/s and errors,
then stops everything it started and removes the temporary homes. Loopback only; bounded in time
(each step has a deadline; wrk itself runs for --duration seconds).

With ``--uploads N``, two seconds into the read load N merchants each upload one rendered document at
once (``bench/upload_load.py``): printed are how long each took to be accepted (202), how long until
all were processed, and whether the graph holds each upload's evidence exactly once afterwards. With
``--kill-neo4j-at T`` as well, Neo4j is SIGKILLed T seconds into the load and started again at once; a
prober calls graph and non-graph routes throughout, and the bench prints any answer that was neither
2xx, 404 nor 503, the slowest answer, and the seconds from Bolt being back to the first 200 on a route
that needs the graph. The exit status is 1 when any of those acceptance points fails.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from api.demo.world_loader import load_world
from api.service.auth import ApiKeyStore
from graph.connection import GraphTarget
from graph.schema.migrations import apply_migrations
from graph.server import Neo4jServer, ServerSettings
from graph.server.errors import PortInUse
from reasoning.registry import save_model
from reasoning.train import TrainConfig, config_dict, train
from seed_data.world.generator import generate_world

sys.path.insert(0, str(Path(__file__).parent))
import upload_load  # noqa: E402  (a sibling bench module)

LUA = """
local ids = {%(ids)s}
local n = 0
wrk.headers["Authorization"] = "Bearer %(key)s"
request = function()
  n = n + 1
  return wrk.format("GET", "/merchants/" .. ids[(n %% #ids) + 1] .. "/decision")
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url: str, deadline_s: float) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} not ready after {deadline_s:.0f} s")


def get(url: str, key: str) -> int:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status


def parse_wrk(text: str) -> dict[str, str]:
    figures = {q: m.group(1) for q in ("50%", "90%", "99%")
               if (m := re.search(rf"^\s+{re.escape(q)}\s+(\S+)", text, re.MULTILINE))}
    figures["requests/s"] = (re.search(r"Requests/sec:\s+(\S+)", text) or [None, "?"])[1]
    figures["non-2xx"] = (re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text) or [None, "0"])[1]
    socket_errors = re.search(r"Socket errors: (.*)", text)
    figures["socket errors"] = socket_errors.group(1) if socket_errors else "none"
    figures["requests"] = (re.search(r"(\d+) requests in", text) or [None, "?"])[1]
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=100, help="concurrent connections (default 100)")
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers (default 2)")
    parser.add_argument("--size", choices=("tiny", "demo"), default="tiny", help="seed world (default tiny)")
    parser.add_argument("--uploads", type=int, default=0, help="merchants uploading a document at once during "
                                                               "the load (default 0)")
    parser.add_argument("--kill-neo4j-at", type=float, default=None,
                        help="SIGKILL Neo4j this many seconds into the load, then start it again")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk not found: apt-get install -y wrk", file=sys.stderr)
        return 2

    tmp = Path(tempfile.mkdtemp(prefix="bailing-api-load-"))
    neo4j_settings = ServerSettings.from_env({**os.environ, "BAILING_NEO4J_HOME": str(tmp / "neo4j")}).with_(
        bolt_port=free_port(), http_port=free_port(), heap="1g", pagecache="256m")
    server, serve = Neo4jServer(neo4j_settings), None
    try:
        server.start()
        world = generate_world(0, args.size)
        world_dir, models = tmp / "world", tmp / "models"
        subprocess.run([sys.executable, "-m", "api.cli.main", "seed", "--size", args.size, "--seed", "0",
                        "--out", str(world_dir), "--render", "none"], check=True, timeout=600,
                       cwd=Path(__file__).parents[1], stdout=subprocess.DEVNULL)
        target = GraphTarget.local(neo4j_settings, env={})
        with target.driver() as driver:
            apply_migrations(driver, database="neo4j")
            load_world(driver, world)
            # A real model from the world's labels (boosting: seconds); decisions need one.
            result = train(driver, world_dir, as_of=world.as_of, config=TrainConfig(kinds=("boosting",)))
            save_model(result.model, data_sha256=result.data_sha256, config=config_dict(result.config),
                       candidates=result.candidates, root=models)
        api_home, port = tmp / "api", free_port()
        store = ApiKeyStore(api_home / "keys.sqlite")
        key = store.create("service", label="bench").secret_key
        merchant_keys = {m.merchant_id: store.create("merchant", merchant_id=m.merchant_id).secret_key
                         for m in world.merchants[:max(args.uploads * 2, 1)]} if args.uploads else {}
        uploads = upload_load.prepare(world, merchant_keys, tmp / "uploads", args.uploads) if args.uploads else []
        env = {**os.environ, "BAILING_MODEL_DIR": str(models), "NEO4J_URI": target.uri, "NEO4J_USER": target.user, "NEO4J_PASSWORD": target.password,
               "NEO4J_DATABASE": target.database}
        serve = subprocess.Popen(
            [sys.executable, "-m", "api.cli.main", "serve", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(args.workers), "--home", str(api_home)],
            env=env, cwd=Path(__file__).parents[1], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        wait_ready(f"{base}/health/ready", 120)
        ids = [m.merchant_id for m in world.merchants]
        began = time.perf_counter()
        for merchant_id in ids:  # the first read decides and records; the load then reads stored decisions
            get(f"{base}/merchants/{merchant_id}/decision", key)
        prime_s = time.perf_counter() - began
        script = tmp / "decision.lua"
        script.write_text(LUA % {"ids": ", ".join(f'"{i}"' for i in ids), "key": key})
        wrk = subprocess.Popen(["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s",
                                "--timeout", "5s", "--latency", "-s", str(script), base],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        load_began = time.monotonic()
        outage = None
        if uploads:
            time.sleep(2)
            upload_load.send_all(base, uploads)
        if args.kill_neo4j_at is not None:
            outage = kill_and_restart(server, base, key, ids[0], uploads, load_began + args.kill_neo4j_at)
        wrk_out, _ = wrk.communicate(timeout=args.duration + 60)
        figures = parse_wrk(wrk_out)
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
              f"uvicorn workers {args.workers}; wrk {args.threads} threads, {args.connections} connections, "
              f"{args.duration} s; {len(ids)} merchants (first decisions took {prime_s:.1f} s)")
        print(f"GET /merchants/{{id}}/decision: p50 {figures.get('50%')}  p90 {figures.get('90%')}  "
              f"p99 {figures.get('99%')}  {figures['requests/s']} req/s  {figures['requests']} requests  "
              f"non-2xx {figures['non-2xx']}  socket errors {figures['socket errors']}")
        ok = wrk.returncode == 0
        if uploads:
            ok &= report_uploads(base, uploads, target, api_home)
        if outage is not None:
            ok &= report_outage(outage)
        return 0 if ok else 1
    finally:
        if serve is not None:
            os.killpg(serve.pid, 15)  # its own session: the uvicorn supervisor and its workers
            try:
                serve.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(serve.pid, 9)
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def kill_and_restart(server: Neo4jServer, base: str, key: str, merchant_id: str, uploads: list,
                     at: float) -> dict:
    """SIGKILL Neo4j at monotonic time ``at`` and start it again at once, while a prober calls routes."""
    routes = [("GET /merchants/{id} (graph)", "GET", f"{base}/merchants/{merchant_id}", key),
              ("GET /merchants/{id}/decision (stored)", "GET", f"{base}/merchants/{merchant_id}/decision", key),
              ("GET /merchants/{id}/evidence (graph)", "GET", f"{base}/merchants/{merchant_id}/evidence", key)]
    routes += [("GET /merchants/{id}/uploads/{u} (queue)", "GET", base + u.status_url, u.key)
               for u in uploads[:1] if u.status_url]
    with upload_load.Prober(routes) as prober:
        time.sleep(max(0.0, at - time.monotonic()))
        killed = time.monotonic()
        os.kill(server.pid(), 9)
        while server.pid() is not None and time.monotonic() - killed < 10:  # a 1 GB JVM takes a while to die
            time.sleep(0.05)
        while True:  # the kernel frees the process's memory (and /proc cmdline) before its sockets
            try:
                server.start()
                break
            except PortInUse:
                if time.monotonic() - killed > 10:
                    raise
                time.sleep(0.1)
        bolt_back = time.monotonic()
        deadline = bolt_back + 60
        while time.monotonic() < deadline:
            status, *_ = upload_load.request("GET", f"{base}/merchants/{merchant_id}", key)
            if status == 200:
                break
            time.sleep(0.1)
        recovered = time.monotonic()
        time.sleep(2)
    return {"answers": prober.answers, "killed": killed, "bolt_back": bolt_back, "recovered": recovered}


def report_uploads(base: str, uploads: list, target: GraphTarget, api_home: Path) -> bool:
    took = upload_load.wait_all(base, uploads, deadline_s=900)
    accepted = [u for u in uploads if u.accept_status == 202]
    times = sorted(u.accept_s for u in accepted)
    done = [u for u in uploads if u.state == "done"]
    print(f"uploads: {len(accepted)}/{len(uploads)} accepted (202); acceptance median "
          f"{times[len(times) // 2] if times else float('nan'):.2f} s, max {max(times, default=float('nan')):.2f} s; "
          f"{len(done)} processed, {sum(u.state == 'failed' for u in uploads)} failed, all finished "
          f"{took:.0f} s after the load ended; taken up more than once: {sum(u.attempts > 1 for u in uploads)}")
    for upload in uploads:
        if upload.error:
            print(f"  {upload.merchant_id}: {upload.error}")
    with target.driver() as driver:
        problems = upload_load.graph_consistency(driver, uploads, api_home)
    print("graph consistent: " + ("yes (each upload's evidence exactly once, no files left)" if not problems
                                  else "; ".join(problems)))
    return len(accepted) == len(uploads) == len(done) and max(times, default=0) <= 1.0 and not problems


def report_outage(outage: dict) -> bool:
    answers = [a for a in outage["answers"] if a.at >= outage["killed"] - 1]
    bad = [a for a in answers if not (200 <= a.status < 300 or a.status in (404, 503))]
    slow = [a for a in answers if a.seconds > 2.0]
    by_status: dict[int, int] = {}
    for a in answers:
        by_status[a.status] = by_status.get(a.status, 0) + 1
    slowest = max(answers, key=lambda a: a.seconds, default=None)
    recovery = outage["recovered"] - outage["bolt_back"]
    print(f"Neo4j killed and restarted: Bolt back {outage['bolt_back'] - outage['killed']:.1f} s after the kill; "
          f"service back {recovery:.1f} s after Bolt; prober answers {len(answers)} by status {dict(sorted(by_status.items()))}; "
          f"slowest {slowest.seconds:.2f} s ({slowest.route}); other than 2xx/404/503: {len(bad)}; over 2 s: {len(slow)}")
    for a in (bad + slow)[:5]:
        print(f"  {a.route}: {a.status} in {a.seconds:.2f} s, sent {a.at - outage['killed']:+.1f} s from the kill "
              f"({a.at - outage['bolt_back']:+.1f} s from Bolt back)")
    return not bad and not slow and recovery <= 10


if __name__ == "__main__":
    sys.exit(main())
