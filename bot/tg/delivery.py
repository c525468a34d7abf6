"""Drain the outbox into Telegram, within its limits, never losing a message.

Several sends are in flight at once (`concurrency`), each in its own overall slot
(bot/tg/limits.py), never two at a time to one chat, most severe first. A row is marked
sent only after Telegram confirms it, so a kill can repeat only the messages in flight at
that instant (at most `concurrency`, at most one per chat); nothing pending is dropped.

Errors, as the Bot API gives them:
- 429 RetryAfter: every send pauses exactly retry_after, then the message is tried again;
- 403 Forbidden (blocked, kicked) and 400 "chat not found": the chat is deactivated;
- ChatMigrated: the chat moved to a supergroup; its data follows and the message is re-sent;
- 400 "can't parse entities": sent again as plain text rather than lost;
- other 400s: this message can never be sent: marked failed, logged;
- timeouts, network errors, 5xx: retried later with exponential backoff.
A message is never longer than Telegram's 4,096 characters: one that would be is cut to fit.
"""
from __future__ import annotations

import asyncio
import html
import logging
import re
from collections.abc import Callable
from datetime import datetime

from sqlite_utils import Database
from telegram import Bot, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.chat_settings import ChatSettings, silent
from bot.store import outbox
from bot.store.subscriptions import deactivate_chat, quiet_settings
from bot.tg.limits import Pacer, already_paced, retry_after_seconds

__all__ = ["Pacer", "send_due", "retry_after_seconds", "fit_text", "DEFAULT_CONCURRENCY"]

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 8  # sends in flight; ~30/s needs latency x 30 of them (8 covers 250 ms)
MAX_RETRY_AFTER_WAITS = 3  # per delivery per drain, so one chat cannot hold the sender forever
MAX_MESSAGE_CHARS = 4096  # Telegram's limit, in UTF-16 code units of the text after HTML parsing
BATCH = 500
_TAG = re.compile(r"<[^>]*>")


def plain_text(html_text: str) -> str:
    return html.unescape(_TAG.sub("", html_text))


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fit_text(text: str) -> tuple[str, str | None]:
    """(text, parse_mode) that Telegram accepts: HTML as is when it fits, else plain text cut to fit."""
    if _utf16_len(text) <= MAX_MESSAGE_CHARS or _utf16_len(plain_text(text)) <= MAX_MESSAGE_CHARS:
        return text, ParseMode.HTML
    return cut_plain(plain_text(text)), None


