"""Spread extraction over Dask workers; results come back in input order to the one writer.

``local:N`` starts a LocalCluster of N single-threaded worker processes;
``tcp://HOST:PORT`` connects to a running scheduler.  Each worker process
loads the spaCy model once (``eventscope.nlp.load`` is cached per process) and
extracts chunks of articles; at most ``IN_FLIGHT_PER_WORKER`` chunks per worker
are queued, so memory stays flat on any corpus size.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from distributed import Client, Future, LocalCluster

from ..records import Article, Event
from ..store.ingest import chunked

CHUNK = 16  # articles per task: large enough to amortise scheduling, small enough to balance
IN_FLIGHT_PER_WORKER = 2
Extract = Callable[[Iterable[Article]], Iterable[tuple[Article, tuple[Event, ...]]]]


def _pipeline_extract(articles: Iterable[Article]) -> Iterable[tuple[Article, tuple[Event, ...]]]:
    from ..pipeline import extract

    return extract(articles)


def _run_chunk(extract: Extract, chunk: list[Article]) -> list[tuple[Article, tuple[Event, ...]]]:
    return list(extract(chunk))


def _client(address: str) -> tuple[Client, LocalCluster | None]:
    if address.startswith("local:"):
        cluster = LocalCluster(n_workers=int(address.split(":", 1)[1]), threads_per_worker=1, processes=True,
                               dashboard_address=None)  # fmt: skip
        return Client(cluster), cluster
    return Client(address), None


@contextmanager
def dask_extractor(
    address: str, extract: Extract | None = None, chunk: int = CHUNK
) -> Iterator[Callable[[Iterable[Article]], Iterator[tuple[Article, tuple[Event, ...]]]]]:
    """An extractor (same signature as ``pipeline.extract``) that runs on the Dask cluster at ``address``."""
    client, cluster = _client(address)
    function = extract or _pipeline_extract
    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def run(articles: Iterable[Article]) -> Iterator[tuple[Article, tuple[Event, ...]]]:
        pending: deque[Future] = deque()
        for part in chunked(articles, chunk):
            pending.append(client.submit(_run_chunk, function, part, pure=False))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    run.batch_size = chunk * workers * IN_FLIGHT_PER_WORKER  # type: ignore[attr-defined]
    try:
        yield run
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
