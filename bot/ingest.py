"""From new articles to planned messages: analyse, dedupe and cluster, store, match, enqueue.

A batch is one transaction, each article a savepoint in it that writes the article, its
incident (new or joined) and the outbox rows (alerts for every chat watching the place, or
updates for the chats already alerted): an article is either fully planned or not seen at
all, and a crash loses nothing the next process will not read again (its first poll of
every source is unconditional).

One incident, one alert:
- the same URL or the same content is one article (seen once);
- a report of a known incident (same headline, near-duplicate text, or same place, kind,
  time and words: bot/dedupe/cluster.py) joins it and alerts nobody again; only a material
  change (death toll, severity, airport closed or reopened, all clear) makes an update,
  sent as a reply to the alert, at most `max_updates_per_chat` per chat;
- an incident without a new report for `expiry_hours` is closed; a later report that is
  clearly about it is filed silently, anything else opens a new incident.
"""
from __future__ import annotations

import html
import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.analysis.facts import ArticleMeta, Facts
from bot.chat_settings import local_time_line
from bot.config import DedupeSettings
from bot.dedupe import changes, cluster
from bot.dedupe.followup import lead_cues
from bot.dedupe.messages import render_update_html, sources_line
from bot.dedupe.sketch import content_hash, fact_terms, key_terms, similarity, sketch, title_hash
from bot.match import Match, match_watches
from bot.model import Article
from bot.store import incidents as incident_store
from bot.store import outbox
from bot.store.db import savepoint
from bot.store.subscriptions import wanted_matches, watch_index
from bot.watch_index import WatchIndex

log = logging.getLogger(__name__)

# Sent alerts are edited to show how many sources confirm the incident when the count reaches one
# of these (not at every new source: with thousands of chats each edit is a fan-out of its own).
CONFIRMATION_STEPS = frozenset({2, 3, 5, 10})

Analyzer = Callable[..., Facts]
Renderer = Callable[..., str]
Outlets = tuple[Sequence[str], Sequence[str]]  # (independent sources, outlets that carried copies)


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
    updates: int = 0
    edits: int = 0
    failed: int = 0


def meta_of(article: Article) -> ArticleMeta:
    return ArticleMeta(title=article.title, url=article.url or None, source=article.source, published=article.published)


def distance_line(match: Match) -> tuple[str, ...]:
    """When the incident is near, not in, the watched place, say how far (an HTML line: the name escaped,
    "Mojave Air & Space Port" would otherwise break the message's markup)."""
    if match.distance_km is None or match.distance_km < 5:
        return ()
    return (f"About {match.distance_km:.0f} km from your place {html.escape(match.watch.name)}.",)


def report_of(article: Article, facts: Facts, *, compared: bool = True) -> cluster.Report:
    """compared: False for a report that joins its event by its headline alone, whose words are never
    compared with others' (no terms, no cues: only its text's sketch, which the event takes in)."""
    follow_up, violent = lead_cues(article.title, article.text) if compared else (False, False)
    terms = (key_terms(article.title, article.text, place_names=[n for n in (facts.city, facts.country_name) if n])
             | fact_terms(un_involved=facts.un_involved, airports=facts.airports)) if compared else frozenset()
    return cluster.Report(
        category=facts.category,
        country=facts.country,
        geonameid=facts.geonameid,
        lat=facts.lat,
        lon=facts.lon,
        published=article.published,
        sketch=sketch(article.title, article.text),
        terms=terms,
        killed=facts.killed,
        follow_up=follow_up,
        violent=violent,
    )


