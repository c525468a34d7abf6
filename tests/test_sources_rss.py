from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.sources.htmltext import html_to_text
from bot.sources.rss import parse_rss
from bot.sources.urls import canonical_url

SOURCES = Path(__file__).parent / "fixtures" / "sources"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "count"),
    [("aljazeera_all_rss.xml", 25), ("bbc_world_rss.xml", 28), ("reliefweb_updates_rss.xml", 20), ("gdacs_rss.xml", 16)],
)
def test_recorded_feeds_parse_into_articles(name: str, count: int) -> None:
    parsed = parse_rss((SOURCES / name).read_bytes(), source="S", fetched_at=NOW)
    assert parsed.error is None
    assert len(parsed.articles) == count
    for a in parsed.articles:
        assert a.title and a.url.startswith("http")
        assert a.published.tzinfo is not None and a.published <= NOW
        assert "<" not in a.title and "&#" not in a.title


def test_bbc_tracking_fragments_and_params_are_stripped() -> None:
    parsed = parse_rss((SOURCES / "bbc_world_rss.xml").read_bytes(), source="BBC", fetched_at=NOW)
    assert all("#" not in a.url and "at_medium" not in a.url for a in parsed.articles)


def test_aljazeera_entities_are_decoded() -> None:
    parsed = parse_rss((SOURCES / "aljazeera_all_rss.xml").read_bytes(), source="AJ", fetched_at=NOW)
    assert parsed.articles[0].title.startswith("‘Gone in a blink’")


def test_malformed_xml_is_an_error_not_an_exception() -> None:
    parsed = parse_rss(b"<rss><channel><title>x</title><item><title>unclosed", source="S", fetched_at=NOW)
    assert parsed.articles == [] or all(a.title for a in parsed.articles)
    garbage = parse_rss(b"\x00\xff not xml at all <<<", source="S", fetched_at=NOW)
    assert garbage.articles == [] and garbage.error


def test_html_page_served_as_feed_is_reported() -> None:
    parsed = parse_rss(b"<!doctype html><html><body><p>Hello</p></body></html>", source="S", fetched_at=NOW)
    assert parsed.articles == [] and "not an RSS or Atom feed" in (parsed.error or "")


def test_item_without_date_gets_fetch_time_and_future_dates_are_clamped() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>No date here at all</title><link>http://a.example/1</link></item>"
        b"<item><title>From the future</title><link>http://a.example/2</link>"
        b"<pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item></channel></rss>"
    )
    a, b = parse_rss(feed, source="S", fetched_at=NOW).articles
    assert a.published == NOW and b.published == NOW


def test_html_and_script_in_titles_become_text() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        b"<title>&lt;b&gt;Blast&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;in Kabul</title>"
        b"<description>&lt;p&gt;Two &amp;amp; more&lt;/p&gt;</description>"
        b"<link>http://a.example/x?utm_source=rss#frag</link></item></channel></rss>"
    )
    (a,) = parse_rss(feed, source="S", fetched_at=NOW).articles
    assert a.title == "Blast in Kabul"
    assert a.url == "http://a.example/x"


def test_atom_feed() -> None:
    feed = (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        b"<entry><title>Atom item</title><link rel=\"alternate\" href=\"https://b.example/a\"/>"
        b"<updated>2026-11-24T10:00:00+01:00</updated><summary>Sum</summary></entry></feed>"
    )
    (a,) = parse_rss(feed, source="S", fetched_at=NOW).articles
    assert a.url == "https://b.example/a"
    assert a.published == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_non_utf8_encoding_is_decoded_from_the_declaration() -> None:
    feed = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Attaque à Bamako</title><link>http://a.example/fr</link></item></channel></rss>"
    ).encode("iso-8859-1")
    (a,) = parse_rss(feed, source="S", fetched_at=NOW).articles
    assert a.title == "Attaque à Bamako"


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://WWW.BBC.com/news/x?at_medium=RSS&at_campaign=rss#0", "https://www.bbc.com/news/x"),
        ("https://example.com/a?id=3&utm_source=tw&fbclid=z", "https://example.com/a?id=3"),
        ("https://example.com:443/a?traffic_source=rss", "https://example.com/a"),
        ("http://example.com", "http://example.com/"),
        ("not a url", "not a url"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    text = html_to_text("<p>One&nbsp;two</p><script>evil()</script><p>Three &amp; four</p>")
    assert text == "One two\nThree & four"
