"""What every command handler needs: services, the clock, the arguments, a short HTML reply,
and the group rule (only administrators change a group's settings)."""
from __future__ import annotations

import logging
import time
from datetime import datetime

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.services import Services
from bot.store import subscriptions

log = logging.getLogger(__name__)

ADMIN_CACHE_KEY = "admin_until"
ADMIN_CACHE_S = 300.0
ADMIN_CACHE_MAX = 10_000
ADMINS_ONLY = "Only this group's administrators can change its settings. Everyone here still gets the alerts."


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
    message = update.effective_message
    if message is not None:
        await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup, do_quote=False)


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


async def require_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """True when the sender may change this chat's settings; otherwise says why and returns False."""
    if await is_admin(update, context):
        return True
    query = update.callback_query
    if query is not None:
        await query.answer(ADMINS_ONLY, show_alert=True)
    else:
        await reply(update, ADMINS_ONLY)
    return False
