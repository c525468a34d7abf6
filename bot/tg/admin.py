"""/sources for admin chats ([telegram] admin_chat_ids): each source and its health.

Every string that comes from a feed or a server (names, errors) is HTML-escaped.
"""
from __future__ import annotations

import html
from collections.abc import Sequence

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.services import Services
from bot.sources.health import SourceRow, source_rows
from bot.store import source_state

MAX_MESSAGE = 4096
MAX_ERROR_CHARS = 200


def render_sources_html(rows: Sequence[SourceRow]) -> str:
    """The sources table as Telegram HTML, within one message."""
    lines = [f"<b>Sources</b> ({len(rows)})"]
    for r in rows:
        e = html.escape
        line = f"• <b>{e(r.name)}</b> · {e(r.type)} · every {e(r.every)} · {e(r.state)} · last ok {e(r.last_success)}"
        if r.items != "-":
            line += f" · {e(r.items)} items"
        if r.error:
            error = r.error if len(r.error) <= MAX_ERROR_CHARS else r.error[:MAX_ERROR_CHARS] + "…"
            line += f"\n  <i>{e(error)}</i>"
        if sum(len(x) + 1 for x in lines) + len(line) + 2 > MAX_MESSAGE:
            lines.append("…")
            break
        lines.append(line)
    return "\n".join(lines)


async def sources_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sources: the health table, for admin chats only (others get no answer)."""
    services: Services = context.bot_data["services"]
    chat = update.effective_chat
    message = update.effective_message
    if chat is None or message is None or chat.id not in services.settings.telegram.admin_chat_ids:
        return
    rows = source_rows(services.settings, source_state.list_health(services.db), now=services.clock())
    await message.reply_text(render_sources_html(rows), parse_mode=ParseMode.HTML, do_quote=False,
                             link_preview_options=LinkPreviewOptions(is_disabled=True))
