"""The outbox: one row per message to a chat, written with the matching, drained by a sender.

kind 'alert' is the first advisory of an incident for a chat; kind 'update' (seq 1, 2, ...)
a follow-up, sent as a reply to the chat's alert; kind 'map' a location pin of the incident
(JSON payload in `text`), planned with a high or critical alert for chats with map pins on,
sent after (as a reply to) the alert. A row is 'pending' until Telegram
confirms it, then 'sent' with the message id; 'failed' when it can never be delivered
(chat blocked the bot, chat gone). UNIQUE(incident_id, chat_id, kind, seq) is what makes
"never sent twice" hold across restarts.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

MAX_ATTEMPTS = 8
MAP_MIN_PRIORITY = 2  # Severity.HIGH.rank: high and critical alerts get a map pin
DIGEST_PRIORITY = 0  # a list of past incidents: after every alert, silent in quiet hours


@dataclass(frozen=True)
class Delivery:
    id: int
    incident_id: int
    chat_id: int
    text: str
    attempts: int
    reply_to_message_id: int | None = None  # the chat's alert message, for an update
    kind: str = "alert"  # 'alert' | 'update' | 'map'
    priority: int = 0  # severity rank: 3 critical ... 0 low/unknown

    def payload(self) -> dict[str, Any]:
        """A 'map' row's location: {"lat", "lon", "title", "address"}."""
        value: dict[str, Any] = json.loads(self.text)
        return value


def enqueue_delivery(
    db: Database, *, incident_id: int, chat_id: int, text: str, priority: int, now: datetime, context: list[str] | None = None
) -> bool:
    """Plan one message; False if this chat already has this incident (see enqueue_deliveries)."""
    return enqueue_deliveries(db, incident_id=incident_id, planned=[(chat_id, text, context or [])],
                              priority=priority, now=now) == 1


def enqueue_deliveries(
    db: Database, *, incident_id: int, planned: Iterable[tuple[int, str, list[str]]], priority: int, now: datetime,
    has_it: set[int] | None = None,
) -> int:
    """Plan an incident's alert for many chats at once: (chat id, text, context lines) each. A chat that
    has this incident already gets nothing. Returns how many were planned.

    context: the chat's own lines of the alert (how far from its place), kept so the text can be
    rendered again while it is pending (when more sources report the incident; see pending_alerts).

    With a high or critical alert, a chat with map pins on also gets the incident's location.
    """
    has_it = set(alerted_chats(db, incident_id) if has_it is None else has_it)  # has_it: read by the caller already
    rows, chats = [], []
    for chat_id, text, context in planned:
        if chat_id not in has_it:
            has_it.add(chat_id)
            chats.append(chat_id)
            rows.append((incident_id, chat_id, priority, text, json.dumps(context), now.isoformat(), now.isoformat()))
    if not rows:
        return 0
    db.conn.executemany(
        "INSERT INTO deliveries (incident_id, chat_id, priority, text, context, status, attempts, next_attempt_at, "
        "created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
        rows,
    )
    if priority >= MAP_MIN_PRIORITY:
        _enqueue_maps(db, incident_id=incident_id, chats=chats, priority=priority, now=now)
    return len(rows)


def alerted_chats(db: Database, incident_id: int) -> set[int]:
    """The chats that have this incident's alert (sent or on its way)."""
    return {r[0] for r in db.execute(
        "SELECT chat_id FROM deliveries WHERE incident_id = ? AND kind = 'alert'", [incident_id]).fetchall()}


def _enqueue_maps(db: Database, *, incident_id: int, chats: list[int], priority: int, now: datetime) -> None:
    """The incident's location, as a reply to each of these chats' alert, for those with map pins on."""
    row = db.execute("SELECT lat, lon, city, country FROM incidents WHERE id = ?", [incident_id]).fetchone()
    if row is None or row[0] is None or row[1] is None:
        return
    lat, lon, city, country = row
    payload = {"lat": lat, "lon": lon, "title": city or "Incident location", "address": _country_name(country) or city or "—"}
    db.execute(
        "INSERT OR IGNORE INTO deliveries (incident_id, chat_id, kind, seq, reply_to_delivery_id, priority, text, status, "
        "attempts, next_attempt_at, created_at) "
        "SELECT d.incident_id, d.chat_id, 'map', 0, d.id, ?, ?, 'pending', 0, ?, ? FROM deliveries d "
        "JOIN chats c ON c.chat_id = d.chat_id AND c.map_pins "
        "WHERE d.incident_id = ? AND d.kind = 'alert' AND d.chat_id IN (SELECT value FROM json_each(?))",
        [priority, json.dumps(payload), now.isoformat(), now.isoformat(), incident_id, json.dumps(chats)],
    )


