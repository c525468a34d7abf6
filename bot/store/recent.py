"""Read-only queries on recent incidents, for /recent and catch-up digests."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.analysis.facts import Facts, Severity
from bot.chat_settings import ChatSettings, passes_filters
from bot.match import Match, match_watches
from bot.model import Watch
from bot.store.incidents import stored_facts


@dataclass(frozen=True)
class RecentIncident:
    id: int
    published: datetime
    title: str
    url: str
    facts: Facts  # as the incident stands now: severity and toll of its latest reports
    first_killed: int | None = None  # the toll its first report (and title) gave


def incidents_since(db: Database, since: datetime, *, limit: int = 1000) -> list[RecentIncident]:
    """Incidents published since `since`, newest first, with the severity and toll of their latest reports
    (the facts column keeps the first report's: a bombing that killed 5, then 30, is critical now)."""
    rows = db.execute(
        "SELECT id, published, title, url, facts, severity, killed FROM incidents WHERE published >= ? "
        "ORDER BY published DESC, id DESC LIMIT ?",
        [since.isoformat(), limit],
    ).fetchall()
    out = []
    for id_, published, title, url, facts, severity, killed in rows:
        try:
            first = stored_facts(facts)
            now = dataclasses.replace(
                first, severity=Severity(severity) if severity in Severity._value2member_map_ else first.severity,
                killed=killed if killed is not None else first.killed)
            out.append(RecentIncident(id_, datetime.fromisoformat(published), title, url, now, first.killed))
        except (ValueError, TypeError, KeyError):
            continue  # a row this version cannot read is skipped, never fatal
    return out


def told_incidents(db: Database, chat_id: int) -> set[int]:
    """The incidents the chat has had: an alert or update (sent or on its way), or a line of a catch-up digest."""
    rows = db.execute(
        "SELECT incident_id FROM deliveries WHERE chat_id = ? UNION SELECT incident_id FROM digest_items WHERE chat_id = ?",
        [chat_id, chat_id],
    ).fetchall()
    return {r[0] for r in rows}


def mark_listed(db: Database, chat_id: int, incident_ids: Iterable[int], *, now: datetime) -> None:
    """These incidents were listed to the chat in a catch-up digest."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO digest_items (chat_id, incident_id, listed_at) VALUES (?, ?, ?)",
        [(chat_id, i, now.isoformat()) for i in incident_ids],
    )


def for_watches(
    db: Database,
    watches: Iterable[Watch],
    *,
    since: datetime,
    settings: ChatSettings | None = None,
    skip: set[int] = frozenset(),  # type: ignore[assignment]
    limit: int = 10,
) -> list[tuple[RecentIncident, Match]]:
    """The recent incidents that concern these places (and pass the chat's severity and kinds), newest first."""
    watches = list(watches)
    out: list[tuple[RecentIncident, Match]] = []
    if not watches:
        return out
    for incident in incidents_since(db, since):
        if incident.id in skip or not passes_filters(settings, incident.facts):
            continue
        found = sorted(match_watches(incident.facts, watches), key=lambda m: m.distance_km or 0.0)
        if found:
            out.append((incident, found[0]))
            if len(out) >= limit:
                break
    return out
