"""The real bot (PTB Application from bot/tg/app.py) in this process, talking HTTP to the
Bot API test server on 127.0.0.1, on a real SQLite file, with an injected clock."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from telegram import Update

import bot.tg  # noqa: F401  (PTB_TIMEDELTA before telegram is imported)
from bot.analysis import analyze
from bot.analysis.advisory import render_html
from bot.config import PollingSettings, Settings, TelegramSettings
from bot.ingest import IngestReport, ingest_articles
from bot.model import Article
from bot.services import Services
from bot.store.db import open_database
from bot.tg.app import build_application
from bot.tg.delivery import send_due
from tests.botapi_server import DEFAULT_TOKEN, BotApiServer
from tests.poll_support import Clock

T0 = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


class Harness:
    def __init__(self, api: BotApiServer, app: Any, services: Services, clock: Clock) -> None:
        self.api, self.app, self.services, self.clock = api, app, services, clock
        self.db = services.db

    async def say(self, chat_id: int, text: str, *, user_id: int | None = None, chat_type: str = "private",
                  timeout: float = 10) -> str:
        """Send a message as a user; the bot's answer (exactly one is expected)."""
        before = len(self.api.sent(chat_id))
        self.api.push_message(chat_id, text, user_id=user_id, chat_type=chat_type)
        got = await self.api.wait_for_async(before + 1, chat_id=chat_id, timeout=timeout)
        return str(got[before]["text"])

    def last_call(self, chat_id: int, method: str = "sendMessage") -> Any:
        return [c for c in self.api.calls if c.method == method and c.params.get("chat_id") == chat_id
                and c.status == 200][-1]

    def buttons(self, chat_id: int) -> list[dict[str, Any]]:
        call = self.last_call(chat_id)
        return [b for row in call.params["reply_markup"]["inline_keyboard"] for b in row]

    async def press(self, chat_id: int, data: str, *, user_id: int | None = None, method: str = "sendMessage",
                    expect: int = 1) -> None:
        """Tap an inline button of the bot's last message; wait for `expect` new `method` calls."""
        call = self.last_call(chat_id)
        target = None if method == "answerCallbackQuery" else chat_id  # that one names no chat
        before = len(self.api.sent(target, method))
        self.api.push_callback_query(chat_id, data, message_id=call.response["result"]["message_id"], user_id=user_id)
        if expect:
            await self.api.wait_for_async(before + expect, chat_id=target, method=method)

    def publish(self, title: str, text: str, url: str, *, source: str = "Test Wire",
                published: datetime | None = None) -> IngestReport:
        """An article arrives from a source: analysed, stored, matched, planned (the real ingest)."""
        article = Article(source=source, url=url, title=title, text=text, published=published or self.clock())
        return ingest_articles(self.db, [article], analyze=analyze, render_html=render_html, now=self.clock(),
                               max_age=timedelta(hours=24))

    async def deliver(self) -> int:
        async with self.services.send_lock:
            return await send_due(self.app.bot, self.db, pacer=self.services.pacer, now=self.clock)


@asynccontextmanager
async def running_bot(tmp_path: Path, gazetteer: Any, *, commands_per_minute: int = 600,
                      api: BotApiServer | None = None) -> AsyncIterator[Harness]:
    own = api is None
    server = api or BotApiServer().start()
    clock = Clock(T0)
    settings = Settings(
        telegram=TelegramSettings(token=DEFAULT_TOKEN, api_base_url=server.url, commands_per_minute=commands_per_minute),
        polling=PollingSettings(interval_seconds=3600),
        sources=[],
    )
    db = open_database(tmp_path / "alerts.db")
    services = Services(settings=settings, db=db, http=httpx.AsyncClient(), places=gazetteer, analyze=analyze,
                        render_html=render_html, clock=clock)
    app = build_application(services)
    services.pacer.private_interval = services.pacer.group_interval = 0.0  # spacing is tested in test_delivery
    try:
        async with app:
            assert app.post_init is not None and app.updater is not None
            await app.post_init(app)
            await app.start()
            await app.updater.start_polling(poll_interval=0.0, timeout=timedelta(seconds=1),
                                            allowed_updates=Update.ALL_TYPES)
            try:
                yield Harness(server, app, services, clock)
            finally:
                await app.updater.stop()
                await app.stop()
                if app.post_stop is not None:
                    await app.post_stop(app)
    finally:
        await services.http.aclose()
        db.close()
        if own:
            server.close()


# A high-severity incident in Bamako (an armed attack on a police post, one hurt): the story most Telegram tests publish.
# The chats and people of the Telegram tests: a private chat, and a group with its administrator and a member.
ALICE = 1001
GROUP, ADMIN, MEMBER, OWNER = -5001, 8, 7, 9

RAID = ("Raiders attack police post in Bamako",
        "BAMAKO, Mali — Gunmen attacked a police post in Bamako on Monday, injuring one officer, police said.")
