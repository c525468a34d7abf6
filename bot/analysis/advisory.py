"""The advisory a person reads on a phone, as plain text or Telegram HTML, from the same facts.

  🔴 CRITICAL · Armed attack
  📍 Bamako, Mali · ✈️ BKO · 🇺🇳 UN involved
  <one or two sentences from the article>
  • Airport temporarily closed
  • UN staff told to limit movement
  Why critical: ...
  Source: example.org · 2024-09-17 06:40 UTC
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import timezone
from urllib.parse import urlsplit

from bot.analysis.categories import LABEL
from bot.analysis.facts import ArticleMeta, Facts, Severity

MAX_HTML = 4096
_ICON = {Severity.CRITICAL: "🔴", Severity.HIGH: "🟠", Severity.MEDIUM: "🟡", Severity.LOW: "🔵"}


def _headline(facts: Facts) -> str:
    kind = LABEL[facts.category]
    if facts.severity is None:
        return kind
    return f"{_ICON[facts.severity]} {facts.severity.value.upper()} · {kind}"


def _place_line(facts: Facts) -> str:
    place = ", ".join(p for p in (facts.city, facts.country_name or facts.country) if p) or "Place not identified"
    parts = [f"📍 {place}"]
    if facts.airports:
        parts.append("✈️ " + " ".join(facts.airports))
    if facts.un_involved:
        parts.append("🇺🇳 UN involved")
    return " · ".join(parts)


def _source_line(meta: ArticleMeta) -> str:
    source = meta.source or (urlsplit(meta.url).hostname if meta.url else None) or "unknown source"
    when = ""
    if meta.published is not None:
        ts = meta.published.astimezone(timezone.utc) if meta.published.tzinfo else meta.published
        when = " · " + ts.strftime("%Y-%m-%d %H:%M UTC")
    return f"Source: {source}{when}"


def _lines(facts: Facts, meta: ArticleMeta) -> tuple[str, str, str, list[str], str | None, str]:
    summary = facts.summary or meta.title
    reason = facts.severity_reason
    return _headline(facts), _place_line(facts), summary, [f"• {k}" for k in facts.key_facts], reason, _source_line(meta)


def render_text(facts: Facts, meta: ArticleMeta) -> str:
    """Plain-text advisory."""
    head, place, summary, keys, reason, source = _lines(facts, meta)
    out = [head, place]
    if meta.title and meta.title != summary:
        out.append(meta.title)
    out.append(summary)
    out += keys
    if reason:
        out.append(reason)
    out.append(source + (f"\n{meta.url}" if meta.url else ""))
    return "\n".join(line for line in out if line)


def render_html(facts: Facts, meta: ArticleMeta, *, extra_lines: Sequence[str] = ()) -> str:
    """Telegram HTML advisory (<b>, <i>, <a href>, <code> only), every feed string escaped, <= 4096 chars.

    `extra_lines` are already-safe HTML lines the caller adds (for example "You watch: Bamako").
    """
    e = html.escape
    head, place, summary, keys, reason, source = _lines(facts, meta)
    top = [f"<b>{e(head)}</b>", e(place)]
    title = f"<b>{e(meta.title)}</b>" if meta.title and meta.title != summary else ""
    tail = [e(k) for k in keys]
    if reason:
        tail.append(f"<i>{e(reason)}</i>")
    link = f'<a href="{e(meta.url, quote=True)}">{e(source)}</a>' if meta.url else e(source)
    tail.append(link)
    tail += list(extra_lines)
    fixed = "\n".join([*top, *([title] if title else []), "", *tail])
    room = MAX_HTML - len(fixed) - 2
    body = _truncate_escaped(summary, room)
    out = "\n".join([*top, *([title] if title else []), body, *tail])
    if len(out) > MAX_HTML:  # huge title or extra lines: drop what does not fit, whole lines only
        out = _fit_lines(out.split("\n"))
    return out


def _truncate_escaped(text: str, room: int) -> str:
    """Escape `text`, cutting on the plain text so no entity is split; '…' marks a cut."""
    if room <= 1:
        return ""
    escaped = html.escape(text)
    if len(escaped) <= room:
        return escaped
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix whose escaped form fits
        mid = (lo + hi + 1) // 2
        if len(html.escape(text[:mid])) + 1 <= room:
            lo = mid
        else:
            hi = mid - 1
    cut = text[:lo]
    space = cut.rfind(" ")
    if space > lo * 0.6:
        cut = cut[:space]
    return html.escape(cut.rstrip()) + "…"


def _fit_lines(lines: list[str]) -> str:
    kept: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) + 1 > MAX_HTML:
            continue
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept)
