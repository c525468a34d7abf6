"""Telegram commands: parse (pure helpers), store, reply. Every reply is short and escaped."""
from __future__ import annotations

import html
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.analysis.facts import Place
from bot.match import DEFAULT_RADIUS_KM
from bot.model import Watch
from bot.places import Ambiguous, Invalid, Resolved, Unknown, resolve_place
from bot.services import Services
from bot.store import subscriptions

COMMANDS = (
    ("start", "subscribe and see what I do"),
    ("watch", "watch a place: /watch Bamako, /watch BKO, /watch Tripoli, LY"),
    ("watching", "list the places you watch"),
    ("unwatch", "stop watching a place: /unwatch Bamako"),
    ("help", "list the commands"),
    ("stop", "unsubscribe and delete your data"),
)

WELCOME = (
    "👋 I send a short security advisory when an incident happens in a place you watch: "
    "attacks, explosions, gunfire, kidnappings, coups, riots, airport closures.\n\n"
    "One advisory per incident, however many outlets report it.\n\n"
    "Start with /watch PLACE: a city (<code>/watch Bamako</code>, <code>/watch Tripoli, LY</code>), "
    "an airport code (<code>/watch BKO</code>) or a country (<code>/watch Mali</code>)."
)
CALLBACK_PREFIX = "watch:"
MAX_CALLBACK_BYTES = 64


def _services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    services: Services = context.bot_data["services"]
    return services


def _now() -> datetime:
    return datetime.now(UTC)


def _args(update: Update) -> str:
    """Everything after the command, as typed (context.args would lose the comma spacing)."""
    text = update.effective_message.text if update.effective_message and update.effective_message.text else ""
    parts = text.split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