def cut_plain(plain: str) -> str:
    if _utf16_len(plain) <= MAX_MESSAGE_CHARS:
        return plain
    while _utf16_len(plain) > MAX_MESSAGE_CHARS - 1:
        plain = plain[: len(plain) - max(1, (_utf16_len(plain) - MAX_MESSAGE_CHARS + 1) // 2)]
    return plain.rstrip() + "…"


async def send_due(
    bot: Bot,
    db: Database,
    *,
    pacer: Pacer,
    now: Callable[[], datetime],
    concurrency: int = DEFAULT_CONCURRENCY,
) -> int:
    """Send every due delivery; returns how many Telegram confirmed."""
    return await _Drain(bot, db, pacer, now, concurrency).run()


class _Drain:
    def __init__(self, bot: Bot, db: Database, pacer: Pacer, now: Callable[[], datetime], concurrency: int) -> None:
        self.bot, self.db, self.pacer, self.now = bot, db, pacer, now
        self.slots = asyncio.Semaphore(concurrency)
        self.in_flight: dict[int, asyncio.Task[None]] = {}  # by chat id
        self.in_flight_ids: set[int] = set()
        self.retry_after_waits: dict[int, int] = {}
        self.sent = 0
        self.changed = asyncio.Event()

    async def run(self) -> int:
        try:
            while True:
                started, next_ready = await self._pass()
                if started:
                    continue
                if not self.in_flight and next_ready is None:
                    return self.sent
                self.changed.clear()
                timeout = None if next_ready is None else max(0.0, next_ready - self.pacer.now())
                try:
                    await asyncio.wait_for(self.changed.wait(), timeout)
                except TimeoutError:
                    pass
        finally:
            if self.in_flight:  # cancelled: let the sends in flight settle their rows
                await asyncio.gather(*self.in_flight.values(), return_exceptions=True)

    async def _pass(self) -> tuple[int, float | None]:
        """Start every due delivery whose chat is free; returns (started, when the next chat is ready)."""
        # Rows in flight when the batch is read are skipped even if they finish meanwhile: the
        # batch still says 'pending' for them, and sending them again would be a duplicate.
        busy = set(self.in_flight_ids)
        batch = outbox.due_deliveries(self.db, now=self.now(), limit=BATCH + len(busy))
        quiet = quiet_settings(self.db) if batch else {}
        started, next_ready = 0, None
        for delivery in batch:
            if delivery.id in busy or delivery.id in self.in_flight_ids or delivery.chat_id in self.in_flight:
                continue
            ready = self.pacer.chat_ready_at(delivery.chat_id)
            if ready > self.pacer.now():
                next_ready = ready if next_ready is None else min(next_ready, ready)
                continue
            await self.slots.acquire()
            if delivery.chat_id in self.in_flight:  # a ChatMigrated retry may have taken it meanwhile
                self.slots.release()
                continue
            self._start(delivery, quiet.get(delivery.chat_id))
            started += 1
        return started, next_ready

    def _start(self, delivery: outbox.Delivery, settings: ChatSettings | None) -> None:
        self.in_flight_ids.add(delivery.id)
        task = asyncio.create_task(self._send(delivery, settings))
        self.in_flight[delivery.chat_id] = task

        def done(_: asyncio.Task[None]) -> None:
            self.in_flight_ids.discard(delivery.id)
            if self.in_flight.get(delivery.chat_id) is task:
                del self.in_flight[delivery.chat_id]
            self.slots.release()
            self.changed.set()

        task.add_done_callback(done)

    async def _send(self, delivery: outbox.Delivery, settings: ChatSettings | None) -> None:
        try:
            await self._attempt(delivery, settings)
        except Exception:  # never let one message stop the sender
            log.exception("delivery %s to chat %s: unexpected error", delivery.id, delivery.chat_id)
            self._retry_later(delivery, "internal error")

    async def _attempt(self, delivery: outbox.Delivery, settings: ChatSettings | None) -> None:
        chat_id = delivery.chat_id
        await self.pacer.acquire()
        self.pacer.chat_sent(chat_id)
        quietly = silent(settings, delivery.priority, self.now())
        try:
            with already_paced():
                message_id = await _deliver(self.bot, delivery, quietly)
        except RetryAfter as e:
            wait = retry_after_seconds(e)
            log.warning("Telegram asks to wait %.0f s (chat %s)", wait, chat_id)
            self.pacer.pause(wait)
            self.pacer.chat_sent(chat_id, extra_wait=wait)
            waits = self.retry_after_waits[delivery.id] = self.retry_after_waits.get(delivery.id, 0) + 1
            if waits > MAX_RETRY_AFTER_WAITS:
                self._retry_later(delivery, "rate limited")
            return  # still pending: the next pass sends it once the pause is over
        except ChatMigrated as e:
            log.info("chat %s migrated to %s", chat_id, e.new_chat_id)
            outbox.move_chat(self.db, chat_id, e.new_chat_id)
            return  # the row now names the new chat: the next pass sends it there
        except Forbidden as e:
            self._give_up_on_chat(delivery, f"forbidden: {e.message}")
            return
        except BadRequest as e:
            if "chat not found" in e.message.lower():
                self._give_up_on_chat(delivery, f"chat not found: {e.message}")
            else:
                log.error("delivery %s to chat %s rejected: %s", delivery.id, chat_id, e.message)
                outbox.mark_failed(self.db, delivery.id, error=f"bad request: {e.message}")
            return
        except (NetworkError, TelegramError) as e:  # TimedOut and 5xx arrive as NetworkError
            log.warning("delivery %s to chat %s will be retried: %s", delivery.id, chat_id, e)
            self._retry_later(delivery, str(e))
            return
        outbox.mark_sent(self.db, delivery.id, message_id=message_id, now=self.now())
        self.sent += 1

    def _retry_later(self, delivery: outbox.Delivery, error: str) -> None:
        outbox.mark_retry(self.db, delivery, error=error, not_before=self.now() + outbox.backoff(delivery.attempts))

    def _give_up_on_chat(self, delivery: outbox.Delivery, error: str) -> None:
        log.info("chat %s unreachable, deactivated: %s", delivery.chat_id, error)
        outbox.mark_failed(self.db, delivery.id, error=error)
        deactivate_chat(self.db, delivery.chat_id, now=self.now())


async def _deliver(bot: Bot, delivery: outbox.Delivery, quietly: bool) -> int:
    """Send (or edit) one outbox row; the id of the Telegram message it now is."""
    reply = _reply_to(delivery)
    if delivery.kind == "edit":
        return await _edit_alert(bot, delivery)
    if delivery.kind == "map":
        where = delivery.payload()
        venue = await bot.send_venue(
            delivery.chat_id,
            latitude=where["lat"],
            longitude=where["lon"],
            title=str(where["title"])[:100],
            address=str(where["address"])[:100],
            reply_parameters=reply,
            disable_notification=quietly,
        )
        return venue.message_id
    text, mode = fit_text(delivery.text)
    try:
        return (await _send_text(bot, delivery.chat_id, text, mode, reply, quietly)).message_id
    except BadRequest as e:
        if mode is None or "can't parse entities" not in e.message.lower():
            raise
        log.error("delivery %s: Telegram rejected the HTML (%s); sending it as plain text", delivery.id, e.message)
        return (await _send_text(bot, delivery.chat_id, cut_plain(plain_text(text)), None, reply, quietly)).message_id


async def _edit_alert(bot: Bot, delivery: outbox.Delivery) -> int:
    """Bring a sent alert up to date in place (more sources confirm it): no new message, no notification."""
    if delivery.reply_to_message_id is None:
        raise BadRequest("nothing to edit: the alert was never delivered")
    text, mode = fit_text(delivery.text)
    try:
        await bot.edit_message_text(
            text,
            chat_id=delivery.chat_id,
            message_id=delivery.reply_to_message_id,
            parse_mode=mode,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        )
    except BadRequest as e:
        if "not modified" not in e.message.lower():
            raise  # else it already says this: done
    return delivery.reply_to_message_id


async def _send_text(
    bot: Bot, chat_id: int, text: str, mode: str | None, reply: ReplyParameters | None, quietly: bool
) -> Message:
    return await bot.send_message(
        chat_id,
        text,
        parse_mode=mode,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        reply_parameters=reply,
        disable_notification=quietly,
    )


def _reply_to(delivery: outbox.Delivery) -> ReplyParameters | None:
    """An update (or map pin) answers the chat's alert; if that message is gone, it is sent on its own."""
    if delivery.reply_to_message_id is None:
        return None
    return ReplyParameters(delivery.reply_to_message_id, allow_sending_without_reply=True)
