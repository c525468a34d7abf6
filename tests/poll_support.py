"""Helpers for the polling tests: settings for sources on the local feed server, real services, a clock."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape

from sqlite_utils import Database

from bot.analysis import analyze
from bot.analysis.advisory import render_html
from bot.analysis.gazetteer import load_gazetteer
from bot.config import PollingSettings, Settings, SourceSettings
from bot.match import DEFAULT_RADIUS_KM
from bot.places import Resolved, resolve_place
from bot.services import Services
from bot.sources.fetch import make_client
from bot.store import subscriptions

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def settings_for(sources: list[SourceSettings], **polling: Any) -> Settings:
    values: dict[str, Any] = {"timeout_seconds": 1.0, "max_fetch_seconds": 2.0, "jitter_seconds": 0.0}
    values.update(polling)
    return Settings(sources=sources, polling=PollingSettings(**values))


def services_for(db: Database, settings: Settings, clock: Clock) -> Services:
    http = make_client(user_agent=settings.polling.user_agent, timeout_seconds=settings.polling.timeout_seconds)
    return Services(settings=settings, db=db, http=http, places=load_gazetteer(), analyze=analyze,
                    render_html=render_html, clock=clock)


def watch(db: Database, chat_id: int, name: str) -> None:
    result = resolve_place(name, load_gazetteer())
    assert isinstance(result, Resolved), result
    subscriptions.save_chat(db, chat_id, chat_type="private", title=None, now=NOW)
    subscriptions.add_watch(db, chat_id, result.place, radius_km=DEFAULT_RADIUS_KM[result.place.kind], now=NOW)


def planned(db: Database) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for chat_id, text in db.execute("SELECT chat_id, text FROM deliveries WHERE kind = 'alert' ORDER BY id"):
        out.setdefault(chat_id, []).append(text)
    return out


def rss_items(*items: tuple[str, str, str, datetime]) -> bytes:
    """RSS 2.0 of (title, link, description, published) items."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><description>{escape(d)}</description>"
        f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate></item>"
        for t, link, d, when in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode()
