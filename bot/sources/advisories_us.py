"""US State Department travel advisories RSS (TAsTWs.xml): one item per country, its level (pure)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.sources.countries import alpha2_from_alpha3, alpha2_from_name, country_name
from bot.sources.rss import _published
from bot.sources.urls import canonical_url
from bot.sources.xmlsafe import parse_feed

_LEVEL = re.compile(r"Level\s+([1-4])\s*:\s*([^<\n]+)", re.IGNORECASE)
_ISO3_IN_LINK = re.compile(r"destination\.([a-z]{3})\.html", re.IGNORECASE)
_TAGS_FILE = Path(__file__).resolve().parent.parent / "data" / "us_country_tags.json"


@dataclass(frozen=True)
class AdvisoryLevel:
    """One country's current advisory from one provider."""

    country: str  # ISO 3166-1 alpha-2
    name: str
    level: int  # 1 (lowest) .. 4 (do not travel)
    label: str  # what the provider calls it: "Level 4: Do Not Travel"
    url: str
    updated: datetime | None
    change_note: str = ""  # the provider's own summary of the change, when it gives one


class AdvisoryParseError(Exception):
    pass


def parse_us_advisories(body: bytes, *, fetched_at: datetime) -> list[AdvisoryLevel]:
    """:raises AdvisoryParseError: when the payload is not the advisories feed."""
    feed = parse_feed(body, what="the travel advisories RSS feed")
    if feed.error:
        raise AdvisoryParseError(feed.error)
    entries = feed.entries
    levels = []
    for entry in entries:
        level = _entry_level(entry, fetched_at=fetched_at)
        if level is not None:
            levels.append(level)
    return levels


def _entry_level(entry: Any, *, fetched_at: datetime) -> AdvisoryLevel | None:
    title = str(entry.get("title") or "")
    tags = {str(t.get("scheme") or ""): str(t.get("term") or "") for t in entry.get("tags") or []}
    match = _LEVEL.search(tags.get("Threat-Level", "")) or _LEVEL.search(title)
    if not match:
        return None
    name = title.split(" - Level")[0].strip() or title
    link = str(entry.get("link") or "")
    country = _country(link, name, tags.get("Country-Tag", ""))
    if country is None:
        return None
    level = int(match.group(1))
    return AdvisoryLevel(
        country=country,
        name=country_name(country) if name == title else name,
        level=level,
        label=f"Level {level}: {match.group(2).strip()}",
        url=canonical_url(link) if link else "",
        updated=_published(entry, fetched_at),  # a date without time: 00:00 UTC
    )


def _country(link: str, name: str, tag: str) -> str | None:
    """From the link's ISO3 (most reliable), the name, then the FIPS-like Country-Tag."""
    found = _ISO3_IN_LINK.search(link)
    return (
        (alpha2_from_alpha3(found.group(1)) if found else None)
        or alpha2_from_name(name)
        or _fips_to_iso().get(tag.strip().upper())
    )


_FIPS: dict[str, str] = {}


def _fips_to_iso() -> dict[str, str]:
    if not _FIPS:
        _FIPS.update(json.loads(_TAGS_FILE.read_text(encoding="utf-8"))["fips_to_iso"])
    return _FIPS
