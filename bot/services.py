"""What the running bot's jobs and handlers share, built once by the composition root."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from sqlite_utils import Database

from bot.config import Settings
from bot.ingest import Analyzer, Renderer
from bot.places import PlaceIndex
from bot.tg.delivery import Pacer


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    settings: Settings
    db: Database
    http: httpx.AsyncClient
    places: PlaceIndex
    analyze: Analyzer
    render_html: Renderer
    clock: Callable[[], datetime] = utc_now
    pacer: Pacer = field(default_factory=Pacer)
    send_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # Sources this process has polled: the first poll of each is unconditional (see SourceContext).
    polled_sources: set[str] = field(default_factory=set)
