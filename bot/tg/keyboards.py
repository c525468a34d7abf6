"""Inline keyboards and their callback data (at most 64 bytes each)."""
from __future__ import annotations

from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.analysis.categories import LABEL
from bot.analysis.facts import SEVERITY_ORDER, Category, Place, Severity
from bot.chat_settings import ALERT_CATEGORIES
from bot.places import label

WATCH_PREFIX = "watch:"
CATEGORY_PREFIX = "cat:"
SEVERITY_PREFIX = "sev:"
MAX_CALLBACK_BYTES = 64


def place_query(place: Place) -> str:
    """What /watch would need to find exactly this place again."""
    if place.kind == "country":
        return label(place)  # "DR Congo": what the gazetteer knows; not "Congo, The Democratic Republic of the"
    if place.kind == "airport":
        return place.key  # "GAO": the code in capitals; "Mariana Grajales Airport (GAO)" is found by no search
    return f"{place.name}, {place.country}" if place.country and place.kind == "city" else place.name


def place_data(place: Place, query: str, radius: float | None = None) -> str | None:
    """'watch:KEY|RADIUS|QUERY': the tap finds the place by its key among what QUERY finds (the user's own
    words, else the place's name), with the radius the user asked for. None when nothing fits 64 bytes."""
    km = f"{radius:g}" if radius is not None else ""
    for text in (query, place_query(place)):
        data = f"{WATCH_PREFIX}{place.key}|{km}|{text}"
        if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES:
            return data
    return None


def parse_place_data(data: str) -> tuple[str, float | None, str] | None:
    """(key, radius, query) of place_data's answer; None for the older 'watch:QUERY'."""
    key, sep, rest = data.removeprefix(WATCH_PREFIX).partition("|")
    km, sep2, query = rest.partition("|")
    if not sep or not sep2:
        return None
    try:
        radius = float(km) if km else None
    except ValueError:
        return None
    return key, radius, query


def places(options: Iterable[Place], query: str = "", radius: float | None = None) -> InlineKeyboardMarkup | None:
    buttons = []
    for place in options:
        data = place_data(place, query or place_query(place), radius)
        if data is not None:
            buttons.append([InlineKeyboardButton(label(place), callback_data=data)])
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