def _country_name(iso2: str | None) -> str | None:
    """The name people use ("DR Congo", "Iran"), as /watching shows it, not "Congo, The Democratic Republic of the"."""
    from bot.places import country_name

    return country_name(iso2) if iso2 else None


def enqueue_updates(
    db: Database, *, incident_id: int, text: str, priority: int, now: datetime, max_per_chat: int
) -> int:
    """Plan a follow-up for every active chat that got this incident's alert (and has not failed), sent as a
    reply to it, but to no chat that has `max_per_chat` updates of it already. Returns how many."""
    chats = db.execute(
        "SELECT a.chat_id, a.id, coalesce(max(u.seq), 0), count(u.id) FROM deliveries a "
        "LEFT JOIN deliveries u ON u.incident_id = a.incident_id AND u.chat_id = a.chat_id AND u.kind = 'update' "
        "JOIN chats c ON c.chat_id = a.chat_id AND c.active = 1 "  # a chat that blocked the bot gets none on its return
        "WHERE a.incident_id = ? AND a.kind = 'alert' AND a.status != 'failed' GROUP BY a.chat_id, a.id",
        [incident_id],
    ).fetchall()
    rows = [(incident_id, chat_id, last_seq + 1, alert_id, priority, text, now.isoformat(), now.isoformat())
            for chat_id, alert_id, last_seq, sent in chats if sent < max_per_chat]
    db.conn.executemany(
        "INSERT INTO deliveries (incident_id, chat_id, kind, seq, reply_to_delivery_id, priority, text, status, "
        "attempts, next_attempt_at, created_at) VALUES (?, ?, 'update', ?, ?, ?, ?, 'pending', 0, ?, ?)",
        rows,
    )
    return len(rows)


def enqueue_digest(db: Database, *, incident_id: int, chat_id: int, text: str, now: datetime) -> bool:
    """Plan a catch-up list (after a mute ran out), filed under the newest incident it lists; quiet priority."""
    seq = _next_seq(db, incident_id=incident_id, chat_id=chat_id, kind="digest")
    db.execute(
        "INSERT INTO deliveries (incident_id, chat_id, kind, seq, priority, text, status, attempts, next_attempt_at, "
        "created_at) VALUES (?, ?, 'digest', ?, ?, ?, 'pending', 0, ?, ?)",
        [incident_id, chat_id, seq, DIGEST_PRIORITY, text, now.isoformat(), now.isoformat()],
    )
    return True


def due_deliveries(db: Database, *, now: datetime, limit: int = 100, chat_id: int | None = None) -> list[Delivery]:
    """Pending messages whose time has come, most severe first, then oldest first.

    An update waits until its alert is sent, so the reply has a message to point at.
    """
    sql = (
        "SELECT d.id, d.incident_id, d.chat_id, d.text, d.attempts, a.message_id, d.kind, d.priority FROM deliveries d "
        "JOIN chats c ON c.chat_id = d.chat_id "
        "LEFT JOIN deliveries a ON a.id = d.reply_to_delivery_id "
        "WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND c.active = 1 "
        "AND (d.reply_to_delivery_id IS NULL OR a.status != 'pending')"
    )
    params: list[object] = [now.isoformat()]
    if chat_id is not None:
        sql += " AND d.chat_id = ?"
        params.append(chat_id)
    sql += " ORDER BY d.priority DESC, d.id LIMIT ?"
    params.append(limit)
    return [Delivery(*row) for row in db.execute(sql, params).fetchall()]


def mark_sent(db: Database, delivery_id: int, *, message_id: int | None, now: datetime) -> None:
    db.execute(
        "UPDATE deliveries SET status = 'sent', sent_at = ?, message_id = ?, attempts = attempts + 1 WHERE id = ?",
        [now.isoformat(), message_id, delivery_id],
    )


def mark_retry(db: Database, delivery: Delivery, *, error: str, not_before: datetime) -> None:
    """Try again later; give up after MAX_ATTEMPTS."""
    if delivery.attempts + 1 >= MAX_ATTEMPTS:
        mark_failed(db, delivery.id, error=f"gave up after {MAX_ATTEMPTS} attempts: {error}")
        return
    db.execute(
        "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
        [error, not_before.isoformat(), delivery.id],
    )


def mark_failed(db: Database, delivery_id: int, *, error: str) -> None:
    """Never to be sent; nor what would have answered it (a map pin or update of an alert the chat never got
    would arrive alone, out of context)."""
    with db.atomic():
        db.execute("UPDATE deliveries SET status = 'failed', last_error = ? WHERE id = ?", [error, delivery_id])
        db.execute("UPDATE deliveries SET status = 'failed', last_error = ? WHERE reply_to_delivery_id = ? "
                   "AND status = 'pending'", [f"its message failed: {error}"[:500], delivery_id])


