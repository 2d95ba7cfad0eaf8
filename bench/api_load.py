"""Decision-endpoint latency under load: `bailing serve` driven by wrk over loopback.

    python bench/api_load.py [--connections 100] [--duration 60] [--workers 2] [--size tiny]

Starts its own Neo4j in a temporary home and loads a seed world's registry data, creates a service
key in a temporary API home, trains a model on the world's labels, starts `bailing serve` on a free 127.0.0.1 port, scores every merchant
once (the decisions the endpoint then serves), and runs wrk (Debian package `wrk`) with a Lua script
that sends the key and cycles through the merchant ids. Prints p50/p90/p99, requests/s and errors,
then stops everything it started and removes the temporary homes. Loopback only; bounded in time
(each step has a deadline; wrk itself runs for --duration seconds).
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
from reasoning.registry import save_model
from reasoning.train import TrainConfig, config_dict, train
from seed_data.world.generator import generate_world

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
        key = ApiKeyStore(api_home / "keys.sqlite").create("service", label="bench").secret_key
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
        wrk = subprocess.run(["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s",
                              "--timeout", "5s", "--latency", "-s", str(script), base],
                             capture_output=True, text=True, timeout=args.duration + 60)
        figures = parse_wrk(wrk.stdout)
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
              f"uvicorn workers {args.workers}; wrk {args.threads} threads, {args.connections} connections, "
              f"{args.duration} s; {len(ids)} merchants (first decisions took {prime_s:.1f} s)")
        print(f"GET /merchants/{{id}}/decision: p50 {figures.get('50%')}  p90 {figures.get('90%')}  "
              f"p99 {figures.get('99%')}  {figures['requests/s']} req/s  {figures['requests']} requests  "
              f"non-2xx {figures['non-2xx']}  socket errors {figures['socket errors']}")
        return 0 if wrk.returncode == 0 else 1
    finally:
        if serve is not None:
            os.killpg(serve.pid, 15)  # its own session: the uvicorn supervisor and its workers
            try:
                serve.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(serve.pid, 9)
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
