"""Chats and the places they watch."""
from __future__ import annotations

import json
import weakref
from collections.abc import Iterable
from datetime import datetime, time
from typing import Any

from sqlite_utils import Database

from bot.analysis.facts import Category, Facts, Place, Severity
from bot.chat_settings import ChatSettings, wants
from bot.match import ChatWatch, Match
from bot.places import label
from bot.watch_index import WatchIndex

MAX_WATCHES_PER_CHAT = 50


class WatchLimitError(Exception):
    """The chat already watches the maximum number of places."""


def save_chat(db: Database, chat_id: int, *, chat_type: str, title: str | None, now: datetime) -> bool:
    """Subscribe (or re-activate) a chat. Returns True when it was not active before."""
    row = db.execute("SELECT active FROM chats WHERE chat_id = ?", [chat_id]).fetchone()
    stamp = now.isoformat()
    if row is None:
        db.table("chats").insert(
            {"chat_id": chat_id, "type": chat_type, "title": title, "active": 1, "created_at": stamp, "updated_at": stamp}
        )
        return True
    db.execute(
        "UPDATE chats SET active = 1, type = ?, title = ?, updated_at = ? WHERE chat_id = ?",
        [chat_type, title, stamp, chat_id],
    )
    return not row[0]


def is_active(db: Database, chat_id: int) -> bool:
    row = db.execute("SELECT active FROM chats WHERE chat_id = ?", [chat_id]).fetchone()
    return bool(row and row[0])


def is_known(db: Database, chat_id: int) -> bool:
    """Has the chat ever subscribed (active now, stopped, or the bot was removed)?"""
    return db.execute("SELECT 1 FROM chats WHERE chat_id = ?", [chat_id]).fetchone() is not None


def delete_chat(db: Database, chat_id: int, *, now: datetime | None = None) -> None:
    """Unsubscribe and forget the chat's settings and places (/stop). A bare inactive row stays (id and type,
    no title, default settings): a settings command sent after /stop can then tell the chat its alerts are
    off, rather than quietly subscribe it again as it would a chat it never saw."""
    with db.atomic():
        row = db.execute("SELECT type, created_at FROM chats WHERE chat_id = ?", [chat_id]).fetchone()
        db.execute("DELETE FROM watches WHERE chat_id = ?", [chat_id])
        db.execute("DELETE FROM deliveries WHERE chat_id = ? AND status = 'pending'", [chat_id])
        db.execute("DELETE FROM digest_items WHERE chat_id = ?", [chat_id])
        db.execute("DELETE FROM chats WHERE chat_id = ?", [chat_id])
        if row is not None:
            stamp = (now.isoformat() if now else row[1])
            db.table("chats").insert({"chat_id": chat_id, "type": row[0], "title": None, "active": 0,
                                      "created_at": stamp, "updated_at": stamp})


def deactivate_chat(db: Database, chat_id: int, *, now: datetime) -> None:
    """The chat cannot be reached (blocked, kicked, deleted): stop sending, keep its places. Its pending
    messages are dropped: back with /start days later, it must not get a burst of stale alerts."""
    with db.atomic():
        db.execute("UPDATE chats SET active = 0, updated_at = ? WHERE chat_id = ?", [now.isoformat(), chat_id])
        db.execute("UPDATE deliveries SET status = 'failed', last_error = 'chat unreachable' "
                   "WHERE chat_id = ? AND status = 'pending'", [chat_id])


def add_watch(
    db: Database, chat_id: int, place: Place, *, radius_km: float, now: datetime, radius_custom: bool = False
) -> bool:
    """Watch a place. Returns False when the chat already watches it.

    :raises WatchLimitError: past MAX_WATCHES_PER_CHAT places.
    """
    with db.atomic():
        exists = db.execute(
            "SELECT 1 FROM watches WHERE chat_id = ? AND kind = ? AND key = ?", [chat_id, place.kind, place.key]
        ).fetchone()
        if exists:
            return False
        (count,) = db.execute("SELECT count(*) FROM watches WHERE chat_id = ?", [chat_id]).fetchone()
        if count >= MAX_WATCHES_PER_CHAT:
            raise WatchLimitError(f"at most {MAX_WATCHES_PER_CHAT} places per chat")
        db.table("watches").insert(
            {
                "chat_id": chat_id,
                "kind": place.kind,
                "key": place.key,
                "name": label(place),
                "country": place.country,
                "lat": place.lat,
                "lon": place.lon,
                "radius_km": radius_km,
                "created_at": now.isoformat(),
                "radius_custom": int(radius_custom),
                "timezone": (place.extra or {}).get("timezone"),
            }
        )
    return True


