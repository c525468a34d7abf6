"""Chats and the places they watch."""
from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from bot.analysis.facts import Place
from bot.model import Watch

MAX_WATCHES_PER_CHAT = 50


class WatchLimitError(Exception):
    """The chat already watches the maximum number of places."""


def save_chat(db: Database, chat_id: int, *, chat_type: str, title: str | None, now: datetime) -> bool:
    """Subscribe (or re-activate) a chat. Returns True when it was not active before."""
    row = db.execute("SELECT active FROM chats WHERE chat_id = ?", [chat_id]).fetchone()
    stamp = now.isoformat()
    if row is None:
        db["chats"].insert(
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


def delete_chat(db: Database, chat_id: int) -> None:
    """Unsubscribe and forget the chat's settings and places (/stop)."""
    with db.atomic():
        db.execute("DELETE FROM watches WHERE chat_id = ?", [chat_id])
        db.execute("DELETE FROM deliveries WHERE chat_id = ? AND status = 'pending'", [chat_id])
        db.execute("DELETE FROM chats WHERE chat_id = ?", [chat_id])


def deactivate_chat(db: Database, chat_id: int, *, now: datetime) -> None:
    """The chat cannot be reached (blocked, kicked, deleted): stop sending, keep its places."""
    db.execute("UPDATE chats SET active = 0, updated_at = ? WHERE chat_id = ?", [now.isoformat(), chat_id])


def add_watch(db: Database, chat_id: int, place: Place, *, radius_km: float, now: datetime) -> bool:
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
        db["watches"].insert(
            {
                "chat_id": chat_id,
                "kind": place.kind,
                "key": place.key,
                "name": place.label,
                "country": place.country,
                "lat": place.lat,
                "lon": place.lon,
                "radius_km": radius_km,
                "created_at": now.isoformat(),
            }
        )
    return True


def remove_watch(db: Database, chat_id: int, watch_id: int) -> None:
    db.execute("DELETE FROM watches WHERE chat_id = ? AND id = ?", [chat_id, watch_id])


def list_watches(db: Database, chat_id: int) -> list[tuple[int, Watch]]:
    """The chat's places, oldest first, with their row ids."""
    rows = db.execute(
        "SELECT id, chat_id, kind, key, name, country, lat, lon, radius_km FROM watches "
        "WHERE chat_id = ? ORDER BY id",
        [chat_id],
    ).fetchall()
    return [(r[0], Watch(*r[1:])) for r in rows]


def active_watches(db: Database) -> list[Watch]:
    """Every place watched by a chat that can receive messages."""
    rows = db.execute(
        "SELECT w.chat_id, w.kind, w.key, w.name, w.country, w.lat, w.lon, w.radius_km "
        "FROM watches w JOIN chats c ON c.chat_id = w.chat_id WHERE c.active = 1"
    ).fetchall()
    return [Watch(*r) for r in rows]


def replace_watches(db: Database, chat_id: int, places: list[Place], *, radius_for: dict[str, float], now: datetime) -> None:
    """Console mode: the console 'chat' watches exactly these places."""
    with db.atomic():
        db.execute("DELETE FROM watches WHERE chat_id = ?", [chat_id])
        for place in places:
            add_watch(db, chat_id, place, radius_km=radius_for[place.kind], now=now)
