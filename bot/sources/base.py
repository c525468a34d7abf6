"""What every source type shares: the context a collector runs in and the Batch it returns.

A collector is `async def collect(ctx) -> Batch`: it fetches through ctx (so the byte cap,
time limit, User-Agent and conditional GET apply alike) and parses with pure functions.
It never raises for trouble at the source: that becomes Batch.error.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

import httpx
from sqlite_utils import Database

from bot.config import PollingSettings, SourceSettings
from bot.model import Article
from bot.sources.fetch import FetchResult, Validators, fetch_source
from bot.sources.ratelimit import RateGates
from bot.store import source_state


@dataclass(frozen=True)
class Batch:
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
    not_modified: bool = False
    validators: Validators = Validators()  # saved only when the batch is a success
    retry_after: float | None = None
    # State to write in the transaction that stores the batch's articles (what an advisory source
    # has seen), so a crash in between loses neither: next time the same change is seen again.
    deferred: tuple[Callable[[], None], ...] = ()


@dataclass
class SourceContext:
    client: httpx.AsyncClient
    db: Database
    source: SourceSettings
    polling: PollingSettings
    now: datetime
    gates: RateGates
    # The first poll of a source in a process is unconditional: if the last process died between
    # saving the validators and storing the items, a 304 would hide those items for good.
    # Reading a feed once more costs little; deduplication makes the repeat harmless.
    first_in_process: bool = False
    first_read: bool = False  # the source has never been read successfully: what it has is a backlog

    async def get(self, url: str, *, conditional: bool = False, accept: str | None = None) -> FetchResult:
        """GET within the polling limits; conditional: send the validators remembered for this source."""
        use_validators = conditional and not self.first_in_process
        validators = source_state.load_validators(self.db, self.source.name, url) if use_validators else Validators()
        return await fetch_source(
            self.client,
            url,
            validators=validators,
            max_bytes=self.polling.max_response_bytes,
            max_seconds=self.polling.max_fetch_seconds,
            accept=accept,
        )


def failed(result: FetchResult) -> Batch | None:
    """The Batch to return at once when a fetch brought nothing to parse (error or 304)."""
    if result.error is not None:
        return Batch(error=result.error, retry_after=result.retry_after)
    if result.not_modified:
        return Batch(not_modified=True, validators=result.validators)
    return None


Collector = Callable[[SourceContext], Awaitable[Batch]]