def set_radius(db: Database, chat_id: int, place: Place, *, radius_km: float, custom: bool) -> ChatWatch | None:
    """A watched place's radius (/watch PLACE N km again); the watch as it was before, None if not watched."""
    with db.atomic():
        row = db.execute(f"SELECT {_WATCH_COLUMNS} FROM watches w WHERE w.chat_id = ? AND w.kind = ? AND w.key = ?",
                         [chat_id, place.kind, place.key]).fetchone()
        if row is None:
            return None
        db.execute("UPDATE watches SET radius_km = ?, radius_custom = ? WHERE chat_id = ? AND kind = ? AND key = ?",
                   [radius_km, int(custom), chat_id, place.kind, place.key])
    return _watch(row)


def remove_watch(db: Database, chat_id: int, watch_id: int) -> None:
    db.execute("DELETE FROM watches WHERE chat_id = ? AND id = ?", [chat_id, watch_id])


def remove_all_watches(db: Database, chat_id: int) -> None:
    """/unwatch all: every place, settings kept (unlike /stop)."""
    db.execute("DELETE FROM watches WHERE chat_id = ?", [chat_id])


_WATCH_COLUMNS = "w.chat_id, w.kind, w.key, w.name, w.country, w.lat, w.lon, w.radius_km, w.radius_custom, w.timezone"


def _watch(row: Any) -> ChatWatch:
    chat_id, kind, key, name, country, lat, lon, radius_km, custom, tz = row
    return ChatWatch(chat_id, kind, key, name, country, lat, lon, radius_km, radius_custom=bool(custom), timezone=tz)


def list_watches(db: Database, chat_id: int) -> list[tuple[int, ChatWatch]]:
    """The chat's places, oldest first, with their row ids."""
    rows = db.execute(f"SELECT w.id, {_WATCH_COLUMNS} FROM watches w WHERE w.chat_id = ? ORDER BY w.id", [chat_id]).fetchall()
    return [(r[0], _watch(r[1:])) for r in rows]


def active_watches(db: Database) -> list[ChatWatch]:
    """Every place watched by a chat that can receive messages."""
    rows = db.execute(
        f"SELECT {_WATCH_COLUMNS} FROM watches w JOIN chats c ON c.chat_id = w.chat_id WHERE c.active = 1"
    ).fetchall()
    return [_watch(r) for r in rows]


_watch_indexes: weakref.WeakKeyDictionary[Database, tuple[int, WatchIndex]] = weakref.WeakKeyDictionary()


def watch_index(db: Database) -> WatchIndex:
    """The index of every active watch, built again only when a watch or a chat's activity changed
    (a trigger renews the 'watches' stamp): not once per ingest batch for thousands of watches."""
    (generation,) = db.execute("SELECT n FROM generations WHERE name = 'watches'").fetchone()
    cached = _watch_indexes.get(db)
    if cached is not None and cached[0] == generation:
        return cached[1]
    index = WatchIndex(active_watches(db))
    _watch_indexes[db] = (generation, index)
    return index


def count_watches(db: Database, chat_id: int) -> int:
    (n,) = db.execute("SELECT count(*) FROM watches WHERE chat_id = ?", [chat_id]).fetchone()
    return int(n)


# ---------------------------------------------------------------- per-chat settings
_SETTINGS_SQL = (
    "SELECT c.chat_id, c.min_severity, c.muted_categories, c.muted_until, c.quiet_start, c.quiet_end, "
    "coalesce(c.timezone, (SELECT w.timezone FROM watches w WHERE w.chat_id = c.chat_id AND w.timezone IS NOT NULL "
    "ORDER BY w.id LIMIT 1)), c.map_pins FROM chats c"
)


