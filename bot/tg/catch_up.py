"""One short digest instead of a burst of old alerts: after /watch, after /unmute, and when a
/mute runs out by itself (the chat is told its alerts are back, with what happened meanwhile).

The digest for a mute that ran out is planned in the outbox, in the same transaction that
clears the mute, so the sender delivers it like any alert: within the rate limits, retried on
network errors, never lost and never twice.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlite_utils import Database
from telegram.ext import ContextTypes

from bot.chat_settings import zone, zone_label
from bot.match import ChatWatch, Match
from bot.services import Services
from bot.store import outbox, recent, subscriptions
from bot.store.recent import RecentIncident
from bot.tg.digest import digest
from bot.tg.sending import send_job

MUTE_CHECK_INTERVAL_S = 60.0
MAX_CATCH_UP = timedelta(days=7)  # /recent's reach: older news is no longer news
SHOWN = 3
COUNTED = 50  # "…and 12 more" is counted up to this many incidents
MUTED_HEADER = "While you were muted"


def catch_up(db: Database, chat_id: int, watches: Iterable[ChatWatch], header: str, *, now: datetime,
             since: timedelta = timedelta(hours=24), span: tuple[datetime, datetime] | None = None) -> str:
    """The digest (safe HTML) of recent incidents in these places that the chat has not had; "" if none.
    `span`: the mute it tells of, named in its header. The incidents it shows count as told: a later digest
    does not list them again."""
    found = _missed(db, chat_id, watches, now=now, since=since)
    text = _render(header, found, since, _zone_of(db, chat_id), span=span, now=now)
    _mark_shown(db, chat_id, found, now)
    return text


def _mark_shown(db: Database, chat_id: int, found: list[tuple[RecentIncident, Match]], now: datetime) -> None:
    """The incidents a digest shows as lines count as told ("…and 12 more" are not: a later digest may list them)."""
    recent.mark_listed(db, chat_id, (incident.id for incident, _ in found[:SHOWN]), now=now)


def _window(since: timedelta) -> timedelta:
    return max(timedelta(hours=1), min(MAX_CATCH_UP, since))


def _missed(db: Database, chat_id: int, watches: Iterable[ChatWatch], *, now: datetime,
            since: timedelta) -> list[tuple[RecentIncident, Match]]:
    return recent.for_watches(
        db, watches, since=now - _window(since), settings=subscriptions.get_settings(db, chat_id),
        skip=recent.told_incidents(db, chat_id), limit=COUNTED,
    )


def _zone_of(db: Database, chat_id: int) -> str | None:
    settings = subscriptions.get_settings(db, chat_id)
    return settings.timezone if settings else None


def _render(header: str, found: list[tuple[RecentIncident, Match]], since: timedelta, tz_name: str | None, *,
            span: tuple[datetime, datetime] | None = None, now: datetime | None = None) -> str:
    if not found:
        return ""
    if span is not None and now is not None:
        # The mute as the chat knew it ("12:00–13:00"), not the time since it began: a mute that ran out while
        # the bot was down was told as "last 2 h" for one hour muted.
        when = span_text(max(span[0], now - MAX_CATCH_UP), span[1], tz_name, now=now)
    else:
        hours = _window(since).total_seconds() / 3600
        when = f"last {hours:.0f} h"
    return digest(f"🗞 {html.escape(header)} ({when}, {html.escape(zone_label(tz_name))} time):", found,
                  shown=SHOWN, tz_name=tz_name, limit=COUNTED)


def span_text(start: datetime, end: datetime, tz_name: str | None, *, now: datetime) -> str:
    """"12:00–13:00" (today), "9 Mar 12:00–13:00", "9 Mar 22:00 – 10 Mar 06:00", in the chat's time zone."""
    tz = zone(tz_name)
    start, end, today = (t.astimezone(tz) if tz else t for t in (start, end, now))
    if start.date() != end.date():
        return f"{start:%d %b %H:%M} – {end:%d %b %H:%M}"
    day = "" if start.date() == today.date() else f"{start:%d %b} "
    if f"{start:%H:%M}" == f"{end:%H:%M}":  # muted for less than a minute: "12:00–12:00" would read as a typo
        return f"{day}{start:%H:%M}"
    return f"{day}{start:%H:%M}–{end:%H:%M}"


def muted_for(db: Database, chat_id: int, now: datetime) -> timedelta:
    """How long the chat has been muted (a day when the start is unknown)."""
    since = subscriptions.muted_since(db, chat_id)
    return now - since if since else timedelta(hours=24)


def mute_span(db: Database, chat_id: int, now: datetime, until: datetime | None = None) -> tuple[datetime, datetime]:
    """When the chat's mute began (a day ago when unknown) and ended: `until` if it ran out already, else now."""
    return now - muted_for(db, chat_id, now), min(until, now) if until is not None else now


def plan_mute_end_digests(db: Database, now: datetime) -> int:
    """Clear every mute that has run out; plan a digest for each chat that missed something. How many planned."""
    planned = 0
    for chat_id in subscriptions.ended_mutes(db, now):
        with db.atomic():  # the digest is planned and the mute cleared together, or neither
            window = muted_for(db, chat_id, now)
            settings = subscriptions.get_settings(db, chat_id)
            span = mute_span(db, chat_id, now, settings.muted_until if settings else None)
            subscriptions.update_settings(db, chat_id, now=now, muted_until=None, muted_since=None)
            watches = [w for _, w in subscriptions.list_watches(db, chat_id)]
            found = _missed(db, chat_id, watches, now=now, since=window)
            if found:  # the row hangs on the newest incident it lists (deliveries belong to an incident)
                text = "🔔 Your mute has ended: alerts are back on.\n\n" + _render(MUTED_HEADER, found, window,
                                                                                 _zone_of(db, chat_id), span=span, now=now)
                planned += outbox.enqueue_digest(db, incident_id=found[0][0].id, chat_id=chat_id, text=text, now=now)
                _mark_shown(db, chat_id, found, now)
    return planned


async def mute_end_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every minute: mutes that ran out end with their digest, handed to the outbox sender."""
    services: Services = context.bot_data["services"]
    if plan_mute_end_digests(services.db, services.clock()):
        await send_job(context)
