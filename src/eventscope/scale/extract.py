"""Spread extraction over Dask workers; results come back in input order to the one writer.

``local:N`` starts a LocalCluster of N single-threaded worker processes;
``tcp://HOST:PORT`` connects to a running scheduler.  Each worker builds its
``Pipeline`` once (``PipelinePlugin``: the packaged resources, with the writer's
typing threshold) and loads the spaCy model once (``eventscope.nlp.load`` is
cached per process), extracts chunks of articles and names each event's people
(``store.writer.analyse``), so the writer only merges and writes.  The input is
streamed: at most ``IN_FLIGHT_PER_WORKER`` chunks per worker are queued, new
ones as results are taken, so the workers stay busy while the writer commits a
batch and memory stays flat on any corpus size.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import dask
from distributed import Client, Future, LocalCluster, Worker, WorkerPlugin, get_worker

from ..records import Article
from ..settings import current
from ..store.writer import Analysed, Analyser, Extractor, Parsed, analyse, budget_of, chunked

CHUNK = 48  # articles per task: large enough to amortise scheduling and batch spaCy, small enough to balance
IN_FLIGHT_PER_WORKER = 3  # one running, two waiting: a worker never waits for the writer
# Dask's statistical profiler samples each worker's stack every 10 ms and keeps an hour of call trees: under
# spaCy's deep stacks that grew each worker by ~8 MB per 1,000 articles (and cost CPU); we never read it.
# The nanny's default environment also sets MALLOC_TRIM_THRESHOLD_=65536, which makes glibc hand memory back to
# the system after every spaCy batch: ~10% more CPU per article; without it worker memory still stays flat
# (benchmarks/ingest.py). The one-thread settings for the numeric libraries are kept.
WORKER_ENVIRON = {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}
WORKER_CONFIG = {"distributed.worker.profile.enabled": False, "distributed.nanny.pre-spawn-environ": WORKER_ENVIRON}


if TYPE_CHECKING:
    from ..pipeline import Pipeline


class PipelinePlugin(WorkerPlugin):
    """One ``Pipeline`` per worker, built on its first chunk (``Pipeline.default`` with the writer's typing
    threshold: a remote worker's environment may differ), kept by the worker's plugin, not by a module."""

    name = "eventscope-pipeline"

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.built: Pipeline | None = None

    def setup(self, worker: Worker) -> None:
        self.built = None  # (the copy a worker holds starts empty)

    def pipeline(self) -> Pipeline:
        if self.built is None:
            from ..pipeline import Pipeline

            self.built = Pipeline.default(self.threshold)
        return self.built


def _pipeline_extract(articles: Iterable[Article]) -> Iterable[Parsed]:
    plugin = get_worker().plugins[PipelinePlugin.name]
    assert isinstance(plugin, PipelinePlugin)
    return plugin.pipeline().analyses(articles)


def _client(address: str) -> tuple[Client, LocalCluster | None]:
    if address.startswith("local:"):
        with dask.config.set(WORKER_CONFIG):
            cluster = LocalCluster(n_workers=int(address.split(":", 1)[1]), threads_per_worker=1, processes=True,
                                   dashboard_address=None)  # fmt: skip
        return Client(cluster), cluster
    return Client(address), None


@contextmanager
def dask_extractor(
    address: str, extract: Extractor | None = None, chunk: int = CHUNK, budget: float | None = None
) -> Iterator[Analyser]:
    """An analyser for ``store.ingest`` that extracts on the Dask cluster at ``address``, each article within
    ``budget`` seconds on its worker (None: the ``article_seconds`` setting of this process)."""
    client, cluster = _client(address)
    function = extract or _pipeline_extract
    if extract is None:
        client.register_plugin(PipelinePlugin(current().typing_threshold))
    seconds = budget_of(budget)
    in_flight = max(1, len(client.scheduler_info().get("workers", {}))) * IN_FLIGHT_PER_WORKER

    def run(articles: Iterable[Article]) -> Iterator[Analysed]:
        pending: deque[Future] = deque()
        for part in chunked(articles, chunk):
            pending.append(client.submit(analyse, function, part, budget=seconds, pure=False))
            if len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    try:
        yield Analyser(run)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
