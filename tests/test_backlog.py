"""Backlog guard: a new source, or a restart after a long pause, does not flood chats with old items."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from xml.sax.saxutils import escape

import pytest
from sqlite_utils import Database

from bot.config import SourceSettings
from bot.cycle import poll_cycle
from tests.feed_server import FeedServer
from tests.poll_support import NOW, Clock, planned, rss_items, services_for, settings_for, watch
from tests.test_ingest import HOTEL, MARKET

UNDATED_HOTEL = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
    f"<title>{escape(HOTEL[0][0])}</title><link>http://news.example/undated</link>"
    f"<description>{escape(HOTEL[0][1])}</description></item></channel></rss>"
).encode()


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


async def test_new_source_alerts_fresh_dated_items_but_not_undated_or_old_ones(db: Database, feeds: FeedServer) -> None:
    watch(db, 1, "Bamako")
    clock = Clock()
    feeds.set("/undated.xml", UNDATED_HOTEL)
    feeds.set("/dated.xml", rss_items(
        (MARKET[0], "http://news.example/market", MARKET[1], NOW - timedelta(hours=2)),
        ("Gunmen attack checkpoint in Bamako, killing two soldiers", "http://news.example/old",
         "BAMAKO, Mali — Gunmen attacked a checkpoint in Bamako, killing two soldiers, the army said.",
         NOW - timedelta(days=3)),
    ))
    settings = settings_for([SourceSettings(name="Undated", url=f"{feeds.url}/undated.xml"),
                             SourceSettings(name="Dated", url=f"{feeds.url}/dated.xml")])
    services = services_for(db, settings, clock)
    try:
        _, report = await poll_cycle(services)
        assert report.new_articles == 3  # everything is stored...
        (alert,) = planned(db)[1]  # ...but only the fresh, dated item alerts
        assert "Grand Marché" in alert or "market" in alert.lower()

        # Once the source has been read, a new undated item is news.
        clock.advance(minutes=10)
        kidnap = ("Aid workers kidnapped in Bamako",
                  "BAMAKO, Mali — Armed men abducted two aid workers from their office in Bamako, their NGO said.")
        feeds.set("/undated.xml", UNDATED_HOTEL.replace(b"/undated", b"/undated-2")
                  .replace(escape(HOTEL[0][0]).encode(), escape(kidnap[0]).encode())
                  .replace(escape(HOTEL[0][1]).encode(), escape(kidnap[1]).encode()))
        await poll_cycle(services)
        assert len(planned(db)[1]) == 2
    finally:
        await services.http.aclose()


async def test_a_restarted_bot_reads_each_feed_in_full_once_then_conditionally(db: Database, feeds: FeedServer) -> None:
    """If the last process died between saving a feed's ETag and storing its items, a 304 would hide
    those items for good: the first poll after a start is unconditional (dedupe makes it harmless)."""
    feeds.set("/f.xml", rss_items((MARKET[0], "http://news.example/m", MARKET[1], NOW)))
    settings = settings_for([SourceSettings(name="F", url=f"{feeds.url}/f.xml")])
    for _ in range(2):  # two processes, one after the other, on the same database
        services = services_for(db, settings, Clock())
        try:
            await poll_cycle(services)
            await poll_cycle(services)
        finally:
            await services.http.aclose()
    conditional = [bool(h.get("If-None-Match")) for h in feeds.requests("/f.xml")]
    assert conditional == [False, True, False, True]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
