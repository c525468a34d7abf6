"""Sources-side schema changes: polling health and backoff, travel-advisory levels, files read.

Registered on the shared migration set (bot.store.schema.migrations); imported by db.py.
"""
from __future__ import annotations

from sqlite_utils import Database

from bot.store.schema import migrations


@migrations()
def m100_sources_health(db: Database) -> None:
    """Backoff and what the last poll found, for `python -m bot sources` and /sources."""
    for column, decl in (
        ("last_attempt_at", "TEXT"),
        ("next_attempt_at", "TEXT"),  # ISO UTC: no poll before this (backoff, Retry-After)
        ("last_items", "INTEGER"),  # items in the last successful poll (None: 304)
    ):
        db.execute(f"ALTER TABLE source_state ADD COLUMN {column} {decl}")


@migrations()
def m101_sources_advisory_levels(db: Database) -> None:
    """The last travel-advisory level seen per provider and country: a change is an alert, once."""
    db.execute(
        """
        CREATE TABLE advisory_levels (
            provider TEXT NOT NULL,
            country TEXT NOT NULL,
            level INTEGER NOT NULL,
            label TEXT NOT NULL,
            updated TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (provider, country)
        )"""
    )


@migrations()
def m102_sources_files(db: Database) -> None:
    """Files a directory source has read, by path, size and modification time."""
    db.execute(
        """
        CREATE TABLE source_files (
            source TEXT NOT NULL,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            read_at TEXT NOT NULL,
            PRIMARY KEY (source, path, size, mtime_ns)
        )"""
    )