def ingest_articles(
    db: Database,
    articles: Iterable[Article],
    *,
    analyze: Analyzer,
    render_html: Renderer,
    now: datetime,
    max_age: timedelta,
    policy: DedupeSettings | None = None,
) -> IngestReport:
    policy = policy or DedupeSettings()
    # Watches are loaded once per batch: ingest runs to its end before a command can change one.
    batch = _Batch(db, watch_index(db), IngestReport(), render_html, now, max_age, policy, set())
    report = batch.report
    # One transaction per batch (one commit, not one per article); a savepoint per article keeps
    # each article all-or-nothing. A crash loses at most the batch, which the next process reads
    # again (its first poll of every source is unconditional).
    with db.atomic():
        for article in articles:
            report.seen += 1
            chash = content_hash(article.title, article.text)
            if incident_store.is_known_article(db, url=article.url, content_hash=chash):
                report.duplicates += 1
                continue
            meta = meta_of(article)
            # Structured sources (GDACS, travel advisories) bring their own facts: no text analysis.
            facts = article.facts if article.facts is not None else analyze(article.title, article.text, meta=meta)
            try:
                with savepoint(db):  # a failing article leaves nothing behind
                    batch.ingest_one(article, facts, chash)
            except (sqlite3.IntegrityError, ValueError, KeyError, TypeError) as e:  # one bad item must not stop a batch
                log.exception("article %r from %s skipped: %s", article.url or article.title[:80], article.source, e)
                report.failed += 1
        batch.edit_confirmed()
        incident_store.purge_article_text(db, seen_before=now - timedelta(days=policy.retention_days))
    return report


