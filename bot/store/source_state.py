"""Per-source polling state: cache validators and health."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.sources.fetch import Validators


@dataclass(frozen=True)
class SourceHealth:
    name: str
    url: str
    last_success: str | None
    last_error: str | None
    last_error_at: str | None
    failures: int


def load_validators(db: Database, name: str, url: str) -> Validators:
    row = db.execute("SELECT url, etag, last_modified FROM source_state WHERE name = ?", [name]).fetchone()
    if row is None or row[0] != url:  # a source whose URL changed starts afresh
        return Validators()
    return Validators(row[1], row[2])


def record_success(db: Database, name: str, url: str, validators: Validators, *, now: datetime) -> bool:
    """Returns True when the source was failing before (a recovery worth logging)."""
    before = db.execute("SELECT failures FROM source_state WHERE name = ?", [name]).fetchone()
    db["source_state"].upsert(
        {
            "name": name,
            "url": url,
            "etag": validators.etag,
            "last_modified": validators.last_modified,
            "last_success": now.isoformat(),
            "failures": 0,
        },
        pk="name",
    )
    return bool(before and before[0])


def record_failure(db: Database, name: str, url: str, error: str, *, now: datetime) -> int:
    """Returns the number of consecutive failures, this one included."""
    row = db.execute("SELECT failures FROM source_state WHERE name = ?", [name]).fetchone()
    failures = (row[0] if row else 0) + 1
    db["source_state"].upsert(
        {"name": name, "url": url, "last_error": error, "last_error_at": now.isoformat(), "failures": failures},
        pk="name",
    )
    return failures


def list_health(db: Database) -> list[SourceHealth]:
    rows = db.execute(
        "SELECT name, url, last_success, last_error, last_error_at, failures FROM source_state ORDER BY name"
    ).fetchall()
    return [SourceHealth(*r) for r in rows]
