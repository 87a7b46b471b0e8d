"""Records <-> table rows (column order as in schema.py)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import fields
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..merge import Footprint, Mention, MergedEvent
from ..merge.wording import wording_keys
from ..records import Article, Event, Evidence

TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$)")

MENTION_COLUMNS = (
    "mention_id, article_uid, article_id, extracted_id, event_type, sub_event_type, actor1, actor2, "
    "assoc_actors, actor1_type, actor2_type, date_start, date_end, time_precision, location, admin1, "
    "country, latitude, longitude, geo_precision, source, source_via, fatalities, modality, hedged, "
    "confidence, date_basis, location_reason, plover_type, plover_mode, outlet, names, wording"
)
FOOTPRINT_COLUMNS = ", ".join(f.name for f in fields(Footprint))  # the mentions columns of the same names
MERGED_FIELD_COLUMNS = (
    ("modality", "VARCHAR"), ("hedged", "BOOLEAN"), ("confidence", "DOUBLE"), ("date_basis", "VARCHAR"),
    ("location_reason", "VARCHAR"), ("plover_type", "VARCHAR"), ("plover_mode", "VARCHAR"), ("source_via", "VARCHAR[]"),
)  # the events' reconciled mention fields (schema 7), the Event fields of the same names  # fmt: skip
EVENT_COLUMNS = (
    "event_id, event_type, sub_event_type, actor1, actor2, assoc_actors, actor1_type, actor2_type, "
    "date_start, date_end, time_precision, location, admin1, country, latitude, longitude, geo_precision, "
    "source, fatalities_min, fatalities_max, sources, source_count, article_ids, mention_count, "
    + ", ".join(c for c, _ in MERGED_FIELD_COLUMNS)
)


def like_pattern(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) matching ``text`` anywhere, case-folded: ``%`` and ``_`` are literal."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING.match(k)))
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit((parts.scheme.lower() or "http", host, parts.path.rstrip("/") or "/", query, ""))


def content_hash(text: str) -> str:
    """Hash of the text with whitespace runs collapsed (layout changes are not new content)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def article_key(article: Article) -> str:
    return canonical_url(article.url) if article.url else "sha1:" + content_hash(article.text)


def outlet_of(article: Article) -> str | None:
    if article.url:
        return urlsplit(article.url).netloc.lower().removeprefix("www.") or None
    return article.agencies[0] if article.agencies else None


def article_row(article: Article, key: str, version: int, digest: str) -> list[Any]:
    return [
        f"{key}#{version}", key, version, digest, article.article_id, article.url, article.title,
        article.published, list(article.authors), list(article.agencies), outlet_of(article),
        article.origin, article.text,
    ]  # fmt: skip


def mention_row(mention: Mention) -> list[Any]:
    e = mention.event
    return [
        mention.mention_id, mention.article_uid, e.article_ids[0] if e.article_ids else "", e.event_id,
        e.event_type, e.sub_event_type, e.actor1, e.actor2, list(e.assoc_actors), e.actor1_type,
        e.actor2_type, e.date_start, e.date_end, e.time_precision, e.location, e.admin1, e.country,
        e.latitude, e.longitude, e.geo_precision, e.source, list(e.source_via), e.fatalities, e.modality,
        e.hedged, e.confidence, e.date_basis, e.location_reason, e.plover_type, e.plover_mode,
        mention.outlet, list(mention.names), list(wording_keys(ev.text for ev in e.evidence)),
    ]  # fmt: skip


def evidence_rows(mention: Mention) -> list[list[Any]]:
    return [
        [mention.mention_id, i, ev.article_id, ev.start, ev.end, ev.text]
        for i, ev in enumerate(mention.event.evidence)
    ]