@dataclass
class _Batch:
    """What every article of one ingest batch is planned against."""

    db: Database
    watches: WatchIndex
    report: IngestReport
    render_html: Renderer
    now: datetime
    max_age: timedelta
    policy: DedupeSettings
    # Events whose sent alerts are to be edited (more sources confirm them): once, at the end of the batch,
    # with the count the batch ends on, not once for each step it passed (2, then 3, then 5 sources).
    confirmed: set[int]

    def ingest_one(self, article: Article, facts: Facts, chash: str) -> None:
        """Every article joins or opens an event; an event becomes an incident (and alerts) with its
        first incident report, so a follow-up that is not itself alarming ("police name the attacker")
        still files under the incident, and a story first reported calmly still alerts when it turns."""
        db, report, now = self.db, self.report, self.now
        report.new_articles += 1
        thash = title_hash(article.title)
        state = changes.state_of(facts, f"{article.title}\n{article.text}")
        expiry = timedelta(hours=self.policy.expiry_hours)
        # An incident report under the headline of an open event (a syndicated copy) joins it on that alone.
        event_id = incident_store.find_incident_by_title(db, thash, since=article.published - expiry) \
            if thash and facts.is_incident else None
        signal = report_of(article, facts, compared=event_id is None)
        closed = None
        if event_id is None:
            event_id, closed = _find_event(db, signal, expiry=expiry, policy=self.policy)
        if closed is not None:
            report.same_incident += facts.is_incident  # a late report of a closed incident: filed, nobody alerted again
            event = incident_store.load_event(db, closed)
            incident_store.record_report(db, event, article, signal, event.state, now=now)
            event_id = closed
        elif event_id is None:
            event_id = incident_store.create_incident(db, article, facts, signal, state, now=now)
            if facts.is_incident:
                self.alert(event_id, ((article.source,), ()), article, facts)
        else:
            event = incident_store.load_event(db, event_id)
            if facts.is_incident and not event.is_incident:  # the story turned into an incident
                outlets = incident_store.record_report(db, event, article, signal, state, now=now,
                                                       independent=_is_independent(signal, event))
                incident_store.promote(db, event_id, article, facts, now=now)
                self.alert(event_id, outlets, article, facts)
            else:
                report.same_incident += facts.is_incident
                reported_by = self.join(event, article, signal, state, is_incident=facts.is_incident)
                if facts.is_incident and event.is_incident:
                    self.refine_place(event, article, facts, reported_by)
                    self.reach_stricter_chats(event, article, facts, reported_by)
        incident_store.save_article(db, article, facts, content_hash=chash, title_hash=thash, incident_id=event_id,
                                    now=now)

    def alert(self, incident_id: int, outlets: Outlets, article: Article, facts: Facts) -> None:
        alerted = self.timely(article)
        matches = self.plan_alerts(incident_id, outlets, meta_of(article), facts) if alerted else ()
        self.report.incidents.append(NewIncident(incident_id, article, facts, matches, alerted))

    def timely(self, article: Article) -> bool:
        return not article.backlog and self.now - article.published <= self.max_age

    def plan_alerts(self, incident_id: int, outlets: Outlets, meta: ArticleMeta, facts: Facts) -> tuple[Match, ...]:
        """One alert for each chat whose places these facts concern (a chat that has it already gets nothing: it is
        left out before its settings are read or a text is made for it, as most are when an incident grows graver)."""
        has_it = outbox.alerted_chats(self.db, incident_id)
        matches = [m for m in match_watches(facts, self.watches.near(facts)) if m.watch.chat_id not in has_it]
        found = wanted_matches(self.db, facts, matches, now=self.now)
        # Exact matches first, so a chat watching both Bamako and BKO gets the message without a distance line.
        found.sort(key=lambda ms: (ms[0].distance_km is not None, ms[0].distance_km or 0.0))
        rendered: dict[tuple[str, ...], str] = {}  # chats in one zone watching the place itself share one text
        planned = []
        for m, settings in found:
            context = (*distance_line(m), *local_time_line(meta.published, settings.timezone if settings else None))
            if context not in rendered:
                rendered[context] = self.render_html(facts, meta, extra_lines=[*context, sources_line(*outlets)])
            planned.append((m.watch.chat_id, rendered[context], list(context)))
        self.report.deliveries += outbox.enqueue_deliveries(self.db, incident_id=incident_id, planned=planned, has_it=has_it,
                                                            priority=_priority(facts), now=self.now)
        return tuple(m for m, _ in found)

    def edit_confirmed(self) -> None:
        """Edit the sent alerts of the events more sources confirmed in this batch, to name them all."""
        for event_id in sorted(self.confirmed):
            event = incident_store.load_event(self.db, event_id)
            self.report.edits += outbox.enqueue_edit(self.db, incident_id=event_id, now=self.now,
                                                     render=self._renderer(event, (event.sources, event.copies)))
        self.confirmed.clear()

    def _renderer(self, event: incident_store.Event, outlets: Outlets) -> Callable[[list[str]], str]:
        """The event's alert naming these outlets, from a chat's own context lines."""
        line = sources_line(*outlets)

        def render(context: list[str]) -> str:
            return self.render_html(event.facts, event.meta, extra_lines=[*context, line])

        return render

    def refine_place(self, event: incident_store.Event, article: Article, facts: Facts, outlets: Outlets) -> None:
        """A later report names the city of an incident first placed only in its country ("in northern
        Mali", then "in Timbuktu"): the incident takes the city, and the chats watching that city, which
        the first alert could not reach, get the alert now."""
        if event.geonameid is not None or facts.geonameid is None:
            return
        known = event.facts
        if known.country not in (None, facts.country):
            return
        placed = replace(known, city=facts.city, country=facts.country, country_name=facts.country_name,
                         lat=facts.lat, lon=facts.lon, geonameid=facts.geonameid,
                         airports=known.airports or facts.airports, un_sites=known.un_sites or facts.un_sites)
        incident_store.set_place(self.db, event.id, placed, now=self.now)
        if self.timely(article):
            self.plan_alerts(event.id, outlets, event.meta, placed)

    def reach_stricter_chats(self, event: incident_store.Event, article: Article, facts: Facts, outlets: Outlets) -> None:
        """The incident grew graver than anything reported of it so far (the toll rises past 10: critical): chats whose
        minimum severity it now reaches, which its alert skipped, get the alert now, as this report tells it, at the
        incident's place. Chats that had it get the update instead (see join); none gets both."""
        before, after = event.state.severity, facts.severity
        if after is None or (before is not None and after.rank <= before.rank) or not self.timely(article):
            return
        placed = event.facts
        current = replace(facts, category=placed.category, city=placed.city, country=placed.country,
                          country_name=placed.country_name, lat=placed.lat, lon=placed.lon, geonameid=placed.geonameid,
                          airports=facts.airports or placed.airports, un_sites=facts.un_sites or placed.un_sites,
                          un_involved=facts.un_involved or placed.un_involved,
                          killed=_largest(facts.killed, event.state.killed),
                          injured=_largest(facts.injured, event.state.injured))
        self.plan_alerts(event.id, outlets, meta_of(article), current)

    def join(self, event: incident_store.Event, article: Article, signal: cluster.Report,
             state: changes.IncidentState, *, is_incident: bool) -> Outlets:
        """File the report under the event; re-render, edit or update what chats have. The event's outlets now."""
        db, now = self.db, self.now
        # (a calm report joining an incident may still say the airport reopened: see material_changes)
        lines, merged = changes.material_changes(event.state, state, calm=not is_incident) if event.is_incident \
            else ([], event.state)
        sources, copies = incident_store.record_report(db, event, article, signal, merged, now=now,
                                                       independent=_is_independent(signal, event))
        new_outlets = (sources, copies) != (event.sources, event.copies)
        if not new_outlets and not lines:
            return sources, copies  # a rewording or a repeat from a known source: nothing new to tell
        render = self._renderer(event, (sources, copies))  # the event's facts are read only when a text is made
        rendered: dict[tuple[str, ...], str] = {}  # most chats share their context lines (none, or one distance)
        texts = []
        for delivery_id, context in outbox.pending_alerts(db, event.id) if new_outlets else ():
            key = tuple(context)  # not sent yet: the alert names every source
            if key not in rendered:
                rendered[key] = render(context)
            texts.append((delivery_id, rendered[key]))
        outbox.set_pending_texts(db, texts)
        if len(sources) > len(event.sources) and len(sources) in CONFIRMATION_STEPS:  # sent alerts: edited, silently
            self.confirmed.add(event.id)
        if not lines:
            return sources, copies
        text = render_update_html(_place_of(event.facts), lines, meta_of(article))
        self.report.updates += outbox.enqueue_updates(db, incident_id=event.id, text=text,
                                                      priority=_priority(event.facts), now=now,
                                                      max_per_chat=self.policy.max_updates_per_chat)
        return sources, copies


