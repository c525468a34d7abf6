"""Telegram's flood limits, obeyed before sending instead of learned from 429s.

Telegram allows a bot about 30 messages per second overall, 1 per second in one chat and
20 per minute in one group. Two pieces share one budget:

- `Pacer` (used by the outbox sender, bot/tg/delivery.py): lets at most 28 sends start in
  any sliding second, 1/30 s apart at least (several can be in flight at once), and
  spaces messages to one chat (1.1 s private, 3.1 s group: a margin for network jitter);
  a 429 pauses every send for exactly retry_after.
- `TelegramRateLimiter` (a python-telegram-bot BaseRateLimiter, set on the Application):
  puts the command replies and button answers through the same overall budget, so a
  user's /watch during a 10,000-chat fan-out does not push the bot over 30/s. It skips the
  calls the outbox sender already paced, and retries a reply once after a 429.

Why not PTB's AIORateLimiter: it has no per-chat limit for private chats (only overall and
per group), it does not retry unless max_retries is set, and it makes each call wait inside
the library, where the outbox sender cannot see why or order the queue (critical first).
"""
from __future__ import annotations

import asyncio
import contextvars
import logging
import time
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

GLOBAL_RATE_PER_S = 28.0  # in any sliding second; below Telegram's 30 so jitter on the way cannot make 31
PRIVATE_CHAT_INTERVAL_S = 1.1  # 1 message per second per chat, with a margin
GROUP_CHAT_INTERVAL_S = 3.1  # 20 messages per minute per group, with a margin
REPLY_RETRY_DELAY_S = 1.0  # a command reply that met a 5xx is tried once more after this

# Methods that send a message (count towards the limits).
SEND_METHODS = frozenset(
    "sendmessage sendlocation sendvenue sendphoto senddocument sendcontact sendpoll sendaudio sendvideo "
    "sendanimation sendvoice sendsticker senddice sendmediagroup copymessage forwardmessage editmessagetext".split()
)

_paced: contextvars.ContextVar[bool] = contextvars.ContextVar("_paced", default=False)


@contextmanager
def already_paced() -> Any:
    """Calls made inside were paced by the outbox sender: the rate limiter lets them through."""
    token = _paced.set(True)
    try:
        yield
    finally:
        _paced.reset(token)


def retry_after_seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB_TIMEDELTA; normalise it here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Pacer:
    """The overall send budget plus per-chat spacing. Single event loop; not thread-safe.

    Overall: at most `rate` sends in any sliding second (as Telegram counts), and at least
    1/30 s between two, measured on the actual send times: after a stall (a slow disk write,
    a busy CPU) the sender resumes at the same pace instead of catching up in a burst.
    """

    def __init__(
        self,
        rate_per_second: float = GLOBAL_RATE_PER_S,
        *,
        private_interval: float = PRIVATE_CHAT_INTERVAL_S,
        group_interval: float = GROUP_CHAT_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_window = max(1, int(rate_per_second))
        self.interval = min(1.0 / rate_per_second, 1.0 / 30) if rate_per_second < 30 else 1.0 / rate_per_second
        self.private_interval, self.group_interval = private_interval, group_interval
        self._clock = clock
        self._stamps: deque[float] = deque()
        self._paused_until = 0.0
        self._next_chat: dict[int, float] = {}

    def now(self) -> float:
        return self._clock()

    async def acquire(self) -> None:
        """Wait until one more send fits in the budget, and count it."""
        while True:
            now = self._clock()
            stamps = self._stamps
            while stamps and stamps[0] <= now - 1.0:
                stamps.popleft()
            wait = self._paused_until - now
            if stamps:
                wait = max(wait, stamps[-1] + self.interval - now)
            if len(stamps) >= self.per_window:
                wait = max(wait, stamps[-self.per_window] + 1.0 - now)
            if wait <= 0:
                stamps.append(now)
                return
            await asyncio.sleep(wait)

    def pause(self, seconds: float) -> None:
        """A 429: nothing is sent for exactly `seconds`."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    def chat_ready_at(self, chat_id: int) -> float:
        return max(self._next_chat.get(chat_id, 0.0), self._paused_until)

    def chat_sent(self, chat_id: int, *, extra_wait: float = 0.0) -> None:
        """A message to chat_id is going out now: space the next one."""
        interval = self.group_interval if chat_id < 0 else self.private_interval
        self._next_chat[chat_id] = self._clock() + max(interval, extra_wait)
        if len(self._next_chat) > 50_000:  # forget chats whose spacing has passed
            now = self._clock()
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}


class TelegramRateLimiter(BaseRateLimiter[int]):
    """Command replies share the outbox sender's overall budget (see module docstring)."""

    def __init__(self, pacer: Pacer, *, reply_retries: int = 1) -> None:
        self.pacer, self.reply_retries = pacer, reply_retries

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if _paced.get() or endpoint.lower() not in SEND_METHODS:
            return await callback(*args, **kwargs)
        retries = self.reply_retries if rate_limit_args is None else rate_limit_args
        while True:
            await self.pacer.acquire()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as e:
                wait = retry_after_seconds(e)
                self.pacer.pause(wait)
                if retries <= 0:
                    raise
                retries -= 1
                log.warning("Telegram asks to wait %.0f s before the reply (%s)", wait, endpoint)
            except NetworkError as e:  # a 502 or a dropped connection: the user would get no answer at all
                if isinstance(e, (TimedOut, BadRequest)) or retries <= 0:  # a timeout may have been sent: never twice
                    raise
                retries -= 1
                log.warning("reply failed (%s), trying once more: %s", endpoint, e)
                await asyncio.sleep(REPLY_RETRY_DELAY_S)
