"""ingest: plain-text articles, JSON Lines corpora and HTML pages become Articles with metadata."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from eventscope.ingest import read_inputs
from eventscope.records import Article, Rejected

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _one(path: Path, **kwargs: object) -> Article:
    items = list(read_inputs([str(path)], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_plain_text_gives_title_dateline_byline_and_agencies() -> None:
    article = _one(FIXTURES / "wire.txt")
    assert article.title == "Rebels seize border town after heavy fighting"
    assert article.published == datetime(2019, 6, 5, 14, 30, tzinfo=UTC)
    assert article.authors == ("Jane Doe", "John Roe")
    assert set(article.agencies) == {"Reuters", "AFP"}


def test_captions_byline_and_boilerplate_are_blanked_but_offsets_kept() -> None:
    article = _one(FIXTURES / "wire.txt")
    body = article.nlp_text
    assert len(body) == len(article.text)
    assert "(AFP/File)" not in body and "Subscribe" not in body and "By Jane Doe" not in body
    start = article.text.index("Rebel fighters seized")
    assert body[start:start + 21] == "Rebel fighters seized"
    reasons = sorted(d.reason for d in article.dropped)
    assert reasons == ["boilerplate", "boilerplate", "byline", "caption", "caption", "dateline", "title"]


def test_published_option_is_used_only_when_the_text_has_no_dateline(tmp_path: Path) -> None:
    given = datetime(2020, 1, 2, tzinfo=UTC)
    plain = tmp_path / "plain.txt"
    plain.write_text("Police arrested ten protesters in the capital on Monday, officials said.\n")
    assert _one(plain, published=given).published == given
    assert _one(FIXTURES / "wire.txt", published=given).published == datetime(2019, 6, 5, 14, 30, tzinfo=UTC)


def test_jsonl_corpus_gives_one_article_per_line_with_its_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "a1", "text": "Troops clashed with rebels.", "published": "2021-03-04"},
            {"id": "a2", "text": "Protesters marched in the city.", "title": "March", "url": "http://x.test/2"}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    first, second = list(read_inputs([str(corpus)]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.article_id == "a1" and first.published == datetime(2021, 3, 4, tzinfo=UTC)
    assert second.title == "March" and second.url == "http://x.test/2" and second.dropped == ()


def test_html_page_is_read_with_trafilatura(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = "Gunmen attacked a police station in the north of the country on Sunday, officials said. " * 5
    page.write_text(f"<html><head><title>Attack on police</title></head><body><nav>Home | World</nav>"
                    f"<article><h1>Attack on police</h1><p>{body}</p></article></body></html>")
    article = _one(page)
    assert "Gunmen attacked a police station" in article.text
    assert "Home | World" not in article.text


SHARED = "<p>Drivers said a column of lorries crossed the river at first light and turned north to the old mill.</p>"


def _page(path: Path, *paragraphs: str) -> Path:
    path.write_text(f"<html><head><title>Convoy</title></head><body><article>{''.join(paragraphs)}</article></body></html>")
    return path


def test_a_page_read_again_and_again_in_one_process_gives_the_same_article_each_time(tmp_path: Path) -> None:
    page = _page(tmp_path / "page.html", *(SHARED.replace("first light", f"first light on day {i}") for i in range(4)))
    first = _one(page)
    assert [_one(page) for _ in range(5)] == [first] * 5


def test_a_page_keeps_a_paragraph_that_pages_read_before_it_carried_too(tmp_path: Path) -> None:
    wire = "<p>The lorries carried flour and fuel for the villages beyond the mill, the drivers said on day {}.</p>"
    for name in ("a", "b", "c", "later"):  # long enough for trafilatura's main pass (no fallback)
        article = _one(_page(tmp_path / f"{name}.html", SHARED, *(wire.format(f"{name}{j}") for j in range(4))))
    assert "a column of lorries crossed the river" in article.text and "on day later3" in article.text


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Rebels attacked an army post.\n")
    (tmp_path / "1.txt").write_text("Police arrested a journalist.\n")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.article_id for i in items if isinstance(i, Article)] == ["1.txt", "2.txt"]
    assert not [i for i in items if isinstance(i, Rejected)]


def test_an_article_listed_twice_with_the_same_id_and_text_is_read_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "a1", "text": "Troops clashed with rebels."}, {"id": "a1", "text": "Troops clashed with rebels."},
            {"id": "a1", "text": "Rebels withdrew from the town."}, {"id": "a2", "text": "Troops clashed with rebels."}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    read = [a for a in read_inputs([str(corpus)]) if isinstance(a, Article)]
    assert [(a.article_id, a.text) for a in read] == [(r["id"], r["text"]) for r in (rows[0], *rows[2:])]
