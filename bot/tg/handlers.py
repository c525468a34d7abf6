"""Telegram commands about places: /start /help /stop /watch /unwatch /watching, location
pins, the place buttons, group migration, and hints for anything else.
Settings commands are in commands_settings.py, /recent and /status in commands_info.py.
Every reply is short and escaped."""
from __future__ import annotations

import html
import re

from sqlite_utils import Database
from telegram import Update
from telegram.ext import ContextTypes

from bot.analysis.facts import Place
from bot.chat_settings import MAX_RADIUS_KM, MIN_RADIUS_KM, default_radius_km
from bot.match import ChatWatch
from bot.places import Ambiguous, Invalid, Resolved, Unknown, label, pick, resolve_place
from bot.store import outbox, subscriptions
from bot.tg import keyboards
from bot.tg.catch_up import catch_up
from bot.tg.common import answer, args_of, chat_id_of, is_admin, now_of, reply, require_admin, services_of, subscribe

COMMANDS = (
    ("start", "subscribe and see what I do"),
    ("watch", "watch a place: /watch Bamako, /watch BKO 40 km"),
    ("watching", "list the places you watch"),
    ("unwatch", "stop watching a place: /unwatch Bamako"),
    ("recent", "incidents in your places, last 7 days"),
    ("severity", "minimum severity: /severity high"),
    ("categories", "choose the kinds of incident"),
    ("mute", "pause alerts: /mute 8h"),
    ("unmute", "alerts back on"),
    ("quiet", "silent hours: /quiet 22:00-07:00"),
    ("timezone", "your time zone: /timezone Europe/Paris"),
    ("map", "map pin with serious alerts: /map on|off"),
    ("status", "your settings and the sources' health"),
    ("help", "list the commands"),
    ("stop", "unsubscribe and delete your data"),
)

WELCOME = (
    "👋 I send a short security advisory when an incident happens in a place you watch: "
    "attacks, explosions, gunfire, kidnappings, coups, riots, airport closures.\n\n"
    "One advisory per incident, however many outlets report it.\n\n"
    "Start with /watch PLACE: a city (<code>/watch Bamako</code>, <code>/watch Tripoli, LY</code>), "
    "an airport code (<code>/watch BKO</code>) or a country (<code>/watch Mali</code>). "
    "Or share a location pin. /help lists everything."
)
CALLBACK_PREFIX = keyboards.WATCH_PREFIX
_RADIUS = re.compile(r"^(?P<place>.*?)[\s,]+(?P<km>\d{1,5}(?:\.\d+)?)\s*(?:km|kms|kilometers|kilometres)?$", re.IGNORECASE)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Subscribe the chat and say what the bot does."""
    if not await require_admin(update, context):
        return
    subscribe(update, context)
    kept = subscriptions.count_watches(services_of(context).db, chat_id_of(update))
    if kept:  # back after /start again, or re-added to a group: its places were kept
        places = "1 place" if kept == 1 else f"{kept} places"
        await reply(update, f"👋 Welcome back: you watch {places} (/watching). /help lists the commands.")
        return
    await reply(update, WELCOME)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands."""
    lines = [f"/{name} — {html.escape(what)}" for name, what in COMMANDS]
    await reply(update, "What I understand:\n" + "\n".join(lines) + "\n\n📍 Share a location pin to watch that spot.")


async def stop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Unsubscribe and delete the chat's data."""
    if not await require_admin(update, context):
        return
    subscriptions.delete_chat(services_of(context).db, chat_id_of(update))
    await reply(update, "Done: you are unsubscribed and your places are deleted. /start to come back.")


def split_radius(text: str) -> tuple[str, float | None]:
    """'Bamako 40 km' -> ('Bamako', 40.0); 'Tripoli, LY' -> ('Tripoli, LY', None)."""
    m = _RADIUS.match(text.strip())
    if not m or not m.group("place").strip(" ,"):
        return text, None
    return m.group("place").strip(" ,"), float(m.group("km"))


