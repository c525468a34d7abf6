"""Poll one source, or all: fetch and parse through its collector, keep its health.

Each source runs on its own: a concurrency limit bounds how many fetch at once, a
deadline bounds how long one may take, and its failure becomes a value (logged once
when its state changes) with exponential backoff, so a failing, slow or hostile
source never stops or delays the others.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

import httpx
from sqlite_utils import Database

from bot.config import Settings, SourceSettings
from bot.model import Article
from bot.sources.article_page import with_page_text
from bot.sources.base import Batch, SourceContext
from bot.sources.ratelimit import RateGates
from bot.sources.registry import COLLECTORS
from bot.store import source_state

log = logging.getLogger(__name__)

DEADLINE_FETCHES = 5  # a source's whole poll may take this many fetch time limits (UK advice reads several documents)


@dataclass
class SourceOutcome:
    source: SourceSettings
    articles: list[Article] = field(default_factory=list)
    not_modified: bool = False
    error: str | None = None
    skipped: bool = False  # backing off after failures: not polled this time
    seconds: float = 0.0
    deferred: tuple[Callable[[], None], ...] = ()  # state to write with the articles (Batch.deferred)


def interval_of(source: SourceSettings, settings: Settings) -> float:
    return source.interval_seconds or settings.polling.interval_seconds


class Poller:
    """Shared by all polls of one running bot: the concurrency limit and the API rate gates."""

    def __init__(
        self, client: httpx.AsyncClient, db: Database, settings: Settings, clock: Callable[[], datetime],
        polled: set[str] | None = None,
    ) -> None:
        self.client, self.db, self.settings, self.clock = client, db, settings, clock
        self.limit = asyncio.Semaphore(settings.polling.max_concurrent_fetches)
        self.gates = RateGates()
        self._polled = polled if polled is not None else set()  # sources this process has polled

    async def poll_all(self, sources: Sequence[SourceSettings], *, force: bool = False) -> list[SourceOutcome]:
        return list(await asyncio.gather(*(self.poll_source(s, force=force) for s in sources if s.enabled)))

    async def poll_source(self, source: SourceSettings, *, force: bool = False) -> SourceOutcome:
        """force: poll even while backing off (an operator's `poll --once`)."""
        if not force and not source_state.is_due(self.db, source.name, now=self.clock()):
            return SourceOutcome(source, skipped=True)
        first_read = source_state.is_new(self.db, source.name, source.key)
        async with self.limit:
            started, now = time.monotonic(), self.clock()
            batch = await self._collect(source, now, first_read=first_read)
            seconds = time.monotonic() - started
        articles = _mark_undated_backlog(batch.articles, now) if first_read else batch.articles
        outcome = SourceOutcome(source, articles, batch.not_modified, batch.error, seconds=seconds,
                                deferred=batch.deferred)
        self._record(source, batch, now)
        return outcome

    async def _collect(self, source: SourceSettings, now: datetime, *, first_read: bool = False) -> Batch:
        polling = self.settings.polling
        ctx = SourceContext(self.client, self.db, source, polling, now, self.gates,
                            first_in_process=source.name not in self._polled, first_read=first_read)
        self._polled.add(source.name)
        deadline = polling.max_fetch_seconds * DEADLINE_FETCHES
        try:
            async with asyncio.timeout(deadline):
                batch = await COLLECTORS[source.type](ctx)
                if source.fetch_article and batch.articles and batch.error is None:
                    batch = Batch(await with_page_text(ctx, batch.articles), validators=batch.validators)
        except TimeoutError:
            return Batch(error=f"gave up after {deadline:g} s")
        except Exception as e:  # a parser bug on one hostile payload must not stop the other sources
            log.exception("source %s: unexpected error", source.name)
            return Batch(error=f"internal error: {type(e).__name__}")
        return batch

    def _record(self, source: SourceSettings, batch: Batch, now: datetime) -> None:
        if batch.error is None:
            items = None if batch.not_modified else len(batch.articles)
            if source_state.record_success(self.db, source.name, source.key, batch.validators, now=now, items=items):
                log.info("source %s recovered", source.name)
            return
        failure = source_state.record_failure(
            self.db, source.name, source.key, batch.error, now=now, interval=interval_of(source, self.settings),
            max_backoff=self.settings.polling.max_backoff_seconds, retry_after=batch.retry_after,
        )
        if failure.changed:  # log the change of state, not every failing poll
            log.warning("source %s failing: %s (next try after %s)", source.name, batch.error,
                        failure.next_attempt_at.strftime("%H:%M:%S UTC"))


def _mark_undated_backlog(articles: list[Article], fetched_at: datetime) -> list[Article]:
    """On a source's first read, an item without a date (given the fetch time) may be weeks old:
    store it, never alert it. Dated items follow the age rule ([polling] max_item_age_hours)."""
    return [replace(a, backlog=True) if a.published == fetched_at else a for a in articles]