def _find_event(db: Database, signal: cluster.Report, *, expiry: timedelta,
                policy: DedupeSettings) -> tuple[int | None, int | None]:
    """(the open event the report joins, None) or (None, the closed event it is a late report of), or neither.

    The events of the whole look-back are read at once: most reports that open no event are weighed against
    the closed ones too, and one read costs less than two."""
    lookback = max(expiry, timedelta(days=policy.closed_lookback_days))
    candidates = incident_store.candidate_incidents(db, signal, seen_since=signal.published - lookback)
    open_since = signal.published - expiry
    verdict = cluster.choose_incident(signal, [c for c in candidates if c.last_seen >= open_since], window=expiry)
    if verdict is not None:
        return verdict.incident_id, None
    if lookback <= expiry:
        return None, None
    # Only closed events: the open ones were just weighed, with the ordinary bar.
    verdict = cluster.choose_incident(signal, [c for c in candidates if c.last_seen < open_since], window=lookback,
                                      strict=True)
    return None, verdict.incident_id if verdict else None


def _is_independent(signal: cluster.Report, event: incident_store.Event) -> bool:
    """A report in its own words confirms the event; a copy of a text it already has (one wire story
    carried by many outlets) does not."""
    return similarity(signal.sketch, event.sketch) < cluster.NEAR_DUPLICATE


def _largest(*counts: int | None) -> int | None:
    """The largest known count, None when none is known."""
    known = [c for c in counts if c is not None]
    return max(known) if known else None


def _priority(facts: Facts) -> int:
    return facts.severity.rank if facts.severity else 0


def _place_of(facts: Facts) -> str:
    return ", ".join(p for p in (facts.city, facts.country_name or facts.country) if p) or "Incident"


def summarize(report: IngestReport) -> Sequence[str]:
    """One line for logs and `run --once`."""
    return (
        f"{report.seen} items: {report.new_articles} new, {report.duplicates} already seen, "
        f"{len(report.incidents)} new incidents ({report.same_incident} more reports of known ones), "
        f"{report.deliveries} advisories and {report.updates} updates planned",
    )
