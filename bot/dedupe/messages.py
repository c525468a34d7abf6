"""The lines deduplication adds to what chats read: who reports it, and short updates (pure)."""
from __future__ import annotations

import html
from collections.abc import Sequence

from bot.analysis.facts import ArticleMeta

MAX_SOURCES_NAMED = 4


def sources_line(sources: Sequence[str], copies: Sequence[str] = ()) -> str:
    """How many independent sources report the incident; a single one is unconfirmed. Outlets
    that only carried the same text (syndication) are mentioned, never counted as confirmation."""
    carried = f" The same report was carried by {len(copies)} more outlet{'s' if len(copies) > 1 else ''}." if copies else ""
    if len(sources) <= 1:
        return "Single source so far (unconfirmed)." + carried
    named = ", ".join(sources[:MAX_SOURCES_NAMED]) + (f" and {len(sources) - MAX_SOURCES_NAMED} more"
                                                     if len(sources) > MAX_SOURCES_NAMED else "")
    return f"Reported by {len(sources)} independent sources: {named}." + carried


def render_update_html(place: str, lines: Sequence[str], meta: ArticleMeta) -> str:
    """A follow-up, sent as a reply to the alert: what changed, and who says so. Escaped."""
    changed = "; ".join(html.escape(line) for line in lines)
    source = html.escape(meta.source or "source")
    link = f'<a href="{html.escape(meta.url, quote=True)}">{source}</a>' if meta.url else source
    return f"🔄 <b>Update</b> · {html.escape(place)}\n{changed}.\nSource: {link}"
