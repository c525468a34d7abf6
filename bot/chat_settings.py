"""A chat's preferences and the pure decisions made from them.

- which incidents a chat wants (severity minimum, muted kinds, /mute), applied when
  deliveries are planned: `wants(settings, facts, now)`;
- whether a message goes out silently (quiet hours, in the chat's time zone, except critical);
- default radius per place kind and severity.
"""
from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.analysis.facts import Category, Facts, Severity

# Radius (km) within which an incident of each severity concerns a watched place, by kind,
# when the user did not choose one. Like travel-risk services: a critical event (a coup attempt,
# a mass-casualty bombing) matters well beyond the city limits; a minor one only nearby.
DEFAULT_RADIUS_BY_SEVERITY_KM: dict[str, dict[Severity, float]] = {
    "city": {Severity.LOW: 15, Severity.MEDIUM: 30, Severity.HIGH: 50, Severity.CRITICAL: 100},
    "airport": {Severity.LOW: 10, Severity.MEDIUM: 25, Severity.HIGH: 40, Severity.CRITICAL: 80},
    "un_site": {Severity.LOW: 10, Severity.MEDIUM: 25, Severity.HIGH: 40, Severity.CRITICAL: 80},
    "point": {Severity.LOW: 10, Severity.MEDIUM: 25, Severity.HIGH: 40, Severity.CRITICAL: 80},
    "country": dict.fromkeys(Severity, 0.0),
}
MIN_RADIUS_KM, MAX_RADIUS_KM = 1, 500
ALERT_CATEGORIES = tuple(c for c in Category if c is not Category.NONE)


def default_radius_km(kind: str, severity: Severity | None = None) -> float:
    """The radius shown for a place (medium severity) or used for an incident of `severity`."""
    table = DEFAULT_RADIUS_BY_SEVERITY_KM.get(kind, DEFAULT_RADIUS_BY_SEVERITY_KM["city"])
    return table[severity or Severity.MEDIUM]


@dataclass(frozen=True)
class ChatSettings:
    chat_id: int
    min_severity: Severity | None = None
    muted_categories: frozenset[Category] = frozenset()
    muted_until: datetime | None = None
    quiet_start: time | None = None
    quiet_end: time | None = None
    timezone: str | None = None  # effective: the chat's own, else its first watched place's
    map_pins: bool = True

    def is_muted(self, now: datetime) -> bool:
        return self.muted_until is not None and now < self.muted_until


def wants(settings: ChatSettings | None, facts: Facts, now: datetime) -> bool:
    """Does this chat want an alert for this incident? (No settings: everything.)"""
    if settings is None:
        return True
    return not settings.is_muted(now) and passes_filters(settings, facts)


def passes_filters(settings: ChatSettings | None, facts: Facts) -> bool:
    """Severity minimum and muted kinds (not /mute): also what /recent and digests show."""
    if settings is None:
        return True
    if facts.category in settings.muted_categories:
        return False
    rank = facts.severity.rank if facts.severity else 0
    return settings.min_severity is None or rank >= settings.min_severity.rank


@lru_cache(maxsize=1024)  # ZoneInfo keeps only 8 zones strongly: an alert's chats span many more
def zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Europe" is a directory of zones
        return None


_ODD_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2}):?(30|45)$", re.IGNORECASE)
_ODD_OFFSETS = {"+3:30": "Asia/Tehran", "+4:30": "Asia/Kabul", "+5:30": "Asia/Kolkata", "+5:45": "Asia/Kathmandu",
                "+6:30": "Asia/Yangon", "+9:30": "Australia/Darwin", "-3:30": "America/St_Johns"}
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(00))?$", re.IGNORECASE)


@cache
def _zones_by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def find_zone(text: str) -> str | None:
    """The IANA name a user means: 'Europe/Paris', 'europe/paris', 'utc', 'UTC+3' (Etc/GMT-3), 'GMT-5'."""
    text = " ".join(text.split())
    if not text or len(text) > 64:
        return None
    m = _ODD_OFFSET.match(text)
    if m:  # no Etc/GMT zone has half hours: the zone of the country that keeps that offset
        return _ODD_OFFSETS.get(f"{m.group(1)}{int(m.group(2))}:{m.group(3)}")
    m = _OFFSET.match(text)
    if m:
        hours = int(m.group(2))
        if hours == 0:
            return "UTC"
        if hours <= 14:  # POSIX signs: Etc/GMT-3 is three hours ahead of UTC
            return f"Etc/GMT{'-' if m.group(1) == '+' else '+'}{hours}"
        return None
    found = _zones_by_folded_name().get(text.replace(" ", "_").casefold()) or _ABBREVIATIONS.get(text.upper())
    return found if found and zone(found) is not None else None


# Abbreviations people use for their zone that name no IANA zone ("EST", "CET", "GMT" do). Only those that mean
# one offset where the bot's users are: "AST" (Arabia or Atlantic?) and "BST" (British or Bangladesh?) are not here.
_ABBREVIATIONS = {
    "WAT": "Africa/Lagos", "CAT": "Africa/Maputo", "EAT": "Africa/Nairobi", "SAST": "Africa/Johannesburg",
    "CEST": "Europe/Paris", "EEST": "Europe/Athens", "MSK": "Europe/Moscow", "TRT": "Europe/Istanbul",
    "IRST": "Asia/Tehran", "AFT": "Asia/Kabul", "PKT": "Asia/Karachi", "IST": "Asia/Kolkata", "NPT": "Asia/Kathmandu",
    "ICT": "Asia/Bangkok", "WIB": "Asia/Jakarta", "PHT": "Asia/Manila", "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul", "AEST": "Australia/Sydney", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "CDT": "America/Chicago", "EDT": "America/New_York",
}


