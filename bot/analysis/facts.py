"""The values the analysis produces: what happened, how bad, where.

These are the contract between the pure analysis core and the rest of the bot
(store, matching, Telegram). Plain frozen dataclasses, no behaviour beyond
serialisation, so every stage can pass them around and test them by value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any


class Category(str, Enum):
    """One primary kind of incident. The meaning of each is documented where the
    detection rules live (bot/analysis/categories.py)."""

    ARMED_ATTACK = "armed_attack"
    BOMBING = "bombing"
    SHOOTING = "shooting"
    KIDNAPPING = "kidnapping"
    UNREST = "unrest"
    MILITARY = "military"
    DISRUPTION = "disruption"
    CRIME = "crime"
    DISASTER = "disaster"  # natural hazards from structured sources (GDACS), never from text analysis
    NONE = "none"


class Severity(str, Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return SEVERITY_ORDER.index(self)


SEVERITY_ORDER = (Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL)


@dataclass(frozen=True)
class ArticleMeta:
    """What the source says about an item, passed through to the advisory."""

    title: str = ""
    url: str | None = None
    source: str | None = None
    published: datetime | None = None  # aware UTC


@dataclass(frozen=True)
class Facts:
    """Everything the analysis concluded about one news item.

    Unknown is None (or empty), never a guess dressed as a fact.
    """

    is_incident: bool
    category: Category = Category.NONE
    severity: Severity | None = None
    severity_reason: str | None = None  # a sentence a user can read
    city: str | None = None  # English name of the city where it happened
    country: str | None = None  # ISO 3166-1 alpha-2
    country_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None  # of the city, when known
    airports: tuple[str, ...] = ()  # IATA codes involved (scene, closed, diverted)
    un_involved: bool = False
    un_sites: tuple[str, ...] = ()  # ids of curated UN sites involved
    killed: int | None = None
    injured: int | None = None
    injured_or_killed: bool = False  # the injured count is of casualties, hurt or killed ("12 victimes")
    ongoing: bool = False
    summary: str = ""  # one or two sentences taken from the article
    key_facts: tuple[str, ...] = ()  # short lines: "Airport temporarily closed", ...
    language: str | None = None  # "en", "fr"

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Facts:
        """The inverse of to_json (unknown keys and values ignored, so stored facts survive new fields and kinds; a
        row without is_incident was an incident's)."""
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in d.items() if k in known}
        category, severity = values.get("category"), values.get("severity")
        values["category"] = Category(category) if category in Category._value2member_map_ else Category.NONE
        values["severity"] = Severity(severity) if severity in Severity._value2member_map_ else None
        for key in ("airports", "un_sites", "key_facts"):
            values[key] = tuple(values.get(key) or ())
        values.setdefault("is_incident", True)
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        # Fields are flat values: a shallow copy (asdict deep-copies, and this runs for every article).
        d = {name: getattr(self, name) for name in self.__dataclass_fields__}
        d["category"] = self.category.value
        d["severity"] = self.severity.value if self.severity else None
        d["airports"] = list(self.airports)
        d["un_sites"] = list(self.un_sites)
        d["key_facts"] = list(self.key_facts)
        return d


@dataclass(frozen=True)
class Place:
    """A place a user can watch, or a gazetteer hit."""

    kind: str  # "city" | "airport" | "country" | "un_site"
    key: str  # stable id: geonameid for a city, IATA for an airport, ISO2 for a country, site id
    name: str  # display name, e.g. "Bamako" or "Modibo Keita International Airport (BKO)"
    country: str | None  # ISO2
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def label(self) -> str:
        """'Bamako, Mali' style, for lists and buttons."""
        from pycountry import countries  # local: pycountry import is slow-ish

        if self.kind == "country" or not self.country:
            return self.name
        c = countries.get(alpha_2=self.country)
        return f"{self.name}, {c.name if c else self.country}"
