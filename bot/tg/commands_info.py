"""/recent (last incidents in the chat's places) and /status (settings and sources at a glance)."""
from __future__ import annotations

import html
from datetime import datetime, timedelta

from telegram import Update
from telegram.ext import ContextTypes

from bot.analysis.categories import LABEL
from bot.chat_settings import in_quiet_hours, zone_label
from bot.store import recent as recent_store
from bot.store import source_state, subscriptions
from bot.tg.commands_settings import _local, severity_text
from bot.tg.common import chat_id_of, now_of, reply, services_of
from bot.tg.digest import digest

RECENT_DAYS = 7
RECENT_SHOWN = 10
RECENT_COUNTED = 100  # "…and 37 more" is counted up to this many incidents


async def recent(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The last incidents in the chat's places, 7 days."""
    db = services_of(context).db
    chat_id = chat_id_of(update)
    watches = [w for _, w in subscriptions.list_watches(db, chat_id)]
    if not watches:
        await reply(update, "You watch no place yet. Add one with /watch PLACE.")
        return
    settings = subscriptions.get_settings(db, chat_id)
    found = recent_store.for_watches(
        db, watches, since=now_of(context) - timedelta(days=RECENT_DAYS), settings=settings, limit=RECENT_COUNTED,
    )
    if not found:
        await reply(update, f"✅ Nothing in your places in the last {RECENT_DAYS} days.")
        return
    tz = settings.timezone if settings else None
    await reply(update, digest(f"🗞 Last {RECENT_DAYS} days in your places ({html.escape(zone_label(tz))} time):", found,
                               shown=RECENT_SHOWN, more_hint="older ones are not shown", tz_name=tz,
                               limit=RECENT_COUNTED))


async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """This chat's settings and the sources' health, in one glance."""
    services = services_of(context)
    db, chat_id, now = services.db, chat_id_of(update), now_of(context)
    settings = subscriptions.get_settings(db, chat_id)
    watches = [w for _, w in subscriptions.list_watches(db, chat_id)]
    if settings is None or not subscriptions.is_active(db, chat_id):
        lines = ["This chat is not subscribed: /start."]
    else:
        names = "; ".join(html.escape(w.name) for w in watches[:5]) + (" …" if len(watches) > 5 else "")
        lines = [f"📍 Places: {len(watches)}" + (f" ({names})" if watches else " — /watch PLACE")]
        lines.append(f"⚠️ Severity: {severity_text(settings.min_severity)}")
        off = ", ".join(LABEL.get(c, c.value) for c in sorted(settings.muted_categories, key=lambda c: c.value))
        lines.append("🏷 Kinds: " + (f"all but {html.escape(off)}" if off else "all"))
        if settings.is_muted(now) and settings.muted_until is not None:
            lines.append(f"🔕 Muted until {_local(settings.muted_until, settings.timezone)}")
        else:
            lines.append("🔔 Alerts on")
        if settings.quiet_start and settings.quiet_end:
            state = " (now)" if in_quiet_hours(settings, now) else ""
            lines.append(f"🌙 Quiet {settings.quiet_start:%H:%M}–{settings.quiet_end:%H:%M}{state}")
        lines.append(f"🕒 Time zone: {html.escape(zone_label(settings.timezone))}")
        lines.append(f"🗺 Map pins: {'on' if settings.map_pins else 'off'}")
    lines.append(_sources_line(db, now))
    await reply(update, "\n".join(lines))


def _sources_line(db: object, now: datetime) -> str:
    health = source_state.list_health(db)  # type: ignore[arg-type]
    if not health:
        return "📡 Sources: not polled yet"
    failing = [h for h in health if getattr(h, "failures", 0)]
    line = f"📡 Sources: {len(health) - len(failing)} of {len(health)} working"
    if failing:
        shown = ", ".join(f"{html.escape(h.name)} ({h.failures}×)" for h in failing[:4])
        line += f"; failing: {shown}" + (" …" if len(failing) > 4 else "")
    return line