def settings_from_row(row: Any) -> ChatSettings:
    chat_id, severity, categories, muted_until, quiet_start, quiet_end, tz, map_pins = row
    return ChatSettings(
        chat_id=chat_id,
        min_severity=Severity(severity) if severity else None,
        muted_categories=frozenset(Category(c) for c in json.loads(categories or "[]") if c in Category._value2member_map_),
        muted_until=datetime.fromisoformat(muted_until) if muted_until else None,
        quiet_start=time.fromisoformat(quiet_start) if quiet_start else None,
        quiet_end=time.fromisoformat(quiet_end) if quiet_end else None,
        timezone=tz,
        map_pins=bool(map_pins),
    )


def get_settings(db: Database, chat_id: int) -> ChatSettings | None:
    row = db.execute(_SETTINGS_SQL + " WHERE c.chat_id = ?", [chat_id]).fetchone()
    return settings_from_row(row) if row else None


def load_settings(db: Database, chat_ids: set[int] | None = None) -> dict[int, ChatSettings]:
    """Settings of the given chats (all active chats when None), by chat id."""
    if chat_ids is None:
        rows = db.execute(_SETTINGS_SQL + " WHERE c.active = 1").fetchall()
    else:  # only the chats asked for: planning one alert must not read every chat's settings
        rows = []
        ids = sorted(chat_ids)
        for i in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows += db.execute(_SETTINGS_SQL + f" WHERE c.active = 1 AND c.chat_id IN ({marks})", chunk).fetchall()
    return {r[0]: settings_from_row(r) for r in rows}


_SETTABLE = frozenset("min_severity muted_categories muted_until muted_since quiet_start quiet_end timezone map_pins".split())


def muted_since(db: Database, chat_id: int) -> datetime | None:
    row = db.execute("SELECT muted_since FROM chats WHERE chat_id = ?", [chat_id]).fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def ended_mutes(db: Database, now: datetime) -> list[int]:
    """Active chats whose /mute has run out (and not been lifted by /unmute)."""
    rows = db.execute(
        "SELECT chat_id FROM chats WHERE active = 1 AND muted_until IS NOT NULL AND muted_until <= ? ORDER BY chat_id",
        [now.isoformat()],
    ).fetchall()
    return [r[0] for r in rows]


def update_settings(db: Database, chat_id: int, *, now: datetime, **values: Any) -> None:
    """Set some of the chat's settings (columns of `chats`, see schema_telegram.m200)."""
    unknown = set(values) - _SETTABLE
    assert not unknown, f"unknown settings {unknown}"
    if not values:
        return
    assignments = ", ".join(f"{k} = ?" for k in values)
    db.execute(
        f"UPDATE chats SET {assignments}, updated_at = ? WHERE chat_id = ?",
        [*[_db_value(v) for v in values.values()], now.isoformat(), chat_id],
    )


def _db_value(value: Any) -> Any:
    if isinstance(value, Severity):
        return value.value
    if isinstance(value, (set, frozenset, list, tuple)):
        return json.dumps(sorted(c.value if isinstance(c, Category) else str(c) for c in value))
    if isinstance(value, (datetime, time)):
        return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def replace_watches(db: Database, chat_id: int, places: list[Place], *, radius_for: dict[str, float], now: datetime) -> None:
    """Console mode: the console 'chat' watches exactly these places."""
    with db.atomic():
        db.execute("DELETE FROM watches WHERE chat_id = ?", [chat_id])
        for place in places:
            add_watch(db, chat_id, place, radius_km=radius_for[place.kind], now=now)


def quiet_settings(db: Database) -> dict[int, ChatSettings]:
    """Settings of the active chats that have quiet hours (the sender needs only those)."""
    rows = db.execute(_SETTINGS_SQL + " WHERE c.active = 1 AND c.quiet_start IS NOT NULL").fetchall()
    return {r[0]: settings_from_row(r) for r in rows}


def wanted_matches(db: Database, facts: Facts, matches: Iterable[Match], *, now: datetime
                   ) -> list[tuple[Match, ChatSettings | None]]:
    """The matches whose chat wants this incident (severity minimum, kinds, /mute), each with its chat's
    settings (its time zone shapes the alert): for planning alerts."""
    matches = list(matches)
    if not matches:
        return []
    settings = load_settings(db, {m.watch.chat_id for m in matches})
    paired = [(m, settings.get(m.watch.chat_id)) for m in matches]
    return [(m, chat) for m, chat in paired if wants(chat, facts, now)]
