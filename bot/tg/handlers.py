"""Telegram commands about places: /start /help /stop /watch /unwatch /watching, location
pins, the place buttons, group migration, and hints for anything else.
Settings commands are in commands_settings.py, /recent and /status in commands_info.py.
Every reply is short and escaped."""
from __future__ import annotations

import difflib
import html
import re

from sqlite_utils import Database
from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.analysis.facts import Place
from bot.analysis.normalize import fold
from bot.chat_settings import MAX_RADIUS_KM, MIN_RADIUS_KM, default_radius_km
from bot.match import ChatWatch
from bot.places import Ambiguous, Invalid, Resolved, Unknown, is_coordinates, label, pick, point, resolve_place
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
_RADIUS = re.compile(
    r"^(?P<place>.*?)[\s,]+(?:(?:within|radius|r\s*=)\s*)?(?P<km>\d{1,5}(?:[.,]\d+)?)\s*"
    r"(?:(?P<miles>mi|miles?)|km|kms|kilometers|kilometres|км)?(?:\s+radius)?$", re.IGNORECASE)
MILE_KM = 1.609344


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
    await reply(update, "What I understand:\n" + "\n".join(lines) + "\n\n📍 Share a location pin to watch that spot "
                        "(or type it: <code>/watch 12.65, -8.0</code>). Several places at once: one a line after /watch.")


async def stop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Unsubscribe and delete the chat's data."""
    if not await require_admin(update, context):
        return
    subscriptions.delete_chat(services_of(context).db, chat_id_of(update), now=now_of(context))
    await reply(update, "Done: you are unsubscribed and your places are deleted. /start to come back.")


def split_radius(text: str) -> tuple[str, float | None]:
    """'Bamako 40 km' -> ('Bamako', 40.0); 'Tripoli, LY' -> ('Tripoli, LY', None); also 'Bamako within 40,5 km',
    'Bamako 40 km radius', 'Bamako 25 miles' (in km)."""
    m = _RADIUS.match(text.strip())
    if not m or not m.group("place").strip(" ,") or is_coordinates(text):  # "12.65, 8.0" is no place with 8 km
        return text, None
    km = float(m.group("km").replace(",", "."))
    return m.group("place").strip(" ,"), round(km * MILE_KM, 1) if m.group("miles") else km


