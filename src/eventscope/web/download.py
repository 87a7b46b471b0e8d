"""``/api/export``: the filtered events as ACLED CSV or GeoJSON, streamed a chunk at a time."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from ..store import Store, read_api
from ..store import export as ex
from ..store.filters import EventFilter
from .errors import BadRequest

FORMATS = {"acled-csv": ("text/csv; charset=utf-8", "csv"), "geojson": ("application/geo+json", "geojson")}


def media_type(fmt: str | None) -> tuple[str, str]:
    """(media type, file extension) of an export format; anything else is a 400."""
    if fmt not in FORMATS:
        raise BadRequest(f"format: expected one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


def acled_csv(store: Store, f: EventFilter) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(ex.ACLED_COLUMNS), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for found, stored in read_api.export_chunks(store, f):
        for row in ex.acled_rows(found, stored):
            writer.writerow({k: ex.flat(v) for k, v in row.items()})
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def geojson(store: Store, f: EventFilter) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for found, _stored in read_api.export_chunks(store, f):
        for feature in map(ex.geojson_feature, found):
            yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False)
            first = False
    yield "]}\n"
