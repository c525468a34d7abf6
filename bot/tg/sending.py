"""The sending job: drain the outbox, and retry what failed before."""
from __future__ import annotations

from telegram.ext import ContextTypes, JobQueue

from bot.services import Services
from bot.tg.delivery import send_due

SEND_RETRY_INTERVAL_S = 5.0


def schedule_sending(job_queue: JobQueue, services: Services) -> None:  # type: ignore[type-arg]
    job_queue.run_repeating(send_job, interval=SEND_RETRY_INTERVAL_S, first=SEND_RETRY_INTERVAL_S, name="send")


async def send_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Drain the outbox (also retries what failed before)."""
    services: Services = context.bot_data["services"]
    if services.send_lock.locked():
        return
    async with services.send_lock:
        await send_due(context.bot, services.db, pacer=services.pacer, now=services.clock)