async def watch(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Watch a place by name, 'City, CC', airport code or country, with an optional radius."""
    if not await require_admin(update, context):
        return
    services = services_of(context)
    several = _several_places(args_of(update), services.places)
    if several:
        answers: list[str] = []
        for text in several[:MAX_PLACES_AT_ONCE]:
            answers.append(_watch_one(update, context, text)[0])
            if answers[-1] == FULL:
                break  # the same answer for each of the others would only repeat it
        if len(several) > MAX_PLACES_AT_ONCE and answers[-1] != FULL:
            answers.append(f"That is all for now: I take {MAX_PLACES_AT_ONCE} places at a time. "
                           "Send the others in another /watch.")
        await reply(update, "\n\n".join(answers))
        return
    await reply(update, *_watch_one(update, context, args_of(update), alone=True))


MAX_PLACES_AT_ONCE = 10
FULL = (f"You already watch {subscriptions.MAX_WATCHES_PER_CHAT} places, the most I allow. "
        "Remove one with /unwatch first.")


_ADJACENT_FLAGS = re.compile("([\U0001F1E6-\U0001F1FF]{2})(?=\\s*[\U0001F1E6-\U0001F1FF]{2})")
# "Bamako, Gao", "Nairobi; Mombasa", "Nairobi and Mombasa", "Goma et Bukavu", "Juba / Wau", "Gao & Kidal"
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:and|et|&|/)\s+", re.IGNORECASE)


def _several_places(text: str, index: object) -> list[str]:
    """A list pasted after /watch: one place a line, or "Bamako, Gao, Mopti" when each part is
    a place of its own (not "Tripoli, LY" nor "Paris, Texas"). [] for one place."""
    text = _ADJACENT_FLAGS.sub(r"\1, ", text)  # "🇲🇱🇳🇪": Mali and Niger, not "Mali Niger"
    lines: list[str] = []
    for line in (p.strip() for p in text.split("\n") if p.strip()):
        if lines and split_radius(f"x {line}")[0] == "x":  # "Bamako\n40 km": the radius of the line before
            lines[-1] += f" {line}"
        else:
            lines.append(line)
    if len(lines) < 2:
        parts = [p.strip() for p in _LIST_SEPARATOR.split(text) if p.strip()]
        if len(parts) < 2 or not isinstance(resolve_place(split_radius(text)[0], index), Unknown):  # type: ignore[arg-type]
            return []
        found = [resolve_place(split_radius(p)[0], index) for p in parts]  # type: ignore[arg-type]
        if any(isinstance(r, (Unknown, Invalid)) for r in found):
            return []
        commas = all(sep.strip() == "," for sep in _LIST_SEPARATOR.findall(text))
        town_then_country = (isinstance(found[0], (Resolved, Ambiguous)) and isinstance(found[1], Resolved)
                             and found[1].place.kind == "country"
                             and not (isinstance(found[0], Resolved) and found[0].place.kind == "country"))
        if commas and len(parts) == 2 and town_then_country:
            return []  # "Bamako, Niger": a town in the wrong country, not two places (but "Mali, Niger" is two)
        lines = _shared_radius(parts)
    distinct: dict[str, str] = {}
    for line in lines:  # the same place twice in one list ("Bamako, Bamako") gets one answer
        distinct.setdefault(" ".join(line.casefold().split()), line)
    return list(distinct.values())


def _shared_radius(parts: list[str]) -> list[str]:
    """"Gao and Kidal 40 km": a radius given once, at the end of a one-line list, is every place's."""
    last_place, radius = split_radius(parts[-1])
    if radius is None or any(split_radius(p)[1] is not None for p in parts[:-1]):
        return parts
    given = parts[-1][len(last_place):]  # " 40 km", as typed (miles stay miles)
    return [p + given for p in parts[:-1]] + [parts[-1]]


def _watch_one(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, *,
               alone: bool = False) -> tuple[str, InlineKeyboardMarkup | None]:
    """One place: watched, or what to type for it, with the buttons to pick from. alone: the whole /watch (a list's
    places are answered in one message: without buttons, each named, the examples of an unknown name not repeated)."""
    query, radius = split_radius(text)
    if radius is not None and not MIN_RADIUS_KM <= radius <= MAX_RADIUS_KM:
        bounds = f"the radius must be between {MIN_RADIUS_KM} and {MAX_RADIUS_KM} km."
        return (bounds.capitalize() if alone else f"{html.escape(query[:100])}: {bounds}"), None
    places = services_of(context).places
    result = resolve_place(query, places)
    if isinstance(result, Resolved):
        return add_watch(update, context, result.place, radius), None
    if isinstance(result, Ambiguous):
        if alone:
            return _ambiguous_text(result, radius, places), keyboards.places(result.options, result.query, radius)
        return _ambiguous_text(result, radius, places, buttons=False), None
    if isinstance(result, Unknown):
        short = not alone and not result.suggestions  # the examples of a single /watch once, not once per line
        return (f"I don't know “{html.escape(result.query)}”." if short else _unknown_text(result)), None
    return html.escape(result.reason), None


def add_watch(update: Update, context: ContextTypes.DEFAULT_TYPE, place: Place, radius: float | None = None) -> str:
    """Store the watch; the answer, with one short digest of what happened there lately."""
    services = services_of(context)
    chat_id, now = chat_id_of(update), now_of(context)
    # A chat back after blocking the bot (or a group added back) kept its places: they alert again from now on,
    # which the chat is told rather than finding out from the next alert.
    kept = subscriptions.count_watches(services.db, chat_id) if subscribe(update, context) else None
    custom = radius is not None and place.kind != "country"
    km = radius if custom and radius is not None else default_radius_km(place.kind)
    try:
        added = subscriptions.add_watch(services.db, chat_id, place, radius_km=km, now=now, radius_custom=custom)
    except subscriptions.WatchLimitError:
        return FULL
    name = html.escape(label(place))
    if not added:
        return _already_watched(services.db, chat_id, place, name, km if custom else None) + _back_note(kept, this_one=True)
    if place.kind == "country":
        # a radius asked for a country has nothing to apply to: say so rather than drop it silently
        where = "anywhere in it; a country has no radius" if radius is not None else "anywhere in it"
    elif custom:
        where = f"within {km:g} km"
    else:
        where = f"within {km:g} km; farther for critical events"
    text = f"✅ Watching <b>{name}</b> ({where}). You will get an advisory when something happens there."
    text += _back_note(kept)
    lately = catch_up(services.db, chat_id, [_as_watch(chat_id, place, km, custom)], "Lately there", now=now)
    return text + (f"\n\n{lately}" if lately else "")


def _back_note(kept: int | None, *, this_one: bool = False) -> str:
    """For a chat that came back with places kept (see add_watch; None: it never left): they alert again.
    this_one: the place just asked for is among them."""
    if not kept:
        return ""
    others = kept - this_one
    if not others:
        return "\n\n👋 Welcome back: alerts are on again."
    places = "the place you watched before" if others == 1 else f"the {others} places you watched before"
    return f"\n\n👋 Welcome back: alerts are on again for {places} too (/watching, /unwatch)."


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


def _ambiguous_text(result: Ambiguous, radius: float | None, index: object, *, buttons: bool = True) -> str:
    km = f" {radius:g} km" if radius is not None else ""
    lines = [f"“{html.escape(result.query)}” could be several places. Which one?"]
    for p in result.options:
        typed = keyboards.place_query(p)
        again = resolve_place(typed, index)  # type: ignore[arg-type]
        if isinstance(again, Resolved) and again.place.key == p.key:
            how = f"<code>/watch {html.escape(typed)}{km}</code>"
        else:  # "/watch Mexico" for the country would only ask again: the button is the way
            how = "its button below" if buttons else f"send <code>/watch {html.escape(typed)}{km}</code> alone, then its button"
        lines.append(f"• {html.escape(label(p))}: {how}")
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
    await reply(update, add_watch(update, context, point(lat, lon)))


async def watching(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the chat's places."""
    rows = subscriptions.list_watches(services_of(context).db, chat_id_of(update))
    if not rows:
        await reply(update, "You watch no place yet. Add one with /watch PLACE, e.g. <code>/watch Bamako</code>.")
        return
    lines = [f"{i}. {html.escape(w.name)}{_radius_note(w)}" for i, (_, w) in enumerate(rows, 1)]
    off = "" if subscriptions.is_active(services_of(context).db, chat_id_of(update)) else (
        "\n\n🔕 No alerts are sent for them now (the bot was removed or blocked): /start to turn them back on.")
    await reply(update, "You watch:\n" + "\n".join(lines) + "\n\nRemove one with /unwatch NAME or /unwatch NUMBER." + off)


def _radius_note(w: ChatWatch) -> str:
    if w.kind == "country":
        return ""
    return f" ({w.radius_km:g} km)" if w.radius_custom else f" ({w.radius_km:g} km, more for critical)"


async def unwatch(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop watching places, by name or number in /watching: one, or a list ("/unwatch 2 5", one name a line)."""
    if not await require_admin(update, context):
        return
    services = services_of(context)
    chat_id = chat_id_of(update)
    text = args_of(update)
    if not text.strip():
        await reply(update, "Which place? /unwatch NAME or /unwatch NUMBER (see /watching).")
        return
    if re.fullmatch(r"\d+(?:[\s,;]+\d+)+", text.strip()):  # "/unwatch 2 5": numbers of the same /watching
        wanted = re.split(r"[\s,;]+", text.strip())
    else:
        wanted = [" ".join(p.split()) for p in text.split("\n") if p.strip()]
    rows = subscriptions.list_watches(services.db, chat_id)
    if text.strip().casefold() in _ALL and not _find_watch(text.strip(), rows):
        subscriptions.remove_all_watches(services.db, chat_id)
        places = "1 place" if len(rows) == 1 else f"{len(rows)} places"
        await reply(update, f"Stopped watching all {places}. Add one with /watch PLACE."
                    if rows else "You watch no place. /watch PLACE to add one.")
        return
    answers, remove = [], set()
    for one in dict.fromkeys(wanted[:MAX_PLACES_AT_ONCE]):  # "/unwatch 1 1": one answer, not two
        answer_text, watch_id = _unwatch_one(one, rows, services.places)
        if watch_id is not None and watch_id in remove:
            continue  # one place by two names ("Bamako" and its number): stopped, and told, once
        answers.append(answer_text)
        if watch_id is not None:
            remove.add(watch_id)
    for watch_id in remove:  # after every name and number was read against the same list
        subscriptions.remove_watch(services.db, chat_id, watch_id)
    if len(wanted) > MAX_PLACES_AT_ONCE:
        answers.append(f"That is all for now: I take {MAX_PLACES_AT_ONCE} places at a time. "
                       "Send the others in another /unwatch (or /unwatch all).")
    await reply(update, "\n".join(answers))


_ALL = frozenset({"all", "*", "everything", "all places", "tout", "tous"})


def _unwatch_one(wanted: str, rows: list[tuple[int, ChatWatch]], index: object) -> tuple[str, int | None]:
    """The answer about one place to stop watching, and its watch id (None: nothing to remove)."""
    same_name = _same_name(wanted, rows)
    if len(same_name) > 1:  # "/unwatch Tripoli" with Tripoli, Libya and Tripoli, Lebanon: which one?
        listed = "\n".join(f"{rows.index(row) + 1}. {html.escape(row[1].name)}" for row in same_name)
        return (f"You watch {len(same_name)} places called “{html.escape(wanted[:100])}”:\n{listed}\n"
                "Remove one with /unwatch NUMBER."), None
    found = _find_watch(wanted, rows) or _find_watched_place(wanted, rows, index)
    if found is None:
        if wanted.lstrip("-").isdigit() and rows:
            places = "1 place" if len(rows) == 1 else f"{len(rows)} places"
            return f"There is no place number {html.escape(wanted[:20])}: you watch {places}. /watching lists them.", None
        return f"You don't watch “{html.escape(wanted[:100])}”. /watching lists your places.", None
    watch_id, w = found
    return f"Stopped watching <b>{html.escape(w.name)}</b>.", watch_id


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


def _same_name(wanted: str, rows: list[tuple[int, ChatWatch]]) -> list[tuple[int, ChatWatch]]:
    """The watched places whose name, without its country, is `wanted` (none when one is named in full)."""
    key = fold(wanted)
    if any(fold(w.name) == key for _, w in rows):
        return []
    return [row for row in rows if fold(row[1].name.split(",")[0]) == key]  # accents aside: San Jose, San José


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
    name = command.split("@", 1)[0].lstrip("/").casefold()
    close = difflib.get_close_matches(name, [n for n, _ in COMMANDS], n=1, cutoff=0.7) if name else []
    if close:  # "/wacth Bamako", "/unmte": the command meant, with what was typed after it
        rest = args_of(update)
        again = html.escape(f"/{close[0]} {rest}".strip()[:120])
        await reply(update, f"I don't know that command. Did you mean <code>{again}</code>? /help lists what I understand.")
        return
    await reply(update, "I don't know that command. /help lists what I understand.")


async def free_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text gets a hint; a place's name alone ("Bamako", a first message many users send) gets a button to watch
    it, rather than an example naming another town."""
    message = update.effective_message
    text = " ".join((message.text or "").split()) if message else ""
    found = resolve_place(text, services_of(context).places) if text and len(text) <= 100 else None
    if isinstance(found, Resolved) and (found.place.kind in ("city", "country") or text.isupper() or len(text) > 4):
        typed = html.escape(text)
        await reply(update, f"To get alerts for <b>{html.escape(label(found.place))}</b>, tap below or send "
                            f"<code>/watch {typed}</code>. /help for more.", keyboards.places([found.place], text))
        return
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
            kept = subscriptions.count_watches(db, change.chat.id)
            text = GROUP_WELCOME_BACK.format(places="1 place" if kept == 1 else f"{kept} places") if kept else GROUP_WELCOME
            await context.bot.send_message(change.chat.id, text, parse_mode="HTML")


GROUP_WELCOME_BACK = (
    "👋 Welcome back. This group still has its {places} (/watching), but no alerts until an administrator "
    "sends /start."
)
GROUP_WELCOME = (
    "👋 Thanks for adding me. I send a short security advisory when something happens in the places "
    "this group watches. An administrator can start with <code>/watch PLACE</code>; /help lists the rest."
)
