"""Articles as seen, the events they report, and what each incident has told chats so far.

Every article belongs to an event (a row of `incidents`); an event is an incident once one of
its reports is (category other than 'none'). Non-incident events let calm follow-ups and early
reports file under the right story.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.analysis.facts import ArticleMeta, Category, Facts, Severity
from bot.dedupe.borders import neighbours
from bot.dedupe.changes import IncidentState
from bot.dedupe.cluster import KnownIncident, Report
from bot.dedupe.sketch import merge_sketches, pack, unpack
from bot.model import Article


def is_known_article(db: Database, *, url: str, content_hash: str) -> bool:
    """The same item seen before: same canonical URL or same content."""
    # "url != ''" lets SQLite use the partial unique index on url; the OR uses both indexes.
    row = db.execute(
        "SELECT 1 FROM articles WHERE (url = ? AND url != '') OR content_hash = ? LIMIT 1", [url, content_hash]
    ).fetchone()
    return row is not None


def find_incident_by_title(db: Database, title_hash: str, *, since: datetime) -> int | None:
    """An incident already opened by an article with this headline since `since`."""
    row = db.execute(
        "SELECT incident_id FROM articles WHERE title_hash = ? AND published >= ? AND incident_id IS NOT NULL "
        "ORDER BY id LIMIT 1",
        [title_hash, since.isoformat()],
    ).fetchone()
    return row[0] if row else None


_CANDIDATE_COLUMNS = "id, category, country, geonameid, lat, lon, first_seen, last_seen, sketch, terms, killed"


# Candidates of a located report: same city, within about 0.3 degrees (the same-place radius with a
# margin), or events located at country level only. Far-away events of the same country are not read:
# located events are found by their cell of a half-degree grid (the `cell` column, indexed with the
# time), so a country with hundreds of recent incidents costs no more than one with a few.
NEAR_DEGREES = 0.3
CELL_DEGREES = 0.5


def cell_of(lat: float | None, lon: float | None) -> int | None:
    """The grid cell of a point, as one integer."""
    if lat is None or lon is None:
        return None
    return _cell(math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES))


def _cell(row: int, column: int) -> int:
    return (row + 400) * 1000 + (column + 400)  # rows -180..180, columns -360..360 at half a degree


def _near_cells(lat: float, lon: float, dlat: float, dlon: float) -> list[int]:
    rows = range(math.floor((lat - dlat) / CELL_DEGREES), math.floor((lat + dlat) / CELL_DEGREES) + 1)
    columns = range(math.floor((lon - dlon) / CELL_DEGREES), math.floor((lon + dlon) / CELL_DEGREES) + 1)
    return [_cell(r, c) for r in rows for c in columns]


def _located_cell(facts: Facts) -> int | None:
    """Only events placed in a city are found by their cell (see candidate_incidents)."""
    return cell_of(facts.lat, facts.lon) if facts.geonameid is not None else None


def candidate_incidents(db: Database, report: Report, *, seen_since: datetime) -> list[KnownIncident]:
    """Events last reported since `seen_since` that could be the report's: near it when it is located, else
    in its country or a neighbouring one (or of unknown country)."""
    when = "last_seen >= ?"
    times = [seen_since.isoformat()]
    # The report's country and its neighbours: an event placed only in a country may be across the border
    # (see bot/dedupe/borders.py).
    countries = [report.country, *sorted(neighbours(report.country))] if report.country else []
    in_countries = f"country IN ({', '.join('?' * len(countries))})"
    if report.country and report.lat is not None and report.lon is not None:
        dlat, dlon = NEAR_DEGREES, NEAR_DEGREES / max(0.1, math.cos(math.radians(report.lat)))
        box = [report.lat - dlat, report.lat + dlat, report.lon - dlon, report.lon + dlon]
        cells = _near_cells(report.lat, report.lon, dlat, dlon)
        near = "(geonameid = ? OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?))"
        # Three disjoint parts: located events near the report (by their cells, whatever their country: the
        # next town may be across a border), events placed no closer than the country or a neighbour, and
        # events of no known country.
        rows = db.execute(
            f"SELECT {_CANDIDATE_COLUMNS} FROM incidents INDEXED BY incidents_cell_seen WHERE cell IN ({', '.join('?' * len(cells))}) AND {when} "
            f"AND geonameid IS NOT NULL AND {near} "
            f"UNION ALL SELECT {_CANDIDATE_COLUMNS} FROM incidents INDEXED BY incidents_unplaced "
            f"WHERE {in_countries} AND geonameid IS NULL AND {when} "
            f"UNION ALL SELECT {_CANDIDATE_COLUMNS} FROM incidents WHERE country IS NULL AND {when} "
            f"AND (geonameid IS NULL OR {near})",
            [*cells, *times, report.geonameid, *box, *countries, *times, *times, report.geonameid, *box],
        ).fetchall()
    elif report.country:
        rows = db.execute(
            f"SELECT {_CANDIDATE_COLUMNS} FROM incidents WHERE ({in_countries} OR country IS NULL) AND {when}",
            [*countries, *times],
        ).fetchall()
    else:
        rows = db.execute(f"SELECT {_CANDIDATE_COLUMNS} FROM incidents WHERE {when}", times).fetchall()
    return [_known_incident(r) for r in rows]


@functools.lru_cache(maxsize=2048)  # an incident is a candidate of every report near it: its row is read once
def _known_incident(r: tuple) -> KnownIncident:  # type: ignore[type-arg]
    return KnownIncident(
        id=r[0], category=Category(r[1]), country=r[2], geonameid=r[3], lat=r[4], lon=r[5],
        first_seen=datetime.fromisoformat(r[6]), last_seen=datetime.fromisoformat(r[7]),
        sketch=unpack(r[8]), terms=frozenset(r[9].split()), killed=r[10],
    )


def save_article(
    db: Database,
    article: Article,
    facts: Facts,
    *,
    content_hash: str,
    title_hash: str | None,
    incident_id: int | None,
    now: datetime,
) -> int:
    cursor = db.execute(
        "INSERT INTO articles (source, url, content_hash, title_hash, title, text, language, published, seen_at, "
        "is_incident, incident_id, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [article.source, article.url, content_hash, title_hash, article.title, article.text, article.language,
         article.published.isoformat(), now.isoformat(), int(facts.is_incident), incident_id,
         json.dumps(facts.to_json(), ensure_ascii=False)],
    )
    return int(cursor.lastrowid or 0)


def _state_columns(state: IncidentState) -> dict[str, object]:
    return {
        "killed": state.killed,
        "injured": state.injured,
        "severity": state.severity.value if state.severity else None,
        "airport_closed": None if state.airport_closed is None else int(state.airport_closed),
        "all_clear": int(state.all_clear),
    }


def create_incident(
    db: Database, article: Article, facts: Facts, report: Report, state: IncidentState, *, now: datetime
) -> int:
    row: dict[str, object] = {
        "created_at": now.isoformat(),
        "updated_at": now.isoformat(),
        "published": article.published.isoformat(),
        "first_seen": report.published.isoformat(),
        "last_seen": report.published.isoformat(),
        "category": facts.category.value,
        "city": facts.city,
        "country": facts.country,
        "geonameid": facts.geonameid,
        "lat": facts.lat,
        "lon": facts.lon,
        "cell": _located_cell(facts),
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "sources": json.dumps([article.source]),
        "report_count": 1,
        "sketch": pack(report.sketch),
        "terms": " ".join(sorted(report.terms)),
        "facts": json.dumps(facts.to_json(), ensure_ascii=False),
        **_state_columns(state),
    }
    cursor = db.execute(
        f"INSERT INTO incidents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    )
    return int(cursor.lastrowid or 0)


@dataclass(frozen=True)
class Event:
    """One row of `incidents`, loaded once per report that joins it."""

    id: int
    category: Category
    sources: tuple[str, ...]  # outlets that reported it in their own words
    copies: tuple[str, ...]  # outlets that carried another's text (syndication): not independent
    sketch: tuple[int, ...]
    terms: tuple[str, ...]
    first_seen: datetime
    last_seen: datetime
    state: IncidentState
    facts_json: str
    meta: ArticleMeta
    geonameid: int | None = None  # of its city, when known

    @property
    def is_incident(self) -> bool:
        return self.category is not Category.NONE

    @property
    def facts(self) -> Facts:
        """The facts of the report the alert was made from."""
        return stored_facts(self.facts_json)


# An incident's facts change only when it is promoted or placed: parsed once while its reports keep coming in,
# not once for each (every report that joins, and the edit of its alerts at the end of a batch, renders them).
@functools.lru_cache(maxsize=1024)
def stored_facts(facts_json: str) -> Facts:
    """The facts of an `incidents.facts` column (shared: Facts are immutable)."""
    return Facts.from_json(json.loads(facts_json))


def load_event(db: Database, event_id: int) -> Event:
    r = db.execute(
        "SELECT category, sources, sketch, terms, first_seen, last_seen, killed, injured, severity, airport_closed, "
        "all_clear, facts, title, url, source, published, copies, geonameid FROM incidents WHERE id = ?",
        [event_id],
    ).fetchone()
    return Event(
        id=event_id,
        category=Category(r[0]),
        sources=tuple(json.loads(r[1])),
        copies=tuple(json.loads(r[16])),
        sketch=unpack(r[2]),
        terms=tuple(r[3].split()),
        first_seen=datetime.fromisoformat(r[4]),
        last_seen=datetime.fromisoformat(r[5]),
        state=IncidentState(killed=r[6], injured=r[7], severity=Severity(r[8]) if r[8] else None,
                            airport_closed=None if r[9] is None else bool(r[9]), all_clear=bool(r[10])),
        facts_json=r[11],
        meta=ArticleMeta(title=r[12], url=r[13] or None, source=r[14], published=datetime.fromisoformat(r[15])),
        geonameid=r[17],
    )


def record_report(
    db: Database, event: Event, article: Article, report: Report, state: IncidentState, *, now: datetime,
    independent: bool = True,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Another article reports this event: widen its window, text and sources.

    independent: False for a copy of a text the event already has (syndication), whose outlet
    then counts among the copies, not the sources. Returns (sources, copies).
    """
    sources, copies = event.sources, event.copies
    if article.source not in sources:
        if independent:
            sources = (*sources, article.source)
            copies = tuple(c for c in copies if c != article.source)
        elif article.source not in copies:
            copies = (*copies, article.source)
    # The terms stay those of the first report: they define the event. Adding every report's words
    # would let the incident absorb any later story of the same place.
    db.execute(
        "UPDATE incidents SET sources = ?, copies = ?, report_count = report_count + 1, sketch = ?, first_seen = ?, "
        "last_seen = ?, updated_at = ?, killed = ?, injured = ?, severity = ?, airport_closed = ?, all_clear = ? "
        "WHERE id = ?",
        [
            json.dumps(list(sources)),
            json.dumps(list(copies)),
            pack(merge_sketches([event.sketch, report.sketch])),
            min(event.first_seen, report.published).isoformat(),
            max(event.last_seen, report.published).isoformat(),
            now.isoformat(),
            *_state_columns(state).values(),
            event.id,
        ],
    )
    return sources, copies


