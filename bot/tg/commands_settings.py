"""Per-chat settings: /severity /categories /mute /unmute /quiet /timezone /map (and their buttons).
In groups only administrators change them (common.require_admin); anyone may look (a command alone)."""
from __future__ import annotations

import html
from datetime import datetime, timedelta

from telegram import Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.analysis.facts import Category, Severity
from bot.chat_settings import (
    ChatSettings,
    find_zone,
    parse_duration,
    parse_quiet,
    parse_severity,
    zone,
    zone_label,
    zone_region,
)
from bot.places import Ambiguous, Resolved, Unknown, resolve_place
from bot.store import subscriptions
from bot.tg import keyboards
from bot.tg.catch_up import MUTED_HEADER, catch_up, mute_span, muted_for
from bot.tg.common import answer, args_of, chat_id_of, now_of, reply, require_admin, services_of, subscribe

DEFAULT_MUTE = timedelta(hours=8)
# "/map yes", "/quiet disable": what people type for on and off
_ON = frozenset({"on", "yes", "y", "enable", "enabled", "true", "1", "oui"})
_OFF = frozenset({"off", "none", "no", "n", "0", "disable", "disabled", "false", "non", "stop"})


ALERTS_OFF = "🔕 Alerts are off in this chat{changed}. {who} turns them back on."


def alerts_off_text(update: Update, *, change: bool) -> str:
    group = update.effective_chat is not None and update.effective_chat.type != ChatType.PRIVATE
    return ALERTS_OFF.format(changed=", so I changed nothing" if change else "",
                             who="An administrator's /start" if group else "/start")


async def _settings(update: Update, context: ContextTypes.DEFAULT_TYPE, *, change: bool) -> ChatSettings | None:
    """The chat's settings for a settings command, or None once it has answered why not: a member asking to change
    them (anyone may look), or a chat whose alerts are off (/stop, or the bot was removed or blocked), which a
    settings command must not quietly subscribe again; only /start (or /watch) does. A chat the bot never saw is
    subscribed by its first change, as by /watch."""
    if change and not await require_admin(update, context):
        return None
    db, chat_id = services_of(context).db, chat_id_of(update)
    if subscriptions.is_known(db, chat_id) and not subscriptions.is_active(db, chat_id):
        text = alerts_off_text(update, change=change)
        if update.callback_query is not None:
            await answer(update.callback_query, text, show_alert=True)
        else:
            await reply(update, text)
        return None
    if change:
        subscribe(update, context)
    return subscriptions.get_settings(db, chat_id) or ChatSettings(chat_id)  # never set up: the defaults


def _set(update: Update, context: ContextTypes.DEFAULT_TYPE, **values: object) -> None:
    subscriptions.update_settings(services_of(context).db, chat_id_of(update), now=now_of(context), **values)


def severity_text(s: Severity | None) -> str:
    if s is None or s is Severity.LOW:
        return "every severity"
    return f"{s.value} and above" if s is not Severity.CRITICAL else "critical only"


