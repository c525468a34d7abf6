"""Which watched places an incident affects (pure).

A watch matches when the incident is in it:
- country watch: the incident's country is that country;
- airport watch: the analysis names the airport, or the incident is within the watch radius of it;
- city / UN-site watch: the incident's city is that city, or it is within the watch radius;
- point watch (a shared location pin): the incident is within the watch radius;
- a natural disaster (GDACS) has a point and no city: it reaches places within DISASTER_REACH_KM;
- the radius is the one the user chose, else the default for the place kind and the
  incident's severity (bot/chat_settings.py: a critical event matters farther away);
- an incident located only at country level (a coup, a nationwide curfew) reaches every place in
  that country when it is a military or disruption event of high severity or worse, because it
  changes the situation everywhere there.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from bot.analysis.facts import Category, Facts, Severity
from bot.chat_settings import DEFAULT_RADIUS_BY_SEVERITY_KM, default_radius_km
from bot.model import Watch

# Default radius per place kind, in km, for a medium-severity incident (see chat_settings).
DEFAULT_RADIUS_KM = {kind: table[Severity.MEDIUM] for kind, table in DEFAULT_RADIUS_BY_SEVERITY_KM.items()}
NATIONWIDE_CATEGORIES = frozenset({Category.MILITARY, Category.DISRUPTION})


@dataclass(frozen=True)
class ChatWatch(Watch):
    """A stored watch: also says whether the user chose its radius (else it follows severity)."""

    radius_custom: bool = False
    timezone: str | None = None


def effective_radius_km(watch: Watch, severity: Severity | None) -> float:
    if getattr(watch, "radius_custom", False):
        return watch.radius_km
    return default_radius_km(watch.kind, severity)


@dataclass(frozen=True)
class Match:
    watch: Watch
    distance_km: float | None  # None when matched by name (country, airport code, same city)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def match_watches(facts: Facts, watches: Iterable[Watch]) -> list[Match]:
    """The watches this incident concerns, one Match per watch."""
    if not facts.is_incident:
        return []
    return [m for w in watches if (m := _match_one(facts, w)) is not None]


def _match_one(facts: Facts, watch: Watch) -> Match | None:
    if watch.kind == "country":
        return Match(watch, None) if facts.country and facts.country == watch.country else None
    if watch.kind == "airport" and watch.key in facts.airports:
        return Match(watch, None)
    if watch.kind == "city" and facts.geonameid is not None and str(facts.geonameid) == watch.key:
        return Match(watch, None)
    if watch.kind == "un_site" and watch.key in facts.un_sites:
        return Match(watch, None)
    located = facts.city is not None or facts.category is Category.DISASTER  # a disaster has a point, not a city
    if located and facts.lat is not None and facts.lon is not None and watch.lat is not None and watch.lon is not None:
        distance = haversine_km(facts.lat, facts.lon, watch.lat, watch.lon)
        return Match(watch, distance) if distance <= _reach_km(facts, watch) else None
    if facts.city is None and _is_nationwide(facts) and facts.country == watch.country:
        return Match(watch, None)
    return None


# An earthquake, cyclone or flood affects a region, not a street: an Orange or Red GDACS alert
# concerns places this far from its point, or the watch's own radius when that is larger.
DISASTER_REACH_KM = {Severity.HIGH: 150.0, Severity.CRITICAL: 300.0}


def _reach_km(facts: Facts, watch: Watch) -> float:
    radius = effective_radius_km(watch, facts.severity)
    if facts.category is Category.DISASTER and facts.severity is not None:
        radius = max(radius, DISASTER_REACH_KM.get(facts.severity, 0.0))
    return radius


def _is_nationwide(facts: Facts) -> bool:
    return (
        facts.category in NATIONWIDE_CATEGORIES
        and facts.severity is not None
        and facts.severity.rank >= Severity.HIGH.rank
    )
