"""GDELT DOC 2.0 API (mode=artlist, format=json): query in, Articles out.

GDELT allows one request every 5 s per IP: every gdelt source waits at one shared gate.
Its errors (rate limit, bad query) come back as plain text, sometimes with HTTP 200.
"""
from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from bot.config import DEFAULT_GDELT_QUERY
from bot.model import Article
from bot.sources.base import Batch, SourceContext, failed
from bot.sources.htmltext import one_line
from bot.sources.languages import language_code
from bot.sources.urls import canonical_url

MIN_SECONDS_BETWEEN_REQUESTS = 5.0
RATE_LIMIT_BACKOFF_SECONDS = 60.0
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?%)\]»，。：；？！、）])")
_SPACE_AFTER_CJK = re.compile(r"([，。：；？！、（])\s+")
_SPACED_THOUSANDS = re.compile(r"(\d), (\d{3})\b")
_SPACE_AFTER = re.compile(r"([(\[«])\s+")
_SPACED_APOSTROPHE = re.compile(r"(\w)\s+'\s*(s|t|re|ve|ll|d|m)\b")


class GdeltError(Exception):
    """A plain-text error from GDELT; rate_limited says whether to back off."""

    def __init__(self, message: str, *, rate_limited: bool = False) -> None:
        super().__init__(message)
        self.rate_limited = rate_limited


def request_url(base: str, *, query: str, timespan: str, max_records: int) -> str:
    params = {"query": query, "mode": "artlist", "format": "json", "maxrecords": str(max_records),
              "timespan": timespan, "sort": "datedesc"}
    return f"{base}?{urlencode(params)}"


def parse_gdelt(body: bytes, *, fetched_at: datetime, source: str) -> list[Article]:
    """Articles from an artlist JSON body. :raises GdeltError: for GDELT's plain-text errors."""
    text = body.decode("utf-8", errors="replace").strip()
    if not text.startswith("{"):
        first = " ".join(text.split())[:200] or "empty response"
        limited = "limit requests" in text.lower() or "one every 5 seconds" in text.lower()
        raise GdeltError(f"GDELT: {first}", rate_limited=limited)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise GdeltError(f"GDELT: invalid JSON ({e.msg} at line {e.lineno})") from None
    if not isinstance(data, dict):
        raise GdeltError("GDELT: unexpected JSON (not an object)")
    articles = []
    for item in data.get("articles") or []:  # no 'articles' key: nothing matched
        article = _article(item, fetched_at=fetched_at, source=source)
        if article is not None:
            articles.append(article)
    return articles


def clean_title(title: str) -> str:
    """GDELT spaces out punctuation ('Chabahar Port : India ...'): put it back."""
    title = one_line(title)
    title = _SPACE_BEFORE.sub(r"\1", title)
    title = _SPACE_AFTER.sub(r"\1", title)
    title = _SPACE_AFTER_CJK.sub(r"\1", title)
    title = _SPACED_THOUSANDS.sub(r"\1,\2", title)
    title = _SPACED_APOSTROPHE.sub(r"\1'\2", title)
    return title


def _article(item: Any, *, fetched_at: datetime, source: str) -> Article | None:
    if not isinstance(item, dict) or not isinstance(item.get("url"), str):
        return None
    title = clean_title(str(item.get("title") or ""))
    if not title:
        return None
    domain = str(item.get("domain") or "")
    return Article(
        source=f"{source} ({domain})" if domain else source,
        url=canonical_url(item["url"]),
        title=title,
        text="",  # the artlist carries no snippet
        published=_seendate(item.get("seendate"), fetched_at),
        language=language_code(item.get("language")),
    )


def _seendate(value: Any, fetched_at: datetime) -> datetime:
    """'20260121T083000Z' (crawl time, UTC); the fetch time when absent, bad or in the future."""
    try:
        when = datetime.strptime(str(value), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return fetched_at
    return min(when, fetched_at)


async def collect_gdelt(ctx: SourceContext) -> Batch:
    src = ctx.source
    url = request_url(src.url, query=src.query or DEFAULT_GDELT_QUERY, timespan=src.timespan, max_records=src.max_records)
    async with ctx.gates.spaced("gdelt", MIN_SECONDS_BETWEEN_REQUESTS):
        result = await ctx.get(url, accept="application/json")
    early = failed(result)
    if early is not None:
        return early
    try:
        articles = parse_gdelt(result.body, fetched_at=ctx.now, source=src.name)
    except GdeltError as e:
        return Batch(error=str(e), retry_after=RATE_LIMIT_BACKOFF_SECONDS if e.rate_limited else None)
    return Batch(articles)
