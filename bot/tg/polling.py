"""The polling jobs: each group of sources on its own interval (with jitter), then send what was planned."""
from __future__ import annotations

import random

from telegram.ext import ContextTypes, JobQueue

from bot.config import SourceSettings
from bot.cycle import make_poller, poll_group, schedules
from bot.poller import Poller
from bot.services import Services
from bot.tg.sending import send_job

POLLER_KEY = "poller"


def schedule_polling(job_queue: JobQueue, services: Services) -> None:  # type: ignore[type-arg]
    """One repeating job per polling interval, for the sources with that interval; first runs spread by jitter."""
    job_queue.application.bot_data[POLLER_KEY] = make_poller(services)
    for interval, sources in schedules(services).items():
        jitter = min(services.settings.polling.jitter_seconds, interval / 10)
        job_queue.run_repeating(
            sources_job,
            interval=interval,
            first=0.5 + random.uniform(0, jitter),
            name=f"poll every {interval:g} s",
            data=sources,
            # A late run is run once, not once per missed interval; jitter spreads polls over time.
            job_kwargs={"coalesce": True, "misfire_grace_time": int(interval), **({"jitter": jitter} if jitter else {})},
        )


async def sources_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Poll this job's sources (each with its own timeout and backoff), ingest, then send what was planned."""
    services: Services = context.bot_data["services"]
    poller: Poller = context.bot_data[POLLER_KEY]
    assert context.job is not None
    sources: list[SourceSettings] = context.job.data  # type: ignore[assignment]

    async def send() -> None:
        await send_job(context)

    await poll_group(services, poller, sources, send)