async def _reply(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_text(
            text, parse_mode=ParseMode.HTML, reply_markup=markup, do_quote=False
        )


def _subscribe(update: Update, services: Services) -> bool:
    chat = update.effective_chat
    assert chat is not None
    return subscriptions.save_chat(
        services.db, chat.id, chat_type=chat.type, title=chat.title or chat.username, now=_now()
    )


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Subscribe the chat and say what the bot does."""
    _subscribe(update, _services(context))
    await _reply(update, WELCOME)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands."""
    lines = [f"/{name} — {html.escape(what)}" for name, what in COMMANDS]
    await _reply(update, "What I understand:\n" + "\n".join(lines))


async def stop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Unsubscribe and delete the chat's data."""
    chat = update.effective_chat
    assert chat is not None
    subscriptions.delete_chat(_services(context).db, chat.id)
    await _reply(update, "Done: you are unsubscribed and your places are deleted. /start to come back.")


async def watch(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Watch a place by name, 'City, CC', airport code or country."""
    services = _services(context)
    result = resolve_place(_args(update), services.places)
    if isinstance(result, Invalid):
        await _reply(update, html.escape(result.reason))
    elif isinstance(result, Unknown):
        await _reply(update, _unknown_text(result))
    elif isinstance(result, Ambiguous):
        await _reply(update, _ambiguous_text(result), _ambiguous_keyboard(result))
    elif isinstance(result, Resolved):
        await _reply(update, _add_watch(update, services, result.place))


def _add_watch(update: Update, services: Services, place: Place) -> str:
    chat = update.effective_chat
    assert chat is not None
    _subscribe(update, services)
    radius = DEFAULT_RADIUS_KM[place.kind]
    try:
        added = subscriptions.add_watch(services.db, chat.id, place, radius_km=radius, now=_now())
    except subscriptions.WatchLimitError:
        return (
            f"You already watch {subscriptions.MAX_WATCHES_PER_CHAT} places, the most I allow. "
            "Remove one with /unwatch first."
        )
    label = html.escape(place.label)
    if not added:
        return f"You already watch <b>{label}</b>."
    where = "anywhere in it" if place.kind == "country" else f"within {radius:.0f} km"
    return f"✅ Watching <b>{label}</b> ({where}). You will get an advisory when something happens there."


def _unknown_text(result: Unknown) -> str:
    name = html.escape(result.query)
    if result.suggestions:
        options = ", ".join(html.escape(s) for s in result.suggestions)
        return f"I don't know “{name}”. Did you mean: {options}?"
    return (
        f"I don't know “{name}”. Try a city (<code>/watch Bamako</code>), a city and country code "
        "(<code>/watch Tripoli, LY</code>), an airport code (<code>/watch BKO</code>) or a country."
    )


def _place_query(place: Place) -> str:
    return f"{place.name}, {place.country}" if place.country and place.kind == "city" else place.name


def _ambiguous_text(result: Ambiguous) -> str:
    lines = [f"“{html.escape(result.query)}” could be several places. Which one?"]
    lines += [f"• {html.escape(p.label)}: <code>/watch {html.escape(_place_query(p))}</code>" for p in result.options]
    return "\n".join(lines)


def _ambiguous_keyboard(result: Ambiguous) -> InlineKeyboardMarkup | None:
    buttons = []
    for place in result.options:
        data = CALLBACK_PREFIX + _place_query(place)
        if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES:
            buttons.append([InlineKeyboardButton(place.label, callback_data=data)])
    return InlineKeyboardMarkup(buttons) if buttons else None


async def watch_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The user picked one of the ambiguous places."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    services = _services(context)
    raw = (query.data or "").removeprefix(CALLBACK_PREFIX)
    result = resolve_place(raw, services.places)
    place = result.place if isinstance(result, Resolved) else (
        result.options[0] if isinstance(result, Ambiguous) else None
    )
    text = _add_watch(update, services, place) if place else "Sorry, I could not find that place any more."
    await _reply(update, text)


async def watching(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the chat's places."""
    chat = update.effective_chat
    assert chat is not None
    rows = subscriptions.list_watches(_services(context).db, chat.id)
    if not rows:
        await _reply(update, "You watch no place yet. Add one with /watch PLACE, e.g. <code>/watch Bamako</code>.")
        return
    lines = [f"{i}. {html.escape(w.name)}" + ("" if w.kind == "country" else f" ({w.radius_km:.0f} km)")
             for i, (_, w) in enumerate(rows, 1)]
    await _reply(update, "You watch:\n" + "\n".join(lines) + "\n\nRemove one with /unwatch NAME or /unwatch NUMBER.")


async def unwatch(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop watching a place, by its name or its number in /watching."""
    chat = update.effective_chat
    assert chat is not None
    services = _services(context)
    wanted = " ".join(_args(update).split())
    if not wanted:
        await _reply(update, "Which place? /unwatch NAME or /unwatch NUMBER (see /watching).")
        return
    rows = subscriptions.list_watches(services.db, chat.id)
    found = _find_watch(wanted, rows)
    if found is None:
        await _reply(update, f"You don't watch “{html.escape(wanted[:100])}”. /watching lists your places.")
        return
    watch_id, w = found
    subscriptions.remove_watch(services.db, chat.id, watch_id)
    await _reply(update, f"Stopped watching <b>{html.escape(w.name)}</b>.")


def _find_watch(wanted: str, rows: list[tuple[int, Watch]]) -> tuple[int, Watch] | None:
    if wanted.isdigit():
        n = int(wanted)
        return rows[n - 1] if 1 <= n <= len(rows) else None
    key = wanted.casefold()
    for row in rows:
        w = row[1]
        names = {w.name.casefold(), w.name.split(",")[0].casefold(), w.key.casefold()}
        if key in names or (w.kind == "airport" and f"({key})" in w.name.casefold()):
            return row
    return None


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown command gets a hint."""
    await _reply(update, "I don't know that command. /help lists what I understand.")


async def free_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text gets a hint."""
    await _reply(update, "To follow a place, send /watch PLACE (e.g. <code>/watch Bamako</code>). /help for more.")
