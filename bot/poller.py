"""One polling cycle: fetch every source concurrently, parse, then ingest what is new.

Each source is fetched and parsed on its own: its failure becomes a logged
value and never stops or delays the others beyond its own timeout.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import httpx
from sqlite_utils import Database

from bot.config import Settings, SourceSettings
from bot.model import Article
from bot.sources.fetch import fetch_source
from bot.sources.rss import parse_rss
from bot.store import source_state

log = logging.getLogger(__name__)

MAX_CONCURRENT_FETCHES = 8


@dataclass
class SourceOutcome:
    source: SourceSettings
    articles: list[Article] = field(default_factory=list)
    not_modified: bool = False
    error: str | None = None


async def fetch_all(
    client: httpx.AsyncClient, db: Database, settings: Settings, sources: Sequence[SourceSettings], *, now: datetime
) -> list[SourceOutcome]:
    limit = asyncio.Semaphore(MAX_CONCURRENT_FETCHES)

    async def one(source: SourceSettings) -> SourceOutcome:
        async with limit:
            return await _fetch_one(client, db, settings, source, now=now)

    return list(await asyncio.gather(*(one(s) for s in sources)))


async def _fetch_one(
    client: httpx.AsyncClient, db: Database, settings: Settings, source: SourceSettings, *, now: datetime
) -> SourceOutcome:
    validators = source_state.load_validators(db, source.name, source.url)
    result = await fetch_source(client, source.url, validators=validators, max_bytes=settings.polling.max_response_bytes)
    outcome = SourceOutcome(source)
    if result.error is None and result.not_modified:
        outcome.not_modified = True
    elif result.error is None:
        parsed = parse_rss(result.body, source=source.name, fetched_at=now)
        outcome.articles, outcome.error = parsed.articles, parsed.error
    else:
        outcome.error = result.error
    if outcome.error is None:
        if source_state.record_success(db, source.name, source.url, result.validators, now=now):
            log.info("source %s recovered", source.name)
    else:
        failures = source_state.record_failure(db, source.name, source.url, outcome.error, now=now)
        if failures == 1:  # log the change of state, not every failing poll
            log.warning("source %s failing: %s", source.name, outcome.error)
    return outcome
