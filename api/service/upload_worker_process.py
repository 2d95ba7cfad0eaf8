"""The upload workers in a process of their own, as ``bailing serve`` runs them beside uvicorn.

OCR is seconds of CPU-bound Python and ONNX per page; in the API's own processes its Python parts hold
the GIL against the threads answering requests, so reads wait on uploads. In a process of its own,
at a lower priority (nice 10), it shares only the CPU, and the kernel gives requests the CPU first.
The queue is SQLite, so the API processes and this one need nothing else between them.

    python -m api.service.upload_worker_process [--threads N] [--parent PID]   # settings from BAILING_API_*, NEO4J_*
"""
from __future__ import annotations

import argparse
import ctypes
import logging
import os
import signal

from neo4j import Driver

from api.service import graph_reads
from api.service.access_log import AccessLog
from api.service.audit import AuditLog
from api.service.consent_store import ConsentStore
from api.service.engine import DecisionEngine
from api.service.graph_breaker import GraphBreaker
from api.service.ingestion import Ingestor
from api.service.scoring import Scorer
from api.service.settings import ServiceSettings, default_upload_threads
from api.service.upload_processor import UploadProcessor
from api.service.upload_queue import UploadQueue
from api.service.upload_workers import NICENESS, UploadWorkers
from graph.connection import GraphTarget

_PR_SET_PDEATHSIG = 1


def upload_workers(settings: ServiceSettings, driver: Driver, *, breaker: GraphBreaker, consents: ConsentStore,
                   access_log: AccessLog, scorer: Scorer, queue: UploadQueue, size: int) -> UploadWorkers:
    """The pool over ``queue``: each upload read, verified and graphed, its consent's use recorded, the
    merchant re-scored."""
    ingestor = Ingestor(driver, max_bytes=settings.max_upload_bytes, graph_ready=breaker.check,
                        database=settings.database, as_of=settings.as_of)
    process = UploadProcessor(ingestor=ingestor, scorer=scorer, consents=consents, access_log=access_log,
                              driver=driver, database=settings.database)
    return UploadWorkers(queue, process, breaker=breaker, size=size)


def run(settings: ServiceSettings, threads: int) -> None:
    """Work the queue until SIGTERM or SIGINT; an upload still in hand then is taken up after a restart."""
    target = settings.graph or GraphTarget.from_env()
    settings = settings.with_(graph=target)
    with target.driver(connection_timeout=settings.graph_timeout_s,
                       connection_acquisition_timeout=settings.graph_timeout_s,
                       max_transaction_retry_time=settings.graph_retry_s) as driver:
        breaker = GraphBreaker(lambda: graph_reads.warm(driver, database=target.database),
                               probe_s=settings.graph_probe_s)
        scorer = Scorer(driver, AuditLog(settings.audit_db), DecisionEngine(settings.model_dir, as_of=settings.as_of),
                        version_check_s=settings.version_check_s, database=target.database)
        queue = UploadQueue(settings.queue_db, settings.upload_dir, lease_s=settings.upload_lease_s)
        workers = upload_workers(settings, driver, breaker=breaker, consents=ConsentStore(settings.consent_db),
                                 access_log=AccessLog(settings.audit_db), scorer=scorer, queue=queue, size=threads)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: workers.stop())
        workers.start()
        workers.join()
        breaker.stop()


def _die_with(parent: int) -> None:
    """SIGTERM this process when ``parent`` dies, however it dies (Linux ``PR_SET_PDEATHSIG``): uvicorn
    re-raises the SIGTERM it handled, so `bailing serve` can end without running its own clean-up."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: `bailing serve` still stops it when it exits cleanly
        return
    if os.getppid() != parent:  # it died before the request took effect
        raise SystemExit(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=default_upload_threads(),
                        help="uploads processed at once (default: half the machine's cores, at least 1)")
    parser.add_argument("--parent", type=int, default=None, help="exit when this process (the server) dies")
    args = parser.parse_args(argv)
    if args.threads < 1:
        parser.error("--threads must be >= 1")
    if args.parent is not None:
        _die_with(args.parent)
    logging.basicConfig(level=logging.WARNING)
    os.nice(NICENESS)
    run(ServiceSettings.from_env(), args.threads)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
