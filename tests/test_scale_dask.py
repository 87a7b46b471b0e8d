import sys
from pathlib import Path

import cloudpickle
import pytest

HERE = Path(__file__).parent / "fixtures" / "store"
sys.path.insert(0, str(HERE))

import linex  # noqa: E402
from corpus import articles, dump, write_corpus  # noqa: E402

from eventscope.ingest import read_inputs  # noqa: E402
from eventscope.scale import dask_extractor  # noqa: E402
from eventscope.scale.extract import PipelinePlugin  # noqa: E402
from eventscope.store import Store, ingest  # noqa: E402
from eventscope.store.writer import default_extractor  # noqa: E402


@pytest.mark.slow  # 10-28 s: it starts a two-worker Dask cluster (make test-all runs it)
def test_two_dask_workers_give_the_same_database_as_one_process(tmp_path: Path) -> None:
    cloudpickle.register_pickle_by_value(linex)  # workers need not import the test fixtures
    corpus = write_corpus(tmp_path / "c.jsonl", articles(40))
    with Store(str(tmp_path / "one.duckdb")) as store:
        ingest(read_inputs([str(corpus)]), store, linex.extract, batch_size=8)
    with Store(str(tmp_path / "dask.duckdb")) as store, dask_extractor("local:2", linex.extract, chunk=4) as run:
        ingest(read_inputs([str(corpus)]), store, run, batch_size=8)
    assert dump(tmp_path / "dask.duckdb") == dump(tmp_path / "one.duckdb")



@pytest.mark.slow  # ~30 s: a worker process loads spaCy and builds its own pipeline (make test-all runs it)
def test_a_dask_worker_builds_its_own_pipeline_and_extracts_as_this_process_does() -> None:
    from eventscope.ingest import make_article
    from eventscope.store.writer import local_analyser

    texts = ["Rebels attacked an army post on Monday, killing three soldiers.",
             "Police fired tear gas at protesters in the capital on Tuesday."]  # fmt: skip
    items = [make_article(t, f"d{n}", origin="test", find_title=False) for n, t in enumerate(texts)]
    here = list(local_analyser(default_extractor()).run(items))
    with dask_extractor("local:1") as analyser:
        there = list(analyser.run(items))
    assert there == here and all(a.events for a in here)


def test_the_workers_pipeline_plugin_carries_the_writers_threshold() -> None:
    plugin = cloudpickle.loads(cloudpickle.dumps(PipelinePlugin(0.95)))  # as a worker receives it
    assert plugin.pipeline().typer.threshold == 0.95 and plugin.pipeline() is plugin.pipeline()


@pytest.mark.slow  # it starts a one-worker Dask cluster
def test_an_article_over_its_time_budget_on_a_dask_worker_is_quarantined_and_the_rest_stored(tmp_path: Path) -> None:
    cloudpickle.register_pickle_by_value(linex)
    records = articles(9)
    hung = {"id": "hung", "text": records[4]["text"] + linex.HANG + "\n", "url": "https://news9.example/hung"}
    corpus = write_corpus(tmp_path / "c.jsonl", [*records[:4], hung, *records[4:]])
    with Store(str(tmp_path / "dask.duckdb")) as store, \
            dask_extractor("local:1", linex.extract, chunk=4, budget=1.0) as run:  # fmt: skip
        stats = ingest(read_inputs([str(corpus)]), store, run, batch_size=4)
    assert stats.articles == 9 and stats.rejected == 1
    assert [row[:2] for row in dump(tmp_path / "dask.duckdb")["quarantine"]] == [(f"{corpus}:5", "E051")]
