"""The sources table shown by `python -m bot sources` and the admin /sources command (pure)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.config import Settings, SourceSettings
from bot.store.source_state import SourceHealth


@dataclass(frozen=True)
class SourceRow:
    name: str
    type: str
    every: str  # "300 s"
    state: str  # "ok", "failing ×3", "never polled", "disabled"
    last_success: str  # "2026-11-25 11:58 UTC" or "-"
    items: str  # items in the last successful poll
    error: str  # the last error while failing, else ""


def source_rows(settings: Settings, health: Sequence[SourceHealth], *, now: datetime) -> list[SourceRow]:
    by_name = {h.name: h for h in health}
    return [_row(s, by_name.get(s.name), settings, now) for s in settings.sources]


def _row(source: SourceSettings, h: SourceHealth | None, settings: Settings, now: datetime) -> SourceRow:
    every = f"{source.interval_seconds or settings.polling.interval_seconds:g} s"
    if h is not None and h.url != source.key:
        h = None  # the URL changed: the stored health belongs to the old one
    if not source.enabled:
        state = "disabled"
    elif h is None or (h.last_success is None and not h.failures):
        state = "never polled"
    elif h.failures:
        state = f"failing ×{h.failures}"
        if h.next_attempt_at and datetime.fromisoformat(h.next_attempt_at) > now:
            state += f", next try {_short(h.next_attempt_at)}"
    else:
        state = "ok"
    return SourceRow(
        name=source.name,
        type=source.type + (f" ({source.provider})" if source.provider else ""),
        every=every,
        state=state,
        last_success=_short(h.last_success) if h and h.last_success else "-",
        items="-" if h is None or h.last_items is None else str(h.last_items),
        error=(h.last_error or "") if h and h.failures else "",
    )


def _short(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M UTC")


def format_table(rows: Sequence[SourceRow]) -> str:
    """Plain text, one line per source, errors indented below their source."""
    head = ("source", "type", "every", "state", "last success", "items")
    cells = [head] + [(r.name, r.type, r.every, r.state, r.last_success, r.items) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    lines = []
    for i, c in enumerate(cells):
        lines.append("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)).rstrip())
        if i and rows[i - 1].error:
            lines.append(f"    last error: {rows[i - 1].error}")
    return "\n".join(lines)
