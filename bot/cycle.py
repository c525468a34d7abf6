"""The bot's main job: poll sources, ingest what is new; once, or each source on its own schedule."""
from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta

from bot.config import SourceSettings
from bot.ingest import IngestReport, ingest_articles, summarize
from bot.poller import Poller, SourceOutcome, interval_of
from bot.services import Services

log = logging.getLogger(__name__)

AfterPoll = Callable[[], Awaitable[None] | None]


def make_poller(services: Services) -> Poller:
    return Poller(services.http, services.db, services.settings, services.clock, services.polled_sources)


def ingest_outcomes(services: Services, outcomes: Sequence[SourceOutcome]) -> IngestReport:
    """Store what the sources brought, and the state they saw, in one transaction."""
    with services.db.atomic():
        report = ingest_articles(
            services.db,
            [a for o in outcomes for a in o.articles],
            analyze=services.analyze,
            render_html=services.render_html,
            now=services.clock(),
            max_age=timedelta(hours=services.settings.polling.max_item_age_hours),
            policy=services.settings.dedupe,
        )
        for outcome in outcomes:
            for write in outcome.deferred:
                write()
    return report


async def poll_cycle(
    services: Services, sources: Sequence[SourceSettings] | None = None, *, poller: Poller | None = None,
    force: bool = True,
) -> tuple[list[SourceOutcome], IngestReport]:
    """Poll the sources (all configured ones by default) once, then ingest what they brought."""
    poller = poller or make_poller(services)
    outcomes = await poller.poll_all(services.settings.sources if sources is None else sources, force=force)
    report = ingest_outcomes(services, outcomes)
    for line in summarize(report):
        log.info("%s", line)
    return outcomes, report


def schedules(services: Services) -> dict[float, list[SourceSettings]]:
    """Enabled sources grouped by polling interval: the sources of one group are polled together."""
    groups: dict[float, list[SourceSettings]] = {}
    for source in services.settings.sources:
        if source.enabled:
            groups.setdefault(interval_of(source, services.settings), []).append(source)
    return groups


async def poll_group(
    services: Services, poller: Poller, sources: Sequence[SourceSettings], after_ingest: AfterPoll
) -> None:
    """Poll sources due together, each on its own; ingest them in config order once all answered
    (so reports of one story read in one poll meet in a stable order), but never wait for a slow one
    longer than the request timeout: its items are ingested when it is done."""
    tasks = [asyncio.create_task(poller.poll_source(s)) for s in sources]
    done, pending = await asyncio.wait(tasks, timeout=services.settings.polling.timeout_seconds)
    await _ingest(services, [t.result() for t in tasks if t in done], after_ingest)
    for late in asyncio.as_completed(pending):
        await _ingest(services, [await late], after_ingest)


async def _ingest(services: Services, outcomes: Sequence[SourceOutcome], after_ingest: AfterPoll) -> None:
    if any(o.articles or o.deferred for o in outcomes):
        report = ingest_outcomes(services, outcomes)
        log.info("%s: %s", ", ".join(o.source.name for o in outcomes if o.articles), summarize(report)[0])
    result = after_ingest()
    if result is not None:
        await result


async def run_schedule(services: Services, poller: Poller, after_poll: AfterPoll) -> None:
    """Console mode's scheduler: each group of sources on its own interval, with jitter, until cancelled."""
    await asyncio.gather(*(_group_loop(services, poller, interval, group, after_poll)
                           for interval, group in schedules(services).items()))


async def _group_loop(
    services: Services, poller: Poller, interval: float, sources: list[SourceSettings], after_poll: AfterPoll
) -> None:
    jitter = min(services.settings.polling.jitter_seconds, interval / 10)
    await asyncio.sleep(random.uniform(0, jitter))  # spread the first polls
    while True:
        await poll_group(services, poller, sources, after_poll)
        await asyncio.sleep(interval + random.uniform(0, jitter))
