"""One cycle of the bot's main job: poll every source, ingest what is new."""
from __future__ import annotations

import logging
from datetime import timedelta

from bot.ingest import IngestReport, ingest_articles, summarize
from bot.poller import SourceOutcome, fetch_all
from bot.services import Services

log = logging.getLogger(__name__)


async def poll_cycle(services: Services) -> tuple[list[SourceOutcome], IngestReport]:
    settings = services.settings
    now = services.clock()
    outcomes = await fetch_all(services.http, services.db, settings, settings.sources, now=now)
    articles = [a for o in outcomes for a in o.articles]
    report = ingest_articles(
        services.db,
        articles,
        analyze=services.analyze,
        render_html=services.render_html,
        now=now,
        max_age=timedelta(hours=settings.polling.max_item_age_hours),
    )
    for line in summarize(report):
        log.info("%s", line)
    return outcomes, report
