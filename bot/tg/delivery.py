"""Drain the outbox into Telegram, within its limits, never losing or repeating a message.

A row is marked sent only after Telegram confirms it. A kill between the
confirmation and the mark can repeat that one in-flight message after a
restart; nothing else is ever sent twice, and nothing pending is dropped.

Errors, as the Bot API gives them:
- 429 RetryAfter: wait exactly retry_after, then try again;
- 403 Forbidden (blocked, kicked) and 400 "chat not found": the chat is deactivated;
- ChatMigrated: the chat moved to a supergroup; its data follows and the message is re-sent;
- other 400s: this message can never be sent: marked failed, logged;
- timeouts, network errors, 5xx: retried later with exponential backoff.
"""
from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlite_utils import Database
from telegram import Bot, LinkPreviewOptions, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.store import outbox
from bot.store.subscriptions import deactivate_chat

log = logging.getLogger(__name__)

GLOBAL_INTERVAL_S = 1 / 30  # Telegram: about 30 messages per second overall
PRIVATE_CHAT_INTERVAL_S = 1.0  # one message per second per chat
GROUP_CHAT_INTERVAL_S = 3.0  # 20 messages per minute per group
MAX_RETRY_AFTER_WAITS = 3  # per delivery per drain, so one chat cannot hold the sender forever


def retry_after_seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB_TIMEDELTA; normalise it here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Pacer:
    """Spaces messages to stay inside Telegram's limits instead of waiting for 429s."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._next_global = 0.0
        self._next_chat: dict[int, float] = {}

    def delay_for(self, chat_id: int) -> float:
        now = self._clock()
        return max(0.0, self._next_global - now, self._next_chat.get(chat_id, 0.0) - now)

    def sent(self, chat_id: int) -> None:
        now = self._clock()
        self._next_global = now + GLOBAL_INTERVAL_S
        self._next_chat[chat_id] = now + (GROUP_CHAT_INTERVAL_S if chat_id < 0 else PRIVATE_CHAT_INTERVAL_S)


async def send_due(bot: Bot, db: Database, *, pacer: Pacer, now: Callable[[], datetime]) -> int:
    """Send every due delivery; returns how many Telegram confirmed."""
    sent = 0
    # Each attempt leaves its row sent, failed or due later, so this loop ends.
    while batch := outbox.due_deliveries(db, now=now(), limit=100):
        for delivery in batch:
            sent += await _send_one(bot, db, delivery, pacer=pacer, now=now)
    return sent


async def _send_one(bot: Bot, db: Database, delivery: outbox.Delivery, *, pacer: Pacer, now: Callable[[], datetime]) -> bool:
    chat_id = delivery.chat_id
    for _ in range(MAX_RETRY_AFTER_WAITS + 1):
        await asyncio.sleep(pacer.delay_for(chat_id))
        try:
            message = await bot.send_message(
                chat_id,
                delivery.text,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                reply_parameters=_reply_to(delivery),
            )
        except RetryAfter as e:
            wait = retry_after_seconds(e)
            log.warning("Telegram asks to wait %.0f s (chat %s)", wait, chat_id)
            await asyncio.sleep(wait)
            continue
        except ChatMigrated as e:
            log.info("chat %s migrated to %s", chat_id, e.new_chat_id)
            outbox.move_chat(db, chat_id, e.new_chat_id)
            chat_id = e.new_chat_id
            continue
        except Forbidden as e:
            _give_up_on_chat(db, delivery, f"forbidden: {e.message}", now=now())
            return False
        except BadRequest as e:
            if "chat not found" in e.message.lower():
                _give_up_on_chat(db, delivery, f"chat not found: {e.message}", now=now())
            else:
                log.error("delivery %s to chat %s rejected: %s", delivery.id, chat_id, e.message)
                outbox.mark_failed(db, delivery.id, error=f"bad request: {e.message}")
            return False
        except (NetworkError, TelegramError) as e:  # TimedOut and 5xx arrive as NetworkError
            log.warning("delivery %s to chat %s will be retried: %s", delivery.id, chat_id, e)
            outbox.mark_retry(db, delivery, error=str(e), not_before=now() + outbox.backoff(delivery.attempts))
            return False
        pacer.sent(chat_id)
        outbox.mark_sent(db, delivery.id, message_id=message.message_id, now=now())
        return True
    outbox.mark_retry(db, delivery, error="rate limited", not_before=now() + outbox.backoff(delivery.attempts))
    return False


def _reply_to(delivery: outbox.Delivery) -> ReplyParameters | None:
    """An update answers the chat's alert; if that message is gone, it is sent on its own."""
    if delivery.reply_to_message_id is None:
        return None
    return ReplyParameters(delivery.reply_to_message_id, allow_sending_without_reply=True)


def _give_up_on_chat(db: Database, delivery: outbox.Delivery, error: str, *, now: datetime) -> None:
    log.info("chat %s unreachable, deactivated: %s", delivery.chat_id, error)
    outbox.mark_failed(db, delivery.id, error=error)
    deactivate_chat(db, delivery.chat_id, now=now)