async def watch(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Watch a place by name, 'City, CC', airport code or country, with an optional radius."""
    if not await require_admin(update, context):
        return
    services = services_of(context)
    query, radius = split_radius(args_of(update))
    if radius is not None and not MIN_RADIUS_KM <= radius <= MAX_RADIUS_KM:
        await reply(update, f"The radius must be between {MIN_RADIUS_KM} and {MAX_RADIUS_KM} km.")
        return
    result = resolve_place(query, services.places)
    if isinstance(result, Invalid):
        await reply(update, html.escape(result.reason))
    elif isinstance(result, Unknown):
        await reply(update, _unknown_text(result))
    elif isinstance(result, Ambiguous):
        await reply(update, _ambiguous_text(result, radius), keyboards.places(result.options, result.query, radius))
    elif isinstance(result, Resolved):
        await reply(update, add_watch(update, context, result.place, radius))


def add_watch(update: Update, context: ContextTypes.DEFAULT_TYPE, place: Place, radius: float | None = None) -> str:
    """Store the watch; the answer, with one short digest of what happened there lately."""
    services = services_of(context)
    chat_id, now = chat_id_of(update), now_of(context)
    subscribe(update, context)
    custom = radius is not None and place.kind != "country"
    km = radius if custom and radius is not None else default_radius_km(place.kind)
    try:
        added = subscriptions.add_watch(services.db, chat_id, place, radius_km=km, now=now, radius_custom=custom)
    except subscriptions.WatchLimitError:
        return (
            f"You already watch {subscriptions.MAX_WATCHES_PER_CHAT} places, the most I allow. "
            "Remove one with /unwatch first."
        )
    name = html.escape(label(place))
    if not added:
        return _already_watched(services.db, chat_id, place, name, km if custom else None)
    if place.kind == "country":
        # a radius asked for a country has nothing to apply to: say so rather than drop it silently
        where = "anywhere in it; a country has no radius" if radius is not None else "anywhere in it"
    elif custom:
        where = f"within {km:g} km"
    else:
        where = f"within {km:g} km; farther for critical events"
    text = f"✅ Watching <b>{name}</b> ({where}). You will get an advisory when something happens there."
    lately = catch_up(services.db, chat_id, [_as_watch(chat_id, place, km, custom)], "Lately there", now=now)
    return text + (f"\n\n{lately}" if lately else "")


def _already_watched(db: Database, chat_id: int, place: Place, name: str, km: float | None) -> str:
    """The place is watched already: a radius given now replaces the old one (/watch Bamako 40 km)."""
    before = next((w for _, w in subscriptions.list_watches(db, chat_id) if (w.kind, w.key) == (place.kind, place.key)), None)
    if km is None or place.kind == "country" or before is None:
        return f"You already watch <b>{name}</b>{_radius_note(before) if before else ''}."
    if before.radius_custom and before.radius_km == km:
        return f"You already watch <b>{name}</b> ({km:g} km)."
    subscriptions.set_radius(db, chat_id, place, radius_km=km, custom=True)
    return f"✅ <b>{name}</b>: now within {km:g} km (was {_radius_note(before).strip(' ()')})."


def _as_watch(chat_id: int, place: Place, km: float, custom: bool) -> ChatWatch:
    return ChatWatch(chat_id, place.kind, place.key, label(place), place.country, place.lat, place.lon, km, radius_custom=custom)


def _unknown_text(result: Unknown) -> str:
    name = html.escape(result.query)
    if result.suggestions:
        options = ", ".join(html.escape(s) for s in result.suggestions)
        return f"I don't know “{name}”. Did you mean: {options}?"
    return (
        f"I don't know “{name}”. Try a city (<code>/watch Bamako</code>), a city and country code "
        "(<code>/watch Tripoli, LY</code>), an airport code (<code>/watch BKO</code>) or a country."
    )


def _ambiguous_text(result: Ambiguous, radius: float | None) -> str:
    km = f" {radius:g} km" if radius is not None else ""
    lines = [f"“{html.escape(result.query)}” could be several places. Which one?"]
    lines += [
        f"• {html.escape(label(p))}: <code>/watch {html.escape(keyboards.place_query(p))}{km}</code>" for p in result.options
    ]
    return "\n".join(lines)


async def watch_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The user picked one of the ambiguous places."""
    query = update.callback_query
    assert query is not None
    if not await require_admin(update, context):
        return
    await answer(query)
    services = services_of(context)
    data = query.data or ""
    picked = keyboards.parse_place_data(data)
    radius: float | None = None
    if picked is not None:
        key, radius, typed = picked
        if radius is not None and not MIN_RADIUS_KM <= radius <= MAX_RADIUS_KM:
            radius = None
        place = pick(typed, key, services.places)
    else:  # a button of an older message: "watch:Tripoli, LY"
        result = resolve_place(data.removeprefix(CALLBACK_PREFIX), services.places)
        place = result.place if isinstance(result, Resolved) else (result.options[0] if isinstance(result, Ambiguous) else None)
    text = add_watch(update, context, place, radius) if place else "Sorry, I could not find that place any more."
    await reply(update, text)


async def location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A shared location pin: watch that point with the default radius."""
    message = update.effective_message
    if message is None or message.location is None or update.edited_message is not None:
        return  # a live location's moves arrive as edits: the pin was watched once, where it was shared
    if not await is_admin(update, context):
        return  # in a group members share locations with each other: no "admins only" answer to each pin
    lat, lon = message.location.latitude, message.location.longitude
    place = Place(kind="point", key=f"{lat:.4f},{lon:.4f}", name=f"📍 {lat:.4f}, {lon:.4f}", country=None, lat=lat, lon=lon)
    await reply(update, add_watch(update, context, place))


async def watching(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the chat's places."""
    rows = subscriptions.list_watches(services_of(context).db, chat_id_of(update))
    if not rows:
        await reply(update, "You watch no place yet. Add one with /watch PLACE, e.g. <code>/watch Bamako</code>.")
        return
    lines = [f"{i}. {html.escape(w.name)}{_radius_note(w)}" for i, (_, w) in enumerate(rows, 1)]
    await reply(update, "You watch:\n" + "\n".join(lines) + "\n\nRemove one with /unwatch NAME or /unwatch NUMBER.")


def _radius_note(w: ChatWatch) -> str:
    if w.kind == "country":
        return ""
    return f" ({w.radius_km:g} km)" if w.radius_custom else f" ({w.radius_km:g} km, more for critical)"


async def unwatch(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop watching a place, by its name or its number in /watching."""
    if not await require_admin(update, context):
        return
    services = services_of(context)
    chat_id = chat_id_of(update)
    wanted = " ".join(args_of(update).split())
    if not wanted:
        await reply(update, "Which place? /unwatch NAME or /unwatch NUMBER (see /watching).")
        return
    rows = subscriptions.list_watches(services.db, chat_id)
    found = _find_watch(wanted, rows) or _find_watched_place(wanted, rows, services.places)
    if found is None:
        if wanted.lstrip("-").isdigit() and rows:
            places = "1 place" if len(rows) == 1 else f"{len(rows)} places"
            await reply(update, f"There is no place number {html.escape(wanted[:20])}: you watch {places}. /watching lists them.")
        else:
            await reply(update, f"You don't watch “{html.escape(wanted[:100])}”. /watching lists your places.")
        return
    watch_id, w = found
    subscriptions.remove_watch(services.db, chat_id, watch_id)
    await reply(update, f"Stopped watching <b>{html.escape(w.name)}</b>.")


def _find_watch(wanted: str, rows: list[tuple[int, ChatWatch]]) -> tuple[int, ChatWatch] | None:
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


def _find_watched_place(wanted: str, rows: list[tuple[int, ChatWatch]], index: object) -> tuple[int, ChatWatch] | None:
    """/unwatch understands what /watch does: "MINUSCA", "GABS", "Modibo Keita", "Tripoli, LY"."""
    result = resolve_place(wanted, index)  # type: ignore[arg-type]
    if isinstance(result, Resolved):
        candidates: tuple[Place, ...] = (result.place,)
    elif isinstance(result, Ambiguous):
        candidates = result.options
    else:
        return None
    keys = {(p.kind, p.key) for p in candidates}
    hits = [row for row in rows if (row[1].kind, row[1].key) in keys]
    return hits[0] if len(hits) == 1 else None


async def migrate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: its settings, places and pending alerts move to the new id."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        old, new = message.chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new = message.migrate_from_chat_id, message.chat.id
    else:
        return
    db = services_of(context).db
    if subscriptions.get_settings(db, old) is not None:
        outbox.move_chat(db, old, new)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown command gets a hint (unless it was addressed to another bot in a group)."""
    message = update.effective_message
    text = message.text if message and message.text else ""
    command = text.split(maxsplit=1)[0] if text else ""
    addressed = "@" in command
    if addressed and command.split("@", 1)[1].lower() != (context.bot.username or "").lower():
        return
    chat = update.effective_chat
    if chat is not None and chat.type != "private" and not addressed:
        return  # in a group "/frob" is likely another bot's command: only "/frob@thisbot" gets the hint
    await reply(update, "I don't know that command. /help lists what I understand.")


async def free_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text gets a hint."""
    await reply(update, "To follow a place, send /watch PLACE (e.g. <code>/watch Bamako</code>). /help for more.")


async def membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot was added to a chat, or removed, blocked or kicked from it.

    Removed: stop planning messages for it at once (its places are kept, should it come back).
    Added to a group: say what the bot does, so the group's admins know how to start.
    """
    change = update.my_chat_member
    if change is None:
        return
    db = services_of(context).db
    status = change.new_chat_member.status
    if status in ("left", "kicked"):
        subscriptions.deactivate_chat(db, change.chat.id, now=now_of(context))
    elif status in ("member", "administrator") and change.chat.type in ("group", "supergroup"):
        if change.old_chat_member.status in ("left", "kicked"):
            await context.bot.send_message(change.chat.id, GROUP_WELCOME, parse_mode="HTML")


GROUP_WELCOME = (
    "👋 Thanks for adding me. I send a short security advisory when something happens in the places "
    "this group watches. An administrator can start with <code>/watch PLACE</code>; /help lists the rest."
)