def promote(db: Database, event_id: int, article: Article, facts: Facts, *, now: datetime) -> None:
    """A story first reported as not alarming turns out to be an incident: it takes this report's facts."""
    db.execute(
        "UPDATE incidents SET category = ?, severity = ?, city = ?, country = ?, geonameid = ?, lat = ?, lon = ?, "
        "cell = ?, title = ?, url = ?, source = ?, published = ?, facts = ?, updated_at = ? WHERE id = ?",
        [facts.category.value, facts.severity.value if facts.severity else None, facts.city, facts.country,
         facts.geonameid, facts.lat, facts.lon, _located_cell(facts), article.title, article.url, article.source,
         article.published.isoformat(), json.dumps(facts.to_json(), ensure_ascii=False), now.isoformat(), event_id],
    )


def set_place(db: Database, event_id: int, facts: Facts, *, now: datetime) -> None:
    """The incident is placed more precisely (a later report names its city): its facts say so."""
    db.execute(
        "UPDATE incidents SET city = ?, country = ?, geonameid = ?, lat = ?, lon = ?, cell = ?, facts = ?, "
        "updated_at = ? WHERE id = ?",
        [facts.city, facts.country, facts.geonameid, facts.lat, facts.lon, _located_cell(facts),
         json.dumps(facts.to_json(), ensure_ascii=False), now.isoformat(), event_id],
    )


def purge_article_text(db: Database, *, seen_before: datetime) -> int:
    """Retention: forget the raw text of old articles; incidents and fingerprints stay."""
    cursor = db.execute(
        "UPDATE articles SET text = '' WHERE seen_at < ? AND text != ''", [seen_before.isoformat()]
    )
    return cursor.rowcount
