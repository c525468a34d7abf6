"""What every command handler needs: services, the clock, the arguments, a short HTML reply,
and the group rule (only administrators change a group's settings)."""
from __future__ import annotations

import logging
import time
from datetime import datetime

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.services import Services
from bot.store import subscriptions
from bot.tg.delivery import MAX_MESSAGE_CHARS, fit_text, plain_text

log = logging.getLogger(__name__)

ADMIN_CACHE_KEY = "admin_until"
ADMIN_CACHE_S = 300.0
ADMIN_CACHE_MAX = 10_000
ADMINS_ONLY = ("Only this group's administrators can change its settings; anyone can see them: /status, /watching, "
               "or a command alone (/timezone, /quiet). Everyone here still gets the alerts.")


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    services: Services = context.bot_data["services"]
    return services


def now_of(context: ContextTypes.DEFAULT_TYPE) -> datetime:
    return services_of(context).clock()


def args_of(update: Update) -> str:
    """Everything after the command, as typed (context.args would lose the comma spacing)."""
    text = update.effective_message.text if update.effective_message and update.effective_message.text else ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def chat_id_of(update: Update) -> int:
    chat = update.effective_chat
    assert chat is not None
    return chat.id


async def reply(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """A short HTML answer; one too long for a message (/watching with 50 long airport names) is sent
    in several, cut between lines, rather than refused by Telegram (the user would get nothing)."""
    message = update.effective_message
    if message is None:
        return
    parts = split_message(text)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if _fits(part):
            await message.reply_text(part, parse_mode=ParseMode.HTML, reply_markup=markup if last else None,
                                     do_quote=False)
        else:  # one line longer than a message: plain text, cut
            fitted, mode = fit_text(part)
            await message.reply_text(fitted, parse_mode=mode, reply_markup=markup if last else None, do_quote=False)


def _fits(text: str) -> bool:
    return len(plain_text(text).encode("utf-16-le")) // 2 <= MAX_MESSAGE_CHARS


def split_message(text: str) -> list[str]:
    """The text in pieces of whole lines, each within Telegram's limit (our answers open and close
    their tags on one line)."""
    if _fits(text):
        return [text]
    parts: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if current and not _fits("\n".join([*current, line])):
            parts.append("\n".join(current))
            current = []
        current.append(line)
    if current:
        parts.append("\n".join(current))
    return [p for p in parts if p.strip()]


def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Make sure the chat is stored and active; True when it was not before."""
    chat = update.effective_chat
    assert chat is not None
    return subscriptions.save_chat(
        services_of(context).db, chat.id, chat_type=chat.type, title=chat.title or chat.username, now=now_of(context)
    )


async def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """In a private chat, the user; in a group, its creator and administrators (getChatMember)."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or chat.type == ChatType.PRIVATE:
        return True
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True  # an anonymous administrator posts as the group itself
    if user is None:
        return False
    # A "yes" is remembered for a few minutes (an admin tapping through /categories asks Telegram
    # once); a "no" never is, so a member just promoted can act at once.
    known: dict[tuple[int, int], float] = context.bot_data.setdefault(ADMIN_CACHE_KEY, {})
    key = (chat.id, user.id)
    if known.get(key, 0.0) > time.monotonic():
        return True
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as e:
        log.warning("cannot check the administrators of chat %s: %s", chat.id, e)
        return False
    if member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER):
        if len(known) >= ADMIN_CACHE_MAX:
            known.clear()  # a crude bound: the cache only saves calls, it decides nothing
        known[key] = time.monotonic() + ADMIN_CACHE_S
        return True
    known.pop(key, None)
    return False


async def answer(query: CallbackQuery, text: str | None = None, *, show_alert: bool = False) -> None:
    """Answer a button tap; a tap answered too late ("query is too old", after a restart's backlog) still
    does what it asked: the answer only stops the button's spinner."""
    try:
        await query.answer(text, show_alert=show_alert)
    except BadRequest as e:
        log.info("could not answer a button tap: %s", e.message)


async def require_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """True when the sender may change this chat's settings; otherwise says why and returns False."""
    if await is_admin(update, context):
        return True
    query = update.callback_query
    if query is not None:
        await answer(query, ADMINS_ONLY, show_alert=True)
    else:
        await reply(update, ADMINS_ONLY)
    return False
