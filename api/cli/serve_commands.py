"""`bailing serve` (the scoring API under uvicorn) and `bailing api-key create|revoke`."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
from pathlib import Path

from api.service.auth import ROLES, ApiKeyStore
from api.service.settings import ServiceSettings, default_upload_threads


def register(subparsers: argparse._SubParsersAction) -> None:
    defaults = ServiceSettings.from_env()
    serve = subparsers.add_parser(
        "serve", help="run the scoring API (OpenAPI docs at /docs)",
        description="Serve the scoring API with uvicorn (uvloop, httptools). Binds to loopback unless --host "
                    "says otherwise. Neo4j is NEO4J_URI if set, else this machine's `bailing neo4j` server.")
    serve.add_argument("--host", default=defaults.host, help=f"listen address (default {defaults.host})")
    serve.add_argument("--port", type=int, default=defaults.port, help=f"listen port (default {defaults.port})")
    serve.add_argument("--workers", type=int, default=defaults.workers,
                       help=f"worker processes (default {defaults.workers})")
    serve.add_argument("--home", default=str(defaults.home),
                       help=f"keys, consents and audit log folder (default {defaults.home}, env BAILING_API_HOME)")
    serve.add_argument("--max-upload-bytes", type=int, default=defaults.max_upload_bytes,
                       help=f"largest evidence file accepted (default {defaults.max_upload_bytes:,})")
    serve.add_argument("--upload-threads", type=int, default=default_upload_threads(),
                       help="uploads processed at once, in an upload worker process beside the API's "
                            f"(default {default_upload_threads()}: half the cores, at least 1)")
    serve.set_defaults(func=_serve)

    keys = subparsers.add_parser("api-key", help="create or revoke API keys",
                                 description="API keys for the scoring API; a key is printed once and stored hashed.")
    actions = keys.add_subparsers(title="actions", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a key and print it once")
    create.add_argument("--role", required=True, choices=ROLES, help="what the key may do")
    create.add_argument("--merchant", default=None, help="merchant id (required for, and only for, --role merchant)")
    create.add_argument("--label", default="", help="a note on who holds the key")
    create.add_argument("--home", default=str(defaults.home), help=f"key store folder (default {defaults.home})")
    create.set_defaults(func=_create_key)
    revoke = actions.add_parser("revoke", help="revoke a key by its id (the part after `bk_`)")
    revoke.add_argument("key_id", help="the key id printed when the key was created")
    revoke.add_argument("--home", default=str(defaults.home), help=f"key store folder (default {defaults.home})")
    revoke.set_defaults(func=_revoke_key)


def _settings(args: argparse.Namespace) -> ServiceSettings:
    return ServiceSettings.from_env().with_(home=Path(args.home).expanduser())


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    if args.upload_threads < 1:
        print("bailing serve: --upload-threads must be >= 1", file=sys.stderr)
        return 2
    # The API processes only accept uploads (upload_workers=0); one process of its own works the queue.
    settings = _settings(args).with_(host=args.host, port=args.port, workers=args.workers,
                                     max_upload_bytes=args.max_upload_bytes, upload_workers=0)
    os.environ.update(settings.to_env())  # worker processes rebuild the settings from the environment
    print(f"Bailing scoring API on http://{settings.host}:{settings.port}  (docs: /docs, data: {settings.home}; "
          f"{args.upload_threads} upload thread(s))", flush=True)
    uploads = _UploadProcess(args.upload_threads)
    try:
        uvicorn.run("api.service.app:app_from_env", factory=True, host=settings.host, port=settings.port,
                    workers=settings.workers, loop="uvloop", http="httptools", access_log=False, log_level="warning")
    finally:
        uploads.stop()
    return 0


class _UploadProcess:
    """The upload worker process, started again whenever it dies (as uvicorn restarts its workers): a
    crash mid-OCR costs a restart, and the queue hands the upload it held to the new process."""

    def __init__(self, threads: int) -> None:
        self._command = [sys.executable, "-m", "api.service.upload_worker_process", "--threads", str(threads),
                         "--parent", str(os.getpid())]
        self._stopping = threading.Event()
        self._process = subprocess.Popen(self._command)
        self._watch = threading.Thread(target=self._supervise, name="upload-process-watch", daemon=True)
        self._watch.start()

    # The worker asks to be sent SIGTERM when the thread that started it ends (PR_SET_PDEATHSIG is per
    # thread): the main thread, or this watcher for a restarted one; both end only when serve does.
    def _supervise(self) -> None:
        while not self._stopping.wait(1.0):
            if self._process.poll() is not None:
                print(f"bailing serve: the upload worker process exited ({self._process.returncode}); restarting it",
                      file=sys.stderr, flush=True)
                self._process = subprocess.Popen(self._command)

    def stop(self) -> None:
        self._stopping.set()
        self._watch.join()
        self._process.terminate()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()


def _create_key(args: argparse.Namespace) -> int:
    try:
        issued = ApiKeyStore(_settings(args).keys_db).create(args.role, merchant_id=args.merchant, label=args.label)
    except ValueError as exc:
        print(f"bailing api-key create: {exc}", file=sys.stderr)
        return 2
    who = f" for merchant {issued.principal.merchant_id}" if issued.principal.merchant_id else ""
    print(f"# {issued.principal.role.value} key {issued.principal.key_id}{who}; shown once, store it now", file=sys.stderr)
    print(issued.secret_key)
    return 0


def _revoke_key(args: argparse.Namespace) -> int:
    if ApiKeyStore(_settings(args).keys_db).revoke(args.key_id):
        print(f"revoked {args.key_id}")
        return 0
    print(f"bailing api-key revoke: no active key {args.key_id!r}", file=sys.stderr)
    return 1
