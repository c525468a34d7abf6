"""Articles as seen, and the incidents they report."""
from __future__ import annotations

import json
from datetime import datetime

from sqlite_utils import Database

from bot.analysis.facts import Facts
from bot.model import Article


def is_known_article(db: Database, *, url: str, content_hash: str) -> bool:
    """The same item seen before: same canonical URL or same content."""
    if url and db.execute("SELECT 1 FROM articles WHERE url = ?", [url]).fetchone():
        return True
    return db.execute("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1", [content_hash]).fetchone() is not None


def find_incident_by_title(db: Database, title_hash: str, *, since: datetime) -> int | None:
    """An incident already opened by an article with this headline since `since`."""
    row = db.execute(
        "SELECT incident_id FROM articles WHERE title_hash = ? AND published >= ? AND incident_id IS NOT NULL "
        "ORDER BY id LIMIT 1",
        [title_hash, since.isoformat()],
    ).fetchone()
    return row[0] if row else None


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
    return int(
        db["articles"]
        .insert(
            {
                "source": article.source,
                "url": article.url,
                "content_hash": content_hash,
                "title_hash": title_hash,
                "title": article.title,
                "text": article.text,
                "language": article.language,
                "published": article.published.isoformat(),
                "seen_at": now.isoformat(),
                "is_incident": int(facts.is_incident),
                "incident_id": incident_id,
                "facts": json.dumps(facts.to_json(), ensure_ascii=False),
            }
        )
        .last_pk
    )


def create_incident(db: Database, article: Article, facts: Facts, *, now: datetime) -> int:
    return int(
        db["incidents"]
        .insert(
            {
                "created_at": now.isoformat(),
                "updated_at": now.isoformat(),
                "published": article.published.isoformat(),
                "category": facts.category.value,
                "severity": facts.severity.value if facts.severity else None,
                "city": facts.city,
                "country": facts.country,
                "lat": facts.lat,
                "lon": facts.lon,
                "title": article.title,
                "url": article.url,
                "source": article.source,
                "sources": json.dumps([article.source]),
                "facts": json.dumps(facts.to_json(), ensure_ascii=False),
            }
        )
        .last_pk
    )


def add_report(db: Database, incident_id: int, source: str, *, now: datetime) -> None:
    """Another article reports this incident: remember which source did."""
    row = db.execute("SELECT sources FROM incidents WHERE id = ?", [incident_id]).fetchone()
    sources = json.loads(row[0]) if row else []
    if source not in sources:
        sources.append(source)
    db.execute(
        "UPDATE incidents SET sources = ?, updated_at = ? WHERE id = ?", [json.dumps(sources), now.isoformat(), incident_id]
    )
