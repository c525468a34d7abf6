"""The outbox sender as a long-running task: woken when deliveries are planned, and every
few seconds for retries; one drain at a time, so a 10,000-chat fan-out never blocks polling."""
from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Bot
from telegram.ext import ContextTypes

from bot.services import Services
from bot.tg.delivery import DEFAULT_CONCURRENCY, send_due

log = logging.getLogger(__name__)

SEND_RETRY_INTERVAL_S = 5.0


class OutboxSender:
    def __init__(self, bot: Bot, services: Services, *, concurrency: int = DEFAULT_CONCURRENCY,
                 interval: float = SEND_RETRY_INTERVAL_S) -> None:
        self.bot, self.services, self.concurrency, self.interval = bot, services, concurrency, interval
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbox-sender")

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        services = self.services
        while True:
            self._wake.clear()
            try:
                async with services.send_lock:
                    await send_due(self.bot, services.db, pacer=services.pacer, now=services.clock,
                                   concurrency=self.concurrency)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("outbox sender failed; retrying in %.0f s", self.interval)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval)


async def send_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """New deliveries were planned: wake the sender (or drain now, when none is running)."""
    sender: OutboxSender | None = context.bot_data.get("sender")
    if sender is not None:
        sender.wake()
        return
    services: Services = context.bot_data["services"]
    if services.send_lock.locked():
        return
    async with services.send_lock:
        await send_due(context.bot, services.db, pacer=services.pacer, now=services.clock)