def zone_region(text: str) -> list[str]:
    """A few zones of a region's name ("Africa", "america"): a user naming the region needs to pick one."""
    folded = text.strip().replace(" ", "_").casefold() + "/"
    return sorted(name for key, name in _zones_by_folded_name().items() if key.startswith(folded))[:3]


def zone_label(name: str | None) -> str:
    """How a zone is shown: 'Europe/Paris'; 'UTC+3', not the inverted 'Etc/GMT-3'."""
    if not name:
        return "UTC"
    m = re.fullmatch(r"Etc/GMT([+-])(\d{1,2})", name)
    if m:
        return f"UTC{'-' if m.group(1) == '+' else '+'}{m.group(2)}"
    return name


def local_time_line(when: datetime | None, zone_name: str | None) -> tuple[str, ...]:
    """When a report came out, in the chat's time zone (the alert's source line gives UTC): one line, or none
    for a chat on UTC. "Reported at 17:42 your time (Asia/Kabul)."; the date too when it is not UTC's."""
    tz = zone(zone_name)
    if when is None or tz is None:
        return ()
    local = when.astimezone(tz)
    if local.utcoffset() == timedelta(0):
        return ()
    day = "" if local.date() == when.astimezone(timezone.utc).date() else f" on {local.day} {local:%b}"
    return (f"Reported at {local:%H:%M}{day} your time ({zone_label(zone_name)}).",)


def in_quiet_hours(settings: ChatSettings, now: datetime) -> bool:
    """Is `now` (aware) inside the chat's quiet hours, in its time zone (UTC if unknown)?"""
    start, end = settings.quiet_start, settings.quiet_end
    if start is None or end is None or start == end:
        return False
    tz = zone(settings.timezone) or ZoneInfo("UTC")
    local = now.astimezone(tz).time().replace(tzinfo=None)
    if start < end:
        return start <= local < end
    return local >= start or local < end  # spans midnight


def silent(settings: ChatSettings | None, severity_rank: int, now: datetime) -> bool:
    """Quiet hours: deliver without sound, except critical alerts."""
    if settings is None or severity_rank >= Severity.CRITICAL.rank:
        return False
    return in_quiet_hours(settings, now)


_DURATION = re.compile(r"^\s*(\d{1,4}(?:[.,]\d{1,2})?)\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)?\s*$",
                       re.IGNORECASE)
_HOURS_MINUTES = re.compile(r"^\s*(\d{1,3})\s*(?:h|hrs?|hours?)\s*(\d{1,2})\s*(?:m|min|mins|minutes?)?\s*$", re.IGNORECASE)
MAX_MUTE = timedelta(days=30)


def parse_duration(text: str) -> timedelta | None:
    """'8h', '30m', '2d', '90 min', '1w', '1.5h', '1h30' -> timedelta; None when not understood or beyond 30 days."""
    hm = _HOURS_MINUTES.match(text or "")
    if hm:
        delta = timedelta(hours=int(hm.group(1)), minutes=int(hm.group(2)))
        return delta if timedelta(0) < delta <= MAX_MUTE else None
    m = _DURATION.match(text or "")
    if not m:
        return None
    n, unit = float(m.group(1).replace(",", ".")), (m.group(2) or "h").lower()
    delta = (timedelta(minutes=n) if unit.startswith("m") else timedelta(days=n) if unit.startswith("d")
             else timedelta(weeks=n) if unit.startswith("w") else timedelta(hours=n))
    return delta if timedelta(minutes=1) <= delta <= MAX_MUTE else None


_HHMM = re.compile(r"^([01]?\d|2[0-3])(?::|\.|h)?([0-5]\d)?$")
_AMPM = re.compile(r"^(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?m\.?$")


def parse_clock(text: str) -> time | None:
    """'22:00', '22', '22h30', '10pm', '7:30 am'."""
    text = text.strip().lower()
    m = _AMPM.match(text)
    if m:
        hour = int(m.group(1)) % 12 + (12 if m.group(3) == "p" else 0)
        return time(hour, int(m.group(2) or 0))
    m = _HHMM.match(text)
    if not m:
        return None
    return time(int(m.group(1)), int(m.group(2) or 0))


def parse_quiet(text: str) -> tuple[time, time] | None:
    """'22:00-07:00', '22-7', '22:00 07:00' -> (start, end)."""
    text = re.sub(r"(\d)\s+([ap]\.?m\b)", r"\1\2", text, flags=re.IGNORECASE)  # "10 pm"
    text = re.sub(r"^\s*from\s+", "", text, flags=re.IGNORECASE)  # "from 22 to 7"
    parts = [p for p in re.split(r"\s*[-–—]\s*|\s+to\s+|\s+", text.strip()) if p]
    if len(parts) != 2:
        return None
    start, end = parse_clock(parts[0]), parse_clock(parts[1])
    if start is None or end is None or start == end:
        return None
    return start, end


_SEVERITY_WORDS = re.compile(r"\s*(?:\+|only|and above|or above|and up|and higher|or higher)$")


def parse_severity(text: str) -> Severity | None:
    """'high', 'High', 'high+', 'high and above', 'critical only'; 'all' (every severity) is low."""
    word = _SEVERITY_WORDS.sub("", " ".join(text.lower().split()))
    if word in ("all", "any", "every", "everything", "min", "lowest"):
        return Severity.LOW
    try:
        return Severity(word)
    except ValueError:
        return None
