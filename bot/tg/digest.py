"""Short lists of incidents: /recent, and the one catch-up digest after /watch or /unmute."""
from __future__ import annotations

import html
from datetime import datetime

from bot.analysis.categories import LABEL
from bot.analysis.facts import Severity
from bot.chat_settings import zone
from bot.match import Match
from bot.store.recent import RecentIncident

ICON = {Severity.CRITICAL: "🔴", Severity.HIGH: "🟠", Severity.MEDIUM: "🟡", Severity.LOW: "🔵"}
MAX_TITLE = 120


def incident_line(incident: RecentIncident, match: Match, tz_name: str | None = None) -> str:
    facts = incident.facts
    icon = ICON.get(facts.severity, "⚪") if facts.severity else "⚪"
    tz = zone(tz_name)
    published = incident.published.astimezone(tz) if tz and incident.published.tzinfo else incident.published
    when = published.strftime("%d %b %H:%M")
    where = facts.city or facts.country_name or facts.country or match.watch.name
    title = incident.title if len(incident.title) <= MAX_TITLE else incident.title[: MAX_TITLE - 1] + "…"
    link = html.escape(title)
    if incident.url.startswith(("http://", "https://")):
        link = f'<a href="{html.escape(incident.url)}">{link}</a>'
    toll = ""
    if facts.killed and facts.killed > (incident.first_killed or 0):  # the title still gives the first toll
        toll = f" ({facts.killed} killed so far)"
    return f"{icon} {when} · {html.escape(LABEL.get(facts.category, facts.category.value))} · {html.escape(where)}: {link}{toll}"


def digest(header: str, found: list[tuple[RecentIncident, Match]], *, shown: int = 5, more_hint: str = "/recent",
           tz_name: str | None = None, limit: int | None = None) -> str:
    """Header (safe HTML) and at most `shown` lines, times in the chat's zone; the rest as a count
    ("12+ more" when `found` was cut at the query's `limit`)."""
    lines = [header] + [incident_line(i, m, tz_name) for i, m in found[:shown]]
    if len(found) > shown:
        plus = "+" if limit is not None and len(found) >= limit else ""
        lines.append(f"…and {len(found) - shown}{plus} more: {more_hint}")
    return "\n".join(lines)


def utc_label(now: datetime) -> str:
    return now.strftime("%H:%M UTC")
