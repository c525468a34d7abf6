"""Telegram-side schema changes: per-chat settings, watch details, outbox kinds.

Registered on the shared migration set (bot.store.schema.migrations); imported by db.py.
"""
from __future__ import annotations

from sqlite_utils import Database

from bot.store.schema import migrations


@migrations()
def m200_chat_settings(db: Database) -> None:
    """Per-chat filters and preferences (see bot/chat_settings.py for their meaning)."""
    for column, decl in (
        ("min_severity", "TEXT"),  # None: every severity
        ("muted_categories", "TEXT NOT NULL DEFAULT '[]'"),  # JSON list of Category values
        ("muted_until", "TEXT"),  # ISO UTC
        ("quiet_start", "TEXT"),  # "22:00"
        ("quiet_end", "TEXT"),  # "07:00"
        ("timezone", "TEXT"),  # IANA, set with /timezone; else the first watched place's
        ("map_pins", "INTEGER NOT NULL DEFAULT 1"),
    ):
        db.execute(f"ALTER TABLE chats ADD COLUMN {column} {decl}")


@migrations()
def m201_watch_details(db: Database) -> None:
    db.execute("ALTER TABLE watches ADD COLUMN radius_custom INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE watches ADD COLUMN timezone TEXT")


@migrations()
def m202_outbox_payload(db: Database) -> None:
    """Map pins are outbox rows too (kind 'map', JSON payload in text); a digest is kind 'digest'."""
    db.execute("CREATE INDEX IF NOT EXISTS deliveries_chat_status ON deliveries(chat_id, status)")


@migrations()
def m203_muted_since(db: Database) -> None:
    """When /mute began: /unmute sends one digest of what happened meanwhile."""
    db.execute("ALTER TABLE chats ADD COLUMN muted_since TEXT")


@migrations()
def m204_digest_items(db: Database) -> None:
    """The incidents a catch-up digest listed to a chat: the next digest (another /watch nearby, the next
    /unmute) does not list them again."""
    db.execute(
        """
        CREATE TABLE digest_items (
            chat_id INTEGER NOT NULL,
            incident_id INTEGER NOT NULL REFERENCES incidents(id),
            listed_at TEXT NOT NULL,
            PRIMARY KEY (chat_id, incident_id)
        ) WITHOUT ROWID"""
    )
