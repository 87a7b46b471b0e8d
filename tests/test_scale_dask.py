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
from eventscope.store import Store, ingest  # noqa: E402


@pytest.mark.slow  # 10-28 s: it starts a two-worker Dask cluster (make test-all runs it)
def test_two_dask_workers_give_the_same_database_as_one_process(tmp_path: Path) -> None:
    cloudpickle.register_pickle_by_value(linex)  # workers need not import the test fixtures
    corpus = write_corpus(tmp_path / "c.jsonl", articles(40))
    with Store(str(tmp_path / "one.duckdb")) as store:
        ingest(read_inputs([str(corpus)]), store, linex.extract, batch_size=8)
    with Store(str(tmp_path / "dask.duckdb")) as store, dask_extractor("local:2", linex.extract, chunk=4) as run:
        ingest(read_inputs([str(corpus)]), store, run, batch_size=8)
    assert dump(tmp_path / "dask.duckdb") == dump(tmp_path / "one.duckdb")
