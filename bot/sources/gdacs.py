"""GDACS disaster alerts (GeoRSS): structured facts, no text analysis.

Each item carries its alert level (Green/Orange/Red), event type, ISO3 country and point,
so it becomes an Article with ready Facts: category disaster, severity from the alert
level, country and coordinates. Only Orange and Red earthquakes, cyclones, floods,
volcanoes and tsunamis are incidents; Green is noise and is stored without alerting.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.analysis.facts import Category, Facts, Severity
from bot.model import Article
from bot.sources.base import Batch, SourceContext, failed
from bot.sources.countries import alpha2_from_alpha3, country_name
from bot.sources.htmltext import html_to_text, one_line
from bot.sources.rss import ParsedFeed, _published
from bot.sources.urls import canonical_url
from bot.sources.xmlsafe import parse_feed

SEVERITY_BY_ALERT = {"red": Severity.CRITICAL, "orange": Severity.HIGH, "green": Severity.LOW}
ALERTED_LEVELS = frozenset({"orange", "red"})
EVENT_TYPES = {"EQ": "Earthquake", "TC": "Tropical cyclone", "FL": "Flood", "VO": "Volcano", "TS": "Tsunami",
               "DR": "Drought", "WF": "Wildfire"}
ALERTED_TYPES = frozenset({"EQ", "TC", "FL", "VO", "TS"})  # sudden events a traveller must react to


def parse_gdacs(body: bytes, *, source: str, fetched_at: datetime) -> ParsedFeed:
    feed = parse_feed(body, what="a GDACS RSS feed")
    if feed.error:
        return ParsedFeed([], error=feed.error)
    entries = feed.entries
    articles = [a for e in entries if (a := _article(e, source=source, fetched_at=fetched_at)) is not None]
    return ParsedFeed(articles)


def facts_of(entry: Any) -> Facts:
    """The structured facts of one GDACS item."""
    level = str(entry.get("gdacs_alertlevel") or "").strip().lower()
    event = str(entry.get("gdacs_eventtype") or "").strip().upper()
    country = alpha2_from_alpha3(_first_iso3(entry.get("gdacs_iso3")))
    lat, lon = _point(entry)
    summary = html_to_text(entry.get("summary") or "")
    key_facts = [f"GDACS alert level: {level.title()}"] if level else []
    if event in EVENT_TYPES:
        key_facts.append(f"Event: {EVENT_TYPES[event]} {entry.get('gdacs_eventname') or ''}".strip())
    return Facts(
        is_incident=level in ALERTED_LEVELS and event in ALERTED_TYPES,
        category=Category.DISASTER,
        severity=SEVERITY_BY_ALERT.get(level),
        severity_reason=f"GDACS {level.title()} alert" if level else None,
        country=country,
        country_name=country_name(country) or (str(entry.get("gdacs_country") or "") or None),
        lat=lat,
        lon=lon,
        summary=summary[:600],
        key_facts=tuple(key_facts),
        language="en",
    )


def _article(entry: Any, *, source: str, fetched_at: datetime) -> Article | None:
    title = one_line(entry.get("title") or "")
    link = entry.get("link") or ""
    if not title or not link:
        return None
    facts = facts_of(entry)
    return Article(
        source=source,
        # The alert level is part of the identity: an Orange event turning Red is news, not a repeat.
        url=_with_level(canonical_url(link), entry),
        title=title,
        text=facts.summary,
        published=_published(entry, fetched_at),
        language="en",
        facts=facts,
    )


def _with_level(url: str, entry: Any) -> str:
    level = str(entry.get("gdacs_alertlevel") or "").strip().lower()
    if not level:
        return url
    return f"{url}{'&' if '?' in url else '?'}alertlevel={level}"


def _first_iso3(value: Any) -> str | None:
    """gdacs:iso3 is one code, or several separated by commas for events across borders."""
    text = str(value or "").replace(";", ",")
    return next((c.strip() for c in text.split(",") if c.strip()), None)


def _point(entry: Any) -> tuple[float | None, float | None]:
    """georss:point is 'lat lon'; feedparser exposes it as a GeoJSON 'where' (lon, lat)."""
    where = entry.get("where") or {}
    coords = where.get("coordinates") if isinstance(where, dict) else None
    try:
        if coords and where.get("type") == "Point":
            return float(coords[1]), float(coords[0])
        return float(entry["geo_lat"]), float(entry["geo_long"])
    except (KeyError, TypeError, ValueError, IndexError):
        return None, None


async def collect_gdacs(ctx: SourceContext) -> Batch:
    result = await ctx.get(ctx.source.url, conditional=True, accept="application/rss+xml, application/xml;q=0.9")
    early = failed(result)
    if early is not None:
        return early
    parsed = parse_gdacs(result.body, source=ctx.source.name, fetched_at=ctx.now)
    return Batch(parsed.articles, error=parsed.error, validators=result.validators)
