"""Turn what a user typed after /watch into a place, or a helpful answer (pure)."""
from __future__ import annotations

import re
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


def country_name(iso2: str | None, fallback: str | None = None) -> str | None:
    """The short name people use for a country ("DR Congo", "Iran", "Venezuela"): the curated short names
    (bot/data/countries.json, as alerts show them), else pycountry's common name."""
    if not iso2:
        return fallback
    from bot.analysis.gazetteer import display_country_names

    if (short := display_country_names().get(iso2)) is not None:
        return short
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
    """Collapse whitespace (a line break too: "Bamako\nMali" is not "BamakoMali") and drop control characters."""
    return " ".join("".join(ch if ch.isprintable() else " " if ch.isspace() else "" for ch in raw).split())


def resolve_place(raw: str, index: PlaceIndex) -> Resolution:
    query = clean_query(raw)
    if not query:
        return Invalid("Tell me which place, e.g. /watch Bamako, /watch BKO or /watch Tripoli, LY.")
    if len(query) > MAX_PLACE_CHARS:
        return Invalid(f"That name is too long: place names have at most {MAX_PLACE_CHARS} characters.")
    coordinates = _COORDINATES.fullmatch(query)
    if coordinates:  # "12.65, -8.0": what a location pin is, for those who cannot share one (Telegram Desktop)
        lat, lon = float(coordinates.group(1)), float(coordinates.group(2))
        if abs(lat) > 90 or abs(lon) > 180:
            return Invalid("Those are not coordinates: latitude is from -90 to 90, longitude from -180 to 180.")
        return Resolved(point(lat, lon))
    query = _as_typed(query)
    found = _candidates(query, index) or _with_country(query, index)
    if not found:
        return Unknown(query, tuple(index.suggest(query, limit=5)) or _without_qualifier(query, index))
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


# What people write for a country that is also an airport's code: "/watch RDC" watched Redencao Airport, Brazil,
# "/watch CAR" (the Central African Republic) an airport in Maine; "CAR" in capitals only ("car" is a word).
_COUNTRY_ABBREVIATIONS = {
    "RDC": "DR Congo", "CAR": "Central African Republic", "RCA": "Central African Republic", "US": "United States",
    "USA": "United States", "KSA": "Saudi Arabia", "DPRK": "North Korea", "ROK": "South Korea", "RSA": "South Africa",
    "BIH": "Bosnia and Herzegovina", "PNG": "Papua New Guinea",
}


_FLAG = re.compile("([\U0001F1E6-\U0001F1FF]{2})")


def _as_typed(query: str) -> str:
    """A flag as its country ("🇲🇱" -> "Mali", "Bamako 🇲🇱"), a country's usual abbreviation as its name."""
    def country(m: re.Match[str]) -> str:
        return f" {country_name(''.join(chr(ord(c) - 0x1F1E6 + ord('A')) for c in m.group(1))) or ''} "

    query = " ".join(_FLAG.sub(country, query).split()).replace(" ,", ",")
    return _COUNTRY_ABBREVIATIONS.get(query.upper() if query.upper() != "CAR" else query, query)


def _with_country(query: str, index: PlaceIndex) -> list[Place]:
    """"Tripoli Libya", "Tripoli (Libya)", "Tripoli - LY": a town and its country without the comma."""
    words = re.sub(r"[()\[\]]|\s[-–—/]\s", " ", query).split()
    for n in (1, 2, 3):  # "Juba South Sudan", "Bangui Central African Republic"
        if "," not in query and len(words) > n:
            found = index.search(f"{' '.join(words[:-n])}, {' '.join(words[-n:])}", limit=8)
            if found:
                return _distinct(found)
    return []


