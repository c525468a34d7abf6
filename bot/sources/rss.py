"""RSS 0.9x/1.0/2.0 and Atom feeds: bytes in, Articles out (pure).

Plain RSS 2.0 takes a fast path (rss_fast.py); everything else goes through feedparser.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.model import Article
from bot.sources.base import Batch, SourceContext, failed
from bot.sources.htmltext import html_to_text, one_line
from bot.sources.rss_fast import parse_rss2
from bot.sources.urls import canonical_url
from bot.sources.xmlsafe import Feed, entity_declaration_error, parse_feed

MAX_ITEMS_PER_FEED = 500  # a feed of 10,000 items is a broken or hostile feed: keep the newest slice


@dataclass(frozen=True)
class ParsedFeed:
    articles: list[Article]
    error: str | None = None  # set when the payload is not a usable feed


def parse_rss(body: bytes, *, source: str, fetched_at: datetime, language: str | None = None) -> ParsedFeed:
    """Parse bytes (so the XML declaration decides the encoding) into Articles.

    Malformed feeds that still yield entries are used; ones that yield none
    come back with an error naming what is wrong.
    """
    fast = parse_rss2(body) if entity_declaration_error(body) is None else None
    feed = Feed(*fast) if fast is not None else parse_feed(body)
    if feed.error or not feed.entries:
        return ParsedFeed([], error=feed.error)
    entries = feed.entries
    feed_language = language or _short_language(feed.channel.get("language"))
    articles = []
    urls: set[str] = set()
    for entry in entries[:MAX_ITEMS_PER_FEED]:
        article = _article_from_entry(entry, source=source, fetched_at=fetched_at, language=feed_language)
        if article is None or (article.url and article.url in urls):  # duplicate GUIDs and links: once
            continue
        urls.add(article.url)
        articles.append(article)
    return ParsedFeed(articles)


async def collect_rss(ctx: SourceContext) -> Batch:
    result = await ctx.get(ctx.source.url, conditional=True,
                           accept="application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
    early = failed(result)
    if early is not None:
        return early
    parsed = parse_rss(result.body, source=ctx.source.name, fetched_at=ctx.now, language=ctx.source.language)
    return Batch(parsed.articles, error=parsed.error, validators=result.validators)


def _article_from_entry(entry: Any, *, source: str, fetched_at: datetime, language: str | None) -> Article | None:
    title = one_line(entry.get("title") or "")
    summary = entry.get("summary") or entry.get("description") or ""
    content = entry.get("content") or []
    if content and isinstance(content, list):
        longest = max((c.get("value") or "" for c in content), key=len)
        if len(longest) > len(summary):
            summary = longest
    text = html_to_text(summary)
    link = entry.get("link") or _guid_link(entry)
    if not title and not text:
        return None
    return Article(
        source=source,
        url=canonical_url(link) if link else "",
        title=title,
        text=text,
        published=_published(entry, fetched_at),
        language=language,
    )


def _guid_link(entry: Any) -> str:
    guid = entry.get("id") or ""
    return guid if guid.startswith(("http://", "https://")) else ""


def _published(entry: Any, fetched_at: datetime) -> datetime:
    """The item's time in UTC; the fetch time when absent or in the future."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                when = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
            return min(when, fetched_at)
    return fetched_at


def _short_language(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().split("-")[0].split("_")[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None
