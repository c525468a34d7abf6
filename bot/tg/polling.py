"""The polling job: fetch the sources, plan advisories, then send them at once."""
from __future__ import annotations

from telegram.ext import ContextTypes, JobQueue

from bot.cycle import poll_cycle
from bot.services import Services
from bot.tg.sending import send_job


def schedule_polling(job_queue: JobQueue, services: Services) -> None:  # type: ignore[type-arg]
    job_queue.run_repeating(poll_job, interval=services.settings.polling.interval_seconds, first=0.5, name="poll")


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Poll the sources, plan advisories, then send them at once."""
    services: Services = context.bot_data["services"]
    await poll_cycle(services)
    await send_job(context)
