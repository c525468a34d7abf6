"""UK FCDO foreign travel advice: the Atom feed of updates and the Content API per country (pure).

The Atom feed says which countries changed; the Content API's details.alert_status says
what the FCDO advises against now, which is the 'level' compared between polls.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from bot.sources.advisories_us import AdvisoryLevel, AdvisoryParseError
from bot.sources.countries import alpha2_from_name
from bot.sources.htmltext import one_line
from bot.sources.rss import _published
from bot.sources.xmlsafe import parse_feed

# alert_status values, and how far each goes: the highest one is the country's level.
ALERT_STATUS = {
    "avoid_all_but_essential_travel_to_parts": (2, "FCDO advises against all but essential travel to parts of the country"),
    "avoid_all_travel_to_parts": (3, "FCDO advises against all travel to parts of the country"),
    "avoid_all_but_essential_travel_to_whole_country": (3, "FCDO advises against all but essential travel to the whole country"),
    "avoid_all_travel_to_whole_country": (4, "FCDO advises against all travel to the whole country"),
}
NO_ALERT = (1, "No FCDO advice against travel")
PATH_PREFIX = "/foreign-travel-advice/"


@dataclass(frozen=True)
class UkUpdate:
    slug: str  # "mali"
    name: str  # "Mali"
    updated: datetime
    url: str  # the page a person reads


def parse_uk_atom(body: bytes, *, fetched_at: datetime) -> list[UkUpdate]:
    """Countries updated, newest first. :raises AdvisoryParseError:"""
    feed = parse_feed(body, what="the FCDO travel advice Atom feed")
    if feed.error:
        raise AdvisoryParseError(feed.error)
    entries = feed.entries
    updates: dict[str, UkUpdate] = {}
    for entry in entries:
        link = str(entry.get("link") or "")
        path = urlsplit(link).path
        if not path.startswith(PATH_PREFIX):
            continue
        slug = path[len(PATH_PREFIX):].strip("/").split("/")[0]
        title = one_line(entry.get("title") or "")
        name = title.removesuffix(" travel advice").strip() or slug.replace("-", " ").title()
        update = UkUpdate(slug, name, _published(entry, fetched_at), link)
        if slug and (slug not in updates or updates[slug].updated < update.updated):
            updates[slug] = update
    return sorted(updates.values(), key=lambda u: u.updated, reverse=True)


def content_api_url(feed_url: str, slug: str) -> str:
    """https://www.gov.uk/api/content/foreign-travel-advice/{slug}, on the feed's host."""
    return urljoin(feed_url, f"/api/content{PATH_PREFIX}{slug}")


def parse_uk_content(body: bytes, *, update: UkUpdate) -> AdvisoryLevel:
    """One country's advice. :raises AdvisoryParseError:"""
    try:
        data = json.loads(body)
        details = data["details"]
    except (ValueError, KeyError, TypeError):
        raise AdvisoryParseError(f"FCDO content for {update.slug}: not a travel advice document") from None
    statuses = [s for s in details.get("alert_status") or [] if s in ALERT_STATUS]
    level, label = max((ALERT_STATUS[s] for s in statuses), default=NO_ALERT)
    if len(statuses) > 1:  # "against all travel to parts and all but essential travel to the rest"
        parts = [ALERT_STATUS[s][1].removeprefix("FCDO advises ") for s in sorted(statuses, key=lambda s: -ALERT_STATUS[s][0])]
        label = "FCDO advises " + " and ".join(parts)
    name = _country_name(details) or update.name
    country = alpha2_from_name(name) or alpha2_from_name(update.name)
    if country is None:
        raise AdvisoryParseError(f"FCDO content for {update.slug}: unknown country {name!r}")
    return AdvisoryLevel(
        country=country,
        name=name,
        level=level,
        label=label,
        url=update.url,
        updated=_time(data.get("public_updated_at")) or update.updated,
        change_note=one_line(str(details.get("change_description") or ""))[:500],
    )


def _country_name(details: Any) -> str | None:
    country = details.get("country")
    return str(country.get("name")) if isinstance(country, dict) and country.get("name") else None


def _time(value: Any) -> datetime | None:
    try:
        when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