def _without_qualifier(query: str, index: PlaceIndex) -> tuple[str, ...]:
    """"Goma, Nord-Kivu" (a province, not a country): the places named like the town, to pick from."""
    head = query.split(",")[0].strip()
    if head == query or not head:
        return ()
    found = resolve_place(head, index)
    options = (found.place,) if isinstance(found, Resolved) else found.options if isinstance(found, Ambiguous) else ()
    return tuple(label(p) for p in options[:5] if p.kind != "airport" or not _CODE.fullmatch(head))


_COORDINATES = re.compile(r"📍?\s*(-?\d{1,2}\.\d+)\s*[,;\s]\s*(-?\d{1,3}\.\d+)")


def point(lat: float, lon: float) -> Place:
    """A location pin (shared, or typed as coordinates)."""
    return Place(kind="point", key=f"{lat:.4f},{lon:.4f}", name=f"📍 {lat:.4f}, {lon:.4f}", country=None, lat=lat, lon=lon)


def is_coordinates(text: str) -> bool:
    return _COORDINATES.fullmatch(clean_query(text)) is not None


def pick(query: str, key: str, index: PlaceIndex) -> Place | None:
    """The place with this key among what `query` finds (a tap on one of the Ambiguous options)."""
    query = clean_query(query)
    if not query or len(query) > MAX_PLACE_CHARS:
        return None
    query = _as_typed(query)
    return next((p for p in _candidates(query, index) or _with_country(query, index) if p.key == key), None)


def _candidates(query: str, index: PlaceIndex) -> list[Place]:
    found = _distinct(index.search(query, limit=8) or _airport_named(query, index))
    towns = _towns_named_like_a_code(query, found, index)
    if not towns:
        return found
    return _distinct(sorted(towns, key=lambda p: -p.population) + [p for p in found if p.kind != "city"])


_CODE = re.compile(r"[A-Za-z]{3,4}")


def _towns_named_like_a_code(query: str, found: Sequence[Place], index: PlaceIndex) -> list[Place]:
    """"Gao" is a town in Mali and the IATA code of an airport in Cuba, "Lira" a town in Uganda and the ICAO
    code of Rome Ciampino: the search gives the airport (and only towns of a million people), so "/watch Gao"
    watched a Cuban airport. A code typed in capitals ("GAO") stays the airport's; "Gao" means the towns of
    that name (the airport is still offered among them when no town dominates)."""
    if not found or found[0].kind != "airport" or query.isupper() or not _CODE.fullmatch(query):
        return []
    refs, city_by_id = getattr(index, "refs", None), getattr(index, "city_by_id", None)
    if refs is None or city_by_id is None:
        return []
    from bot.analysis.gazetteer import CITY  # a town by its own name, not by an alternate one

    towns = [p for p in found if p.kind == "city"]
    for kind, key in refs(query):
        city = city_by_id(key) if kind == CITY else None
        if city is not None:
            towns.append(Place("city", str(city.geonameid), city.name, city.country, city.lat, city.lon,
                               city.population, extra={"timezone": city.timezone}))
    return towns


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


_AIRPORT_OF = re.compile(r"^(?:a[eé]ro?port[eo]?|aeropuerto|flughafen)\s+(?:international\s+|internacional\s+)?"
                         r"(?:de\s+la\s+|de\s+|d['’]\s*|du\s+|di\s+|of\s+)?(?P<name>.+)$", re.IGNORECASE)


def _airport_named(query: str, index: PlaceIndex) -> list[Place]:
    """An airport by its name without the word "airport" ("Modibo Keita", "Jomo Kenyatta"), or as French, Spanish,
    Italian and German speakers write it ("aéroport de Bamako", "aeropuerto de Bogotá")."""
    m = _AIRPORT_OF.match(query)
    if m:
        query = m.group("name")
    elif query.casefold().endswith(("airport", "aeroport", "aéroport")):
        return []
    return [p for p in index.search(f"{query} airport", limit=8) if p.kind == "airport"][:1]


def _is_dominant(found: Sequence[Place]) -> bool:
    first, second = found[0], found[1]
    return first.population >= DOMINANT_POPULATION_RATIO * max(1, second.population)