def mention_from_row(row: tuple[Any, ...], evidence: tuple[Evidence, ...]) -> Mention:
    (mid, uid, article_id, extracted, etype, sub, a1, a2, assoc, a1t, a2t, start, end, prec, loc, adm,
     country, lat, lon, gprec, source, via, deaths, modality, hedged, conf, basis, lreason, ptype, pmode,
     outlet, names, _wording) = row  # fmt: skip
    event = Event(
        event_id=extracted, event_type=etype, sub_event_type=sub, actor1=a1, actor2=a2,
        assoc_actors=tuple(assoc), date_start=_day(start), date_end=_day(end), time_precision=prec,
        location=loc, admin1=adm, country=country, latitude=lat, longitude=lon, geo_precision=gprec,
        source=source, evidence=evidence, article_ids=(article_id,), actor1_type=a1t, actor2_type=a2t,
        fatalities=deaths, modality=modality, hedged=hedged, confidence=conf, source_via=tuple(via),
        date_basis=basis, location_reason=lreason, plover_type=ptype, plover_mode=pmode,
    )  # fmt: skip
    return Mention(mid, uid, event, outlet, tuple(names))


def footprint_from_row(row: tuple[Any, ...]) -> Footprint:
    """A row of ``FOOTPRINT_COLUMNS``, in Footprint's field order (dates may be text in older files)."""
    mid, uid, etype, a1, a2, start, end, prec, loc, adm, country, lat, lon, gprec, names, wording = row
    return Footprint(mid, uid, etype, a1, a2, _day(start), _day(end), prec, loc, adm, country, lat, lon, gprec,
                     tuple(names), tuple(wording or ()))  # fmt: skip


def event_row(merged: MergedEvent) -> list[Any]:
    e = merged.event
    return [
        e.event_id, e.event_type, e.sub_event_type, e.actor1, e.actor2, list(e.assoc_actors), e.actor1_type,
        e.actor2_type, e.date_start, e.date_end, e.time_precision, e.location, e.admin1, e.country,
        e.latitude, e.longitude, e.geo_precision, e.source, e.fatalities, merged.fatalities_max,
        list(merged.sources), merged.source_count, list(e.article_ids), len(merged.mention_ids),
        *merged_fields(e),
    ]  # fmt: skip


def merged_fields(e: Event) -> list[Any]:
    """The values of ``MERGED_FIELD_COLUMNS`` of an event."""
    return [e.modality, e.hedged, e.confidence, e.date_basis, e.location_reason, e.plover_type, e.plover_mode,
            list(e.source_via)]  # fmt: skip


def event_details(merged: MergedEvent) -> list[Any]:
    """The event's mention ids and evidence, kept in its row so that a query reads one table."""
    evidence = [{"article_id": v.article_id, "start_char": v.start, "end_char": v.end, "text": v.text}
                for v in merged.event.evidence]  # fmt: skip
    return [list(merged.mention_ids), evidence]


def evidence_from(items: list[dict[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(Evidence(v["article_id"], v["start_char"], v["end_char"], v["text"]) for v in items or ())


def merged_from_row(
    row: tuple[Any, ...], mention_ids: tuple[str, ...], evidence: tuple[Evidence, ...]
) -> MergedEvent:
    (eid, etype, sub, a1, a2, assoc, a1t, a2t, start, end, prec, loc, adm, country, lat, lon, gprec, source,
     fmin, fmax, sources, _count, article_ids, _mentions, modality, hedged, conf, basis, lreason, ptype, pmode,
     via) = row  # fmt: skip
    event = Event(
        event_id=eid, event_type=etype, sub_event_type=sub, actor1=a1, actor2=a2, assoc_actors=tuple(assoc),
        date_start=_day(start), date_end=_day(end), time_precision=prec, location=loc, admin1=adm,
        country=country, latitude=lat, longitude=lon, geo_precision=gprec, source=source, evidence=evidence,
        article_ids=tuple(article_ids), actor1_type=a1t, actor2_type=a2t, fatalities=fmin, modality=modality,
        hedged=hedged, confidence=conf, date_basis=basis, location_reason=lreason, plover_type=ptype,
        plover_mode=pmode, source_via=tuple(via or ()),
    )  # fmt: skip
    return MergedEvent(event, mention_ids, tuple(sources), fmax)


def merged_from_columns(row: tuple[Any, ...]) -> MergedEvent:
    """A merged event from ``EVENT_COLUMNS, mention_ids, evidence`` (as the readers select them)."""
    return merged_from_row(row[:-2], tuple(row[-2] or ()), evidence_from(row[-1]))


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
