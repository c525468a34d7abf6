"""Inline keyboards and their callback data (at most 64 bytes each)."""
from __future__ import annotations

from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.analysis.categories import LABEL
from bot.analysis.facts import SEVERITY_ORDER, Category, Place, Severity
from bot.chat_settings import ALERT_CATEGORIES

WATCH_PREFIX = "watch:"
CATEGORY_PREFIX = "cat:"
SEVERITY_PREFIX = "sev:"
MAX_CALLBACK_BYTES = 64


def place_query(place: Place) -> str:
    """What /watch would need to find exactly this place again."""
    return f"{place.name}, {place.country}" if place.country and place.kind == "city" else place.name


def places(options: Iterable[Place]) -> InlineKeyboardMarkup | None:
    buttons = []
    for place in options:
        data = WATCH_PREFIX + place_query(place)
        if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES:
            buttons.append([InlineKeyboardButton(place.label, callback_data=data)])
    return InlineKeyboardMarkup(buttons) if buttons else None


def categories(muted: frozenset[Category]) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(("🔕 " if c in muted else "✅ ") + LABEL.get(c, c.value), callback_data=CATEGORY_PREFIX + c.value)
        for c in ALERT_CATEGORIES
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    return InlineKeyboardMarkup(rows)


def severities(current: Severity | None) -> InlineKeyboardMarkup:
    current = current or Severity.LOW
    row = [
        InlineKeyboardButton(("• " if s is current else "") + s.value, callback_data=SEVERITY_PREFIX + s.value)
        for s in SEVERITY_ORDER
    ]
    return InlineKeyboardMarkup([row])
