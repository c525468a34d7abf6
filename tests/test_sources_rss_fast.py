"""The fast RSS 2.0 path decides exactly as feedparser does, or declines and leaves it to feedparser."""
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.sources.rss import _article_from_entry
from bot.sources.rss_fast import parse_rss2
from bot.sources.xmlsafe import parse_feed

SOURCES = Path(__file__).parent / "fixtures" / "sources"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def articles(entries: list) -> list:  # type: ignore[type-arg]
    return [_article_from_entry(e, source="S", fetched_at=NOW, language=None) for e in entries]


@pytest.mark.parametrize("name", sorted(p.name for p in SOURCES.glob("*.xml")))
def test_same_articles_as_feedparser_or_declined(name: str) -> None:
    body = (SOURCES / name).read_bytes()
    fast = parse_rss2(body)
    if fast is None:
        return  # declined: feedparser reads it
    assert articles(fast[0]) == articles(parse_feed(body).entries)


@pytest.mark.parametrize("body", [
    b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>',  # Atom
    b"<rss><channel><item><title>a &nbsp; b</title></item></channel></rss>",  # an HTML entity
    b"<rss><channel><item><title>unclosed",  # malformed
    b"<rss><channel><item><title>x</title><pubDate>someday</pubDate></item></channel></rss>",  # odd date
    b"<!doctype html><html><body>hi</body></html>",
])
def test_anything_unusual_is_left_to_feedparser(body: bytes) -> None:
    assert parse_rss2(body) is None


def test_plain_rss2_with_content_encoded_and_language() -> None:
    body = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            b'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><language>fr-FR</language>'
            b"<item><title>Attaque &#224; Bamako</title><link>https://x.example/a</link>"
            b"<description>Court.</description><content:encoded><![CDATA[<p>Texte long de l'article.</p>]]>"
            b"</content:encoded><pubDate>Tue, 24 Nov 2026 10:00:00 +0100</pubDate></item></channel></rss>")
    fast = parse_rss2(body)
    assert fast is not None
    entries, channel = fast
    assert channel == {"language": "fr-FR"}
    assert articles(entries) == articles(parse_feed(body).entries)
    (article,) = articles(entries)
    assert article.title == "Attaque à Bamako" and article.text == "Texte long de l'article."
    assert article.published == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
