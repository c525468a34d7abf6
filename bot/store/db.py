"""Open the SQLite database (WAL) and bring its schema up to date (see schema.py)."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from bot.store import (
    schema_indexes,  # noqa: F401  (registers migrations: after every area's, whatever the order here)
    schema_sources,  # noqa: F401  (registers migrations)
    schema_telegram,  # noqa: F401  (registers migrations)
)
from bot.store.schema import migrations


class StoreError(Exception):
    """The database cannot be opened or written; the message says where and why."""


def open_database(path: str | Path) -> Database:
    """Open (creating if needed) the database file, in WAL mode, with the schema applied.

    :raises StoreError: when the file or its folder cannot be created or written.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        db = Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
        # 32 MB of page cache: the hot indexes (recent incidents, article fingerprints) stay in memory.
        db.execute("PRAGMA cache_size = -32000")
        # Each article is a savepoint: its statement journal kept in memory, not in a temporary file.
        db.execute("PRAGMA temp_store = MEMORY")
        migrations.apply(db)
    except (OSError, sqlite3.Error) as e:
        raise StoreError(f"cannot open database {path}: {e} (check [storage] database and folder permissions)") from None
    return db


@contextmanager
def savepoint(db: Database) -> Iterator[None]:
    """A savepoint inside the open transaction: what the block wrote is undone if it raises.

    One fixed name (SQLite releases the innermost savepoint of a name), so the statements are
    prepared once, not once per article as sqlite-utils' randomly named savepoints are.
    """
    conn = db.conn
    conn.execute("SAVEPOINT article")
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # an error may already have ended the transaction
            conn.execute("ROLLBACK TO SAVEPOINT article")
            conn.execute("RELEASE SAVEPOINT article")
        raise
    conn.execute("RELEASE SAVEPOINT article")