def move_chat(db: Database, old_chat_id: int, new_chat_id: int) -> None:
    """A group became a supergroup: its settings, places and pending messages follow it."""
    columns = [c.name for c in db["chats"].columns if c.name not in ("chat_id", "type")]
    with db.atomic():
        # Copy the chat row first (every setting): watches reference chats(chat_id).
        db.execute(
            f"INSERT OR IGNORE INTO chats (chat_id, type, {', '.join(columns)}) "
            f"SELECT ?, 'supergroup', {', '.join(columns)} FROM chats WHERE chat_id = ?",
            [new_chat_id, old_chat_id],
        )
        db.execute("UPDATE OR IGNORE watches SET chat_id = ? WHERE chat_id = ?", [new_chat_id, old_chat_id])
        db.execute("UPDATE OR IGNORE deliveries SET chat_id = ? WHERE chat_id = ?", [new_chat_id, old_chat_id])
        db.execute("UPDATE OR IGNORE digest_items SET chat_id = ? WHERE chat_id = ?", [new_chat_id, old_chat_id])
        db.execute("DELETE FROM digest_items WHERE chat_id = ?", [old_chat_id])
        db.execute("DELETE FROM watches WHERE chat_id = ?", [old_chat_id])
        db.execute("DELETE FROM chats WHERE chat_id = ?", [old_chat_id])


def backoff(attempts: int, *, base_seconds: float = 5.0, cap_seconds: float = 600.0) -> timedelta:
    """Exponential backoff for transient send errors: 5 s, 10 s, 20 s ... capped at 10 min."""
    return timedelta(seconds=min(cap_seconds, base_seconds * 2**attempts))


def pending_alerts(db: Database, incident_id: int) -> list[tuple[int, list[str]]]:
    """(delivery id, context lines) of this incident's alerts not yet sent."""
    rows = db.execute(
        "SELECT id, context FROM deliveries INDEXED BY deliveries_incident "
        "WHERE incident_id = ? AND kind = 'alert' AND status = 'pending'",
        [incident_id],
    ).fetchall()
    return [(r[0], json.loads(r[1])) for r in rows]


def set_pending_texts(db: Database, texts: Iterable[tuple[int, str]]) -> None:
    """Render pending alerts again (more sources now report it): (delivery id, text) each; a sent one never changes."""
    db.conn.executemany("UPDATE deliveries SET text = ? WHERE id = ? AND status = 'pending'",
                        [(text, delivery_id) for delivery_id, text in texts])


def enqueue_edit(db: Database, *, incident_id: int, render: Callable[[list[str]], str], now: datetime) -> int:
    """Bring this incident's sent alerts up to date (more sources now confirm it), silently, by editing them.

    render: the alert's text from the chat's own context lines (called once per distinct context).
    Only the newest edit of an alert matters: older pending ones are dropped. Edits go after every
    alert and update (priority -1). Returns how many were planned.
    """
    alerts = db.execute(
        "SELECT a.id, a.chat_id, a.context, (SELECT coalesce(max(e.seq), 0) FROM deliveries e "
        "WHERE e.incident_id = a.incident_id AND e.chat_id = a.chat_id AND e.kind = 'edit') "
        "FROM deliveries a JOIN chats c ON c.chat_id = a.chat_id AND c.active = 1 "
        "WHERE a.incident_id = ? AND a.kind = 'alert' AND a.status = 'sent' AND a.message_id IS NOT NULL",
        [incident_id],
    ).fetchall()
    if not alerts:
        return 0
    # (by the incident: left to itself, SQLite walks every chat's pending messages, thousands during a fan-out)
    db.execute("DELETE FROM deliveries INDEXED BY deliveries_incident "
               "WHERE incident_id = ? AND kind = 'edit' AND status = 'pending'", [incident_id])
    texts: dict[str, str] = {}  # most chats share their context lines (none, or one distance)
    rows = []
    for alert_id, chat_id, context, last_seq in alerts:
        if context not in texts:
            texts[context] = render(json.loads(context))
        rows.append((incident_id, chat_id, last_seq + 1, alert_id, texts[context], now.isoformat(), now.isoformat()))
    db.conn.executemany(
        "INSERT INTO deliveries (incident_id, chat_id, kind, seq, reply_to_delivery_id, priority, text, status, "
        "attempts, next_attempt_at, created_at) VALUES (?, ?, 'edit', ?, ?, -1, ?, 'pending', 0, ?, ?)",
        rows,
    )
    return len(alerts)


def _next_seq(db: Database, *, incident_id: int, chat_id: int, kind: str) -> int:
    """The next number of a chat's follow-ups of one kind for an incident (1, 2, ...)."""
    (seq,) = db.execute(
        "SELECT coalesce(max(seq), 0) + 1 FROM deliveries WHERE incident_id = ? AND chat_id = ? AND kind = ?",
        [incident_id, chat_id, kind],
    ).fetchone()
    return int(seq)
