"""From new articles to planned deliveries: analyse, dedupe, store, match, enqueue.

For each article, one transaction writes the article, its incident and the
outbox rows for every chat watching the place, so an article is either fully
planned or not seen at all: a crash in between loses nothing.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.analysis.facts import ArticleMeta, Facts
from bot.fingerprint import content_hash, title_hash
from bot.match import Match, match_watches
from bot.model import Article
from bot.store import incidents as incident_store
from bot.store.outbox import enqueue_delivery
from bot.store.subscriptions import active_watches

Analyzer = Callable[..., Facts]
Renderer = Callable[..., str]

# Reports of one story with the same headline within this window are one incident.
SAME_HEADLINE_WINDOW = timedelta(hours=72)


@dataclass(frozen=True)
class NewIncident:
    incident_id: int
    article: Article
    facts: Facts
    matches: tuple[Match, ...]
    alerted: bool  # False when the article was too old to alert (backlog guard)


@dataclass
class IngestReport:
    seen: int = 0
    duplicates: int = 0
    new_articles: int = 0
    same_incident: int = 0
    incidents: list[NewIncident] = field(default_factory=list)
    deliveries: int = 0


def meta_of(article: Article) -> ArticleMeta:
    return ArticleMeta(title=article.title, url=article.url or None, source=article.source, published=article.published)


def distance_line(match: Match) -> tuple[str, ...]:
    """When the incident is near, not in, the watched place, say how far."""
    if match.distance_km is None or match.distance_km < 5:
        return ()
    return (f"About {match.distance_km:.0f} km from your place {match.watch.name}.",)


def ingest_articles(
    db: Database,
    articles: Iterable[Article],
    *,
    analyze: Analyzer,
    render_html: Renderer,
    now: datetime,
    max_age: timedelta,
) -> IngestReport:
    report = IngestReport()
    for article in articles:
        report.seen += 1
        chash = content_hash(article.title, article.text)
        if incident_store.is_known_article(db, url=article.url, content_hash=chash):
            report.duplicates += 1
            continue
        meta = meta_of(article)
        facts = analyze(article.title, article.text, meta=meta)
        _store_article(db, article, facts, meta, chash, report, render_html=render_html, now=now, max_age=max_age)
    return report


def _store_article(
    db: Database,
    article: Article,
    facts: Facts,
    meta: ArticleMeta,
    chash: str,
    report: IngestReport,
    *,
    render_html: Renderer,
    now: datetime,
    max_age: timedelta,
) -> None:
    thash = title_hash(article.title)
    with db.atomic():
        report.new_articles += 1
        incident_id = None
        if facts.is_incident and thash:
            incident_id = incident_store.find_incident_by_title(db, thash, since=article.published - SAME_HEADLINE_WINDOW)
            if incident_id is not None:
                incident_store.add_report(db, incident_id, article.source, now=now)
                report.same_incident += 1
        is_new_incident = facts.is_incident and incident_id is None
        if is_new_incident:
            incident_id = incident_store.create_incident(db, article, facts, now=now)
        incident_store.save_article(
            db, article, facts, content_hash=chash, title_hash=thash, incident_id=incident_id, now=now
        )
        if not is_new_incident or incident_id is None:
            return
        alerted = now - article.published <= max_age
        # Exact matches first, so a chat watching both Bamako and BKO gets the message without a distance line.
        found = match_watches(facts, active_watches(db)) if alerted else []
        matches = tuple(sorted(found, key=lambda m: (m.distance_km is not None, m.distance_km or 0.0)))
        for m in matches:
            text = render_html(facts, meta, extra_lines=distance_line(m))
            priority = facts.severity.rank if facts.severity else 0
            report.deliveries += enqueue_delivery(
                db, incident_id=incident_id, chat_id=m.watch.chat_id, text=text, priority=priority, now=now
            )
        report.incidents.append(NewIncident(incident_id, article, facts, matches, alerted))


def summarize(report: IngestReport) -> Sequence[str]:
    """One line for logs and `run --once`."""
    return (
        f"{report.seen} items: {report.new_articles} new, {report.duplicates} already seen, "
        f"{len(report.incidents)} new incidents ({report.same_incident} more reports of known ones), "
        f"{report.deliveries} advisories planned",
    )
