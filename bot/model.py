"""Values passed between the stages: a normalised article, a watched place, a planned delivery."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.analysis.facts import Facts


@dataclass(frozen=True)
class Article:
    """One source item, normalised: what every source type turns its items into."""

    source: str  # configured short name, e.g. "BBC World"
    url: str  # canonical: tracking parameters and fragment stripped
    title: str  # plain text
    text: str  # plain text (HTML removed)
    published: datetime  # aware UTC; first-seen time when the source has none
    language: str | None = None  # ISO 639-1 where known
    # Ready facts from a structured source (GDACS, travel advisories): ingest uses them instead of the text analysis.
    facts: Facts | None = field(default=None, compare=False)
    # Stored but never alerted: an undated item a source already had when the bot first read it.
    backlog: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Watch:
    """A place a chat watches (a row of the watches table)."""

    chat_id: int
    kind: str  # "city" | "airport" | "country" | "un_site"
    key: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    radius_km: float
