"""Per-source polling state: cache validators, health and backoff."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

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
    last_attempt_at: str | None = None
    next_attempt_at: str | None = None
    last_items: int | None = None


@dataclass(frozen=True)
class Failure:
    failures: int  # consecutive, this one included
    changed: bool  # a new state worth one log line: first failure, or another error than before
    next_attempt_at: datetime


def backoff_delay(failures: int, *, interval: float, max_backoff: float, retry_after: float | None) -> float:
    """Seconds before the next try: the interval doubled per consecutive failure, capped; Retry-After wins if longer."""
    delay = min(max_backoff, interval * 2.0 ** max(0, failures - 1))
    return max(delay, min(retry_after or 0.0, max_backoff))


def load_validators(db: Database, name: str, url: str) -> Validators:
    row = db.execute("SELECT url, etag, last_modified FROM source_state WHERE name = ?", [name]).fetchone()
    if row is None or row[0] != url:  # a source whose URL changed starts afresh
        return Validators()
    return Validators(row[1], row[2])


def is_due(db: Database, name: str, *, now: datetime) -> bool:
    """False while the source is backing off."""
    row = db.execute("SELECT next_attempt_at FROM source_state WHERE name = ?", [name]).fetchone()
    return row is None or row[0] is None or datetime.fromisoformat(row[0]) <= now


def is_new(db: Database, name: str, url: str) -> bool:
    """Never polled successfully under this URL: its first items are a backlog, not news."""
    row = db.execute("SELECT url, last_success FROM source_state WHERE name = ?", [name]).fetchone()
    return row is None or row[0] != url or row[1] is None


def record_success(
    db: Database, name: str, url: str, validators: Validators, *, now: datetime, items: int | None = None
) -> bool:
    """Returns True when the source was failing before (a recovery worth logging)."""
    before = db.execute("SELECT failures FROM source_state WHERE name = ?", [name]).fetchone()
    db.table("source_state").upsert(
        {
            "name": name,
            "url": url,
            "etag": validators.etag,
            "last_modified": validators.last_modified,
            "last_success": now.isoformat(),
            "last_attempt_at": now.isoformat(),
            "next_attempt_at": None,
            "failures": 0,
            **({"last_items": items} if items is not None else {}),
        },
        pk="name",
    )
    return bool(before and before[0])


def record_failure(
    db: Database,
    name: str,
    url: str,
    error: str,
    *,
    now: datetime,
    interval: float = 0.0,
    max_backoff: float = 0.0,
    retry_after: float | None = None,
) -> Failure:
    row = db.execute("SELECT failures, last_error FROM source_state WHERE name = ?", [name]).fetchone()
    failures = (row[0] if row else 0) + 1
    changed = failures == 1 or (row is not None and row[1] != error)
    delay = backoff_delay(failures, interval=interval, max_backoff=max_backoff, retry_after=retry_after)
    next_at = now + timedelta(seconds=delay)
    db.table("source_state").upsert(
        {
            "name": name,
            "url": url,
            "last_error": error,
            "last_error_at": now.isoformat(),
            "last_attempt_at": now.isoformat(),
            "next_attempt_at": next_at.isoformat() if delay else None,
            "failures": failures,
        },
        pk="name",
    )
    return Failure(failures, changed, next_at)


def list_health(db: Database) -> list[SourceHealth]:
    rows = db.execute(
        "SELECT name, url, last_success, last_error, last_error_at, failures, last_attempt_at, next_attempt_at, "
        "last_items FROM source_state ORDER BY name"
    ).fetchall()
    return [SourceHealth(*r) for r in rows]


@dataclass(frozen=True)
class StoredAdvisory:
    level: int
    label: str
    updated: str | None


def load_advisory(db: Database, provider: str, country: str) -> StoredAdvisory | None:
    row = db.execute(
        "SELECT level, label, updated FROM advisory_levels WHERE provider = ? AND country = ?", [provider, country]
    ).fetchone()
    return StoredAdvisory(*row) if row else None


def save_advisory(
    db: Database, provider: str, country: str, *, level: int, label: str, updated: str | None, now: datetime
) -> None:
    db.table("advisory_levels").upsert(
        {"provider": provider, "country": country, "level": level, "label": label, "updated": updated,
         "seen_at": now.isoformat()},
        pk=("provider", "country"),
    )


def is_file_read(db: Database, source: str, path: str, size: int, mtime_ns: int) -> bool:
    return db.execute(
        "SELECT 1 FROM source_files WHERE source = ? AND path = ? AND size = ? AND mtime_ns = ?",
        [source, path, size, mtime_ns],
    ).fetchone() is not None


def mark_file_read(db: Database, source: str, path: str, size: int, mtime_ns: int, *, now: datetime) -> None:
    db.table("source_files").insert(
        {"source": source, "path": path, "size": size, "mtime_ns": mtime_ns, "read_at": now.isoformat()},
        pk=("source", "path", "size", "mtime_ns"),
        ignore=True,
    )
