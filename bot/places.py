"""Turn what a user typed after /watch into a place, or a helpful answer (pure)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.analysis.facts import Place

MAX_PLACE_CHARS = 100
# When the most populous candidate dwarfs the next one ("Paris" vs Paris, Texas), take it.
DOMINANT_POPULATION_RATIO = 10


class PlaceIndex(Protocol):
    def search(self, query: str, limit: int = 8) -> list[Place]: ...
    def suggest(self, query: str, limit: int = 5) -> list[str]: ...


@dataclass(frozen=True)
class Resolved:
    place: Place


@dataclass(frozen=True)
class Ambiguous:
    query: str
    options: tuple[Place, ...]


@dataclass(frozen=True)
class Unknown:
    query: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class Invalid:
    reason: str


Resolution = Resolved | Ambiguous | Unknown | Invalid


# pycountry's names read like index entries ("Congo, The Democratic Republic of the"); a watch is shown
# by the name people use. common_name covers most ("Iran", "Syria"); these have none.
_COUNTRY_NAMES = {"CD": "DR Congo", "CG": "Republic of the Congo", "RU": "Russia", "PS": "Palestine",
                  "FM": "Micronesia", "VA": "Vatican City"}


def country_name(iso2: str | None, fallback: str | None = None) -> str | None:
    """The short name people use for a country ("DR Congo", "Iran", "Venezuela")."""
    if not iso2:
        return fallback
    if iso2 in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[iso2]
    from pycountry import countries  # local: pycountry's import is slow-ish

    c = countries.get(alpha_2=iso2)
    if c is None:
        return fallback or iso2
    return str(getattr(c, "common_name", None) or c.name)


def label(place: Place) -> str:
    """'Bamako, Mali', 'DR Congo', 'Kinshasa, DR Congo': how a place is shown and stored for a chat."""
    if place.kind == "country":
        return country_name(place.key if len(place.key) == 2 else place.country, place.name) or place.name
    if not place.country:
        return place.name
    return f"{place.name}, {country_name(place.country)}"


def clean_query(raw: str) -> str:
    """Collapse whitespace and drop control characters from user input."""
    return " ".join("".join(ch for ch in raw if ch.isprintable() or ch == " ").split())


def resolve_place(raw: str, index: PlaceIndex) -> Resolution:
    query = clean_query(raw)
    if not query:
        return Invalid("Tell me which place, e.g. /watch Bamako, /watch BKO or /watch Tripoli, LY.")
    if len(query) > MAX_PLACE_CHARS:
        return Invalid(f"That name is too long: place names have at most {MAX_PLACE_CHARS} characters.")
    found = _distinct(index.search(query, limit=8) or _airport_named(query, index))
    if not found:
        return Unknown(query, tuple(index.suggest(query, limit=5)))
    countries = [p for p in found if p.kind == "country"]
    if found[0].kind == "country" and len(countries) > 1:  # "Congo": the Republic or the DRC?
        return Ambiguous(query, tuple(countries[:6]))
    own_towns = [p for p in found if p.kind == "city" and p.country == found[0].country]
    if found[0].kind == "country" and own_towns:  # "Gaza", "Djibouti": the city, or the whole country?
        if "," in query:  # "Gaza, PS": a name with its country is a town's
            return Resolved(own_towns[0])
        return Ambiguous(query, tuple([found[0], *own_towns][:6]))
    if len(found) == 1 or _is_dominant(found) or found[0].kind in ("airport", "country", "un_site"):
        return Resolved(found[0])
    return Ambiguous(query, tuple(found[:6]))


def pick(query: str, key: str, index: PlaceIndex) -> Place | None:
    """The place with this key among what `query` finds (a tap on one of the Ambiguous options)."""
    query = clean_query(query)
    if not query or len(query) > MAX_PLACE_CHARS:
        return None
    return next((p for p in index.search(query, limit=8) or _airport_named(query, index) if p.key == key), None)


def _distinct(found: Sequence[Place]) -> list[Place]:
    """One option per label: two towns both shown as "San Jose, Philippines" are no choice a user can make
    (the first, the most populous, stays)."""
    seen: set[str] = set()
    out = []
    for place in found:
        if place.label not in seen:
            seen.add(place.label)
            out.append(place)
    return out


def _airport_named(query: str, index: PlaceIndex) -> list[Place]:
    """An airport by its name without the word "airport" ("Modibo Keita", "Jomo Kenyatta")."""
    if query.casefold().endswith(("airport", "aeroport", "aéroport")):
        return []
    return [p for p in index.search(f"{query} airport", limit=8) if p.kind == "airport"][:1]


def _is_dominant(found: Sequence[Place]) -> bool:
    first, second = found[0], found[1]
    return first.population >= DOMINANT_POPULATION_RATIO * max(1, second.population)
