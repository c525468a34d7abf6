"""A per-user command rate limit against abuse: a token bucket per user (commands_per_minute,
refilled continuously). The first command over the limit gets one answer; the next ones are
ignored until the bucket refills. Runs before every handler (group -1)."""
from __future__ import annotations

from dataclasses import dataclass

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.tg.common import services_of

SLOW_DOWN = "⏳ That is a lot of commands: please wait a minute and try again."


@dataclass
class _Bucket:
    tokens: float
    at: float
    warned: bool = False


class CommandLimiter:
    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._buckets: dict[int, _Bucket] = {}

    def take(self, user_id: int, now: float) -> str:
        """'ok', 'warn' (first refusal) or 'drop'."""
        b = self._buckets.get(user_id)
        if b is None:
            b = self._buckets[user_id] = _Bucket(self.capacity, now)
        b.tokens = min(self.capacity, b.tokens + (now - b.at) * self.rate)
        b.at = now
        if b.tokens >= 1:
            b.tokens -= 1
            b.warned = False
            return "ok"
        if b.warned:
            return "drop"
        b.warned = True
        return "warn"


def _is_command(update: Update) -> bool:
    if update.callback_query is not None:
        return True
    message = update.message
    return bool(message and message.text and message.text.startswith("/"))


async def limit_commands(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = update.effective_user
    if user is None or not _is_command(update):
        return
    limiter: CommandLimiter = context.bot_data["command_limiter"]
    verdict = limiter.take(user.id, services_of(context).clock().timestamp())
    if verdict == "ok":
        return
    if verdict == "warn":
        if update.callback_query is not None:
            await update.callback_query.answer(SLOW_DOWN, show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(SLOW_DOWN, do_quote=False)
    raise ApplicationHandlerStop
