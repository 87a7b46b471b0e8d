"""Scale-out on Dask: extraction runs on workers, the calling process stays the one writer."""

from .extract import chunked, dask_extractor

__all__ = ["chunked", "dask_extractor"]