async def severity(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/severity low|medium|high|critical: the minimum severity for an alert."""
    arg = args_of(update)
    current = await _settings(update, context, change=bool(arg))
    if current is None:
        return
    if not arg:
        await reply(update, f"You get alerts of {severity_text(current.min_severity)}. Pick the minimum:",
                    keyboards.severities(current.min_severity))
        return
    level = parse_severity(arg)
    if level is None:
        await reply(update, "Use one of: <code>/severity low</code>, <code>medium</code>, "
                            "<code>high</code>, <code>critical</code>.")
        return
    _set(update, context, min_severity=None if level is Severity.LOW else level)
    await reply(update, f"✅ You will get alerts of {severity_text(level)}.")


async def severity_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    if await _settings(update, context, change=True) is None:
        return
    level = parse_severity((query.data or "").removeprefix(keyboards.SEVERITY_PREFIX))
    if level is None:
        await answer(query)
        return
    _set(update, context, min_severity=None if level is Severity.LOW else level)
    await answer(query, f"Alerts of {severity_text(level)}")
    await _edit(query, f"✅ You will get alerts of {severity_text(level)}.", keyboards.severities(level))


def categories_text(muted: frozenset[Category]) -> str:
    if not muted:
        return "You get every kind of incident. Tap a kind to turn it off:"
    kinds = "1 kind" if len(muted) == 1 else f"{len(muted)} kinds"
    return f"{kinds} turned off (🔕). Tap to switch a kind on or off:"


async def categories(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/categories: a button per kind of incident, to switch it on or off (anyone may look; a tap is a change)."""
    current = await _settings(update, context, change=False)
    if current is None:
        return
    muted = current.muted_categories
    await reply(update, categories_text(muted), keyboards.categories(muted))


async def category_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    current = await _settings(update, context, change=True)
    if current is None:
        return
    value = (query.data or "").removeprefix(keyboards.CATEGORY_PREFIX)
    if value not in Category._value2member_map_:
        await answer(query)
        return
    category = Category(value)
    muted = set(current.muted_categories)
    muted.symmetric_difference_update({category})
    _set(update, context, muted_categories=muted)
    await answer(query)
    await _edit(query, categories_text(frozenset(muted)), keyboards.categories(frozenset(muted)))


async def _edit(query: object, text: str, markup: object) -> None:
    try:
        await query.edit_message_text(text, reply_markup=markup)  # type: ignore[attr-defined]
    except BadRequest as e:  # "message is not modified" (a double tap) is fine
        if "not modified" not in e.message:
            raise


async def mute(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/mute 8h: no alerts for a while (then one digest, on /unmute or when the time runs out)."""
    current = await _settings(update, context, change=True)
    if current is None:
        return
    arg = args_of(update)
    duration = parse_duration(arg) if arg else DEFAULT_MUTE
    if duration is None:
        await reply(update, "For how long? e.g. <code>/mute 8h</code>, <code>/mute 30m</code> "
                            "or <code>/mute 2d</code> (at most 30 days).")
        return
    now = now_of(context)
    until = now + duration
    since = subscriptions.muted_since(services_of(context).db, chat_id_of(update)) if current.is_muted(now) else None
    _set(update, context, muted_until=until, muted_since=since or now)
    await reply(update, f"🔕 Muted until {_local(until, current.timezone)}. /unmute to get alerts again.")


async def unmute(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unmute: alerts back on, with one short digest of what happened while muted."""
    current = await _settings(update, context, change=True)
    if current is None:
        return
    services = services_of(context)
    chat_id = chat_id_of(update)
    now = now_of(context)
    was_muted = current.is_muted(now)
    window = muted_for(services.db, chat_id, now)
    span = mute_span(services.db, chat_id, now)
    _set(update, context, muted_until=None, muted_since=None)
    if not was_muted:
        await reply(update, "🔔 Alerts are on (they were not muted).")
        return
    watches = [w for _, w in subscriptions.list_watches(services.db, chat_id)]
    missed = catch_up(services.db, chat_id, watches, MUTED_HEADER, now=now, since=window, span=span)
    await reply(update, "🔔 Alerts are back on." + (f"\n\n{missed}" if missed else ""))


def _local(when: datetime, tz_name: str | None) -> str:
    tz = zone(tz_name)
    stamp = when.astimezone(tz) if tz else when
    return stamp.strftime("%d %b %H:%M") + (f" ({html.escape(zone_label(tz_name))})" if tz and tz_name else " UTC")


async def quiet(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/quiet 22:00-07:00: alerts arrive silently then (critical ones still ring); /quiet off."""
    arg = args_of(update).lower()
    current = await _settings(update, context, change=bool(arg))
    if current is None:
        return
    if arg in _OFF:
        _set(update, context, quiet_start=None, quiet_end=None)
        await reply(update, "🔔 Quiet hours off.")
        return
    hours = parse_quiet(arg) if arg else None
    if hours is None:
        if arg:  # not understood: say so, rather than only repeat the current setting
            now_text = f"I can't read “{html.escape(args_of(update)[:50])}” as quiet hours. "
        elif current.quiet_start and current.quiet_end:
            where = html.escape(zone_label(current.timezone)) if current.timezone else "UTC"  # whose 22:00?
            now_text = f"Quiet hours: {current.quiet_start:%H:%M}–{current.quiet_end:%H:%M}, {where}. "
        else:
            now_text = "No quiet hours. "
        await reply(update, now_text + "Set them with <code>/quiet 22:00-07:00</code>, or <code>/quiet off</code>.")
        return
    start, end = hours
    _set(update, context, quiet_start=start, quiet_end=end)
    tz = html.escape(zone_label(current.timezone)) if current.timezone else "UTC (set yours with /timezone)"
    await reply(update, f"🌙 Quiet hours {start:%H:%M}–{end:%H:%M}, {tz}: alerts arrive silently, critical ones still ring.")


async def timezone(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/timezone Europe/Paris (or a city): the chat's time zone for quiet hours."""
    arg = args_of(update)
    current = await _settings(update, context, change=bool(arg))
    if current is None:
        return
    if not arg:
        shown = html.escape(zone_label(current.timezone)) if current.timezone else "UTC (not set)"
        await reply(update, f"Your time zone: {shown}. Set it with <code>/timezone Europe/Paris</code> or a city.")
        return
    name = arg.strip()
    canonical = find_zone(name)
    region = zone_region(name) if canonical is None else []
    if region:  # "/timezone Africa": a region of many zones, not one
        examples = ", ".join(f"<code>{html.escape(z)}</code>" for z in region)
        await reply(update, f"“{html.escape(name[:100])}” has several time zones: name one ({examples}…) "
                            "or a city (<code>/timezone Bamako</code>).")
        return
    if canonical is None:
        found = resolve_place(name, services_of(context).places)
        # No airport: "EAT" (East Africa Time) found an airport in the US, "WAT" one in Ireland.
        if isinstance(found, Ambiguous):
            towns = tuple(p for p in found.options if p.kind != "airport")
            found = Ambiguous(found.query, towns) if len(towns) > 1 else Resolved(towns[0]) if towns else found
        if isinstance(found, Resolved) and found.place.kind == "airport":
            found = Unknown(name, ())
        if isinstance(found, Ambiguous):
            zones = {p.extra.get("timezone") for p in found.options}
            if len(zones) != 1:
                options = ", ".join(f"<code>/timezone {html.escape(keyboards.place_query(p))}</code>" for p in found.options[:3])
                await reply(update, f"“{html.escape(name[:100])}” could be several places: {options}?")
                return
            found = Resolved(found.options[0])
        tz = found.place.extra.get("timezone") if isinstance(found, Resolved) else None
        canonical = find_zone(tz) if tz else None
        if canonical is None:
            await reply(update, f"I don't know the time zone “{html.escape(name[:100])}”. "
                                "Use a name like <code>Africa/Bamako</code>, <code>UTC+3</code> or a city.")
            return
    _set(update, context, timezone=canonical)
    await reply(update, f"🕒 Time zone set to {html.escape(zone_label(canonical))}.")


async def map_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/map on|off: a map pin of the place with each high or critical alert."""
    arg = args_of(update).lower()
    current = await _settings(update, context, change=bool(arg))
    if current is None:
        return
    arg = "on" if arg in _ON else "off" if arg in _OFF else arg
    if arg not in ("on", "off"):
        state = "on" if current.map_pins else "off"
        await reply(update, f"Map pins are {state}. <code>/map on</code> or <code>/map off</code>.")
        return
    _set(update, context, map_pins=arg == "on")
    if arg == "on":
        await reply(update, "🗺 Map pins on: high and critical alerts come with a pin you can open in your map app.")
    else:
        await reply(update, "Map pins off.")
