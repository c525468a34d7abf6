"""Polling benchmark: 1,000 RSS feeds of 50 items each, served from 127.0.0.1.

Cycle 1 fetches and parses every feed (then, timed apart, ingests the 50,000 items through the
real analysis); cycle 2 polls again and every feed answers 304. Prints wall time, items per
second and peak memory (RSS of this process; the server runs in a subprocess).

    .venv/bin/python bench/poll.py [--feeds 1000] [--items 50] [--skip-ingest]
"""
from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ("council water plans market minister talks trade rain harvest school bridge election port festival "
         "railway budget hospital court museum energy farmers exports tourism football").split()


def feed(n: int, items: int, now: datetime) -> bytes:
    parts = []
    for i in range(items):
        w = [WORDS[(n * 7 + i * k) % len(WORDS)] for k in (1, 3, 5, 11, 13)]
        title = f"{w[0].title()} {w[1]} {w[2]} in region {n} item {i}"
        desc = (f"<p>Officials said the {w[3]} and {w[4]} programme for region {n} would continue. "
                f"Residents welcomed the {w[1]} news on {w[2]}; more details were expected later this week.</p>")
        when = format_datetime(now - timedelta(minutes=i * 7), usegmt=True)
        parts.append(f"<item><title>{title}</title><link>https://news{n}.example/story/{i}?utm_source=rss</link>"
                     f"<guid>https://news{n}.example/story/{i}</guid><description><![CDATA[{desc}]]></description>"
                     f"<pubDate>{when}</pubDate></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {n}</title>'
            f"<language>en</language>{''.join(parts)}</channel></rss>").encode()


def serve(feeds: int, items: int) -> None:
    """Subprocess: publish the feeds, print the base URL, serve until stdin closes."""
    from tests.feed_server import FeedServer

    now = datetime.now(UTC)
    with FeedServer() as fs:
        for n in range(feeds):
            fs.set(f"/feed/{n}.xml", feed(n, items, now))
        print(fs.url, flush=True)
        sys.stdin.read()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def bench(url: str, feeds: int, items: int, skip_ingest: bool) -> None:
    from bot.config import PollingSettings, Settings, SourceSettings
    from bot.poller import Poller
    from bot.services import utc_now
    from bot.sources.fetch import make_client
    from bot.store.db import open_database

    sources = [SourceSettings(name=f"Feed {n}", url=f"{url}/feed/{n}.xml") for n in range(feeds)]
    settings = Settings(sources=sources, polling=PollingSettings(max_concurrent_fetches=16, jitter_seconds=0))
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.db")
        client = make_client(user_agent=settings.polling.user_agent, timeout_seconds=20,
                             max_connections=settings.polling.max_concurrent_fetches)
        poller = Poller(client, db, settings, utc_now)
        print(f"{feeds} feeds x {items} items from {url}, {settings.polling.max_concurrent_fetches} concurrent fetches")
        for cycle in (1, 2):
            started = time.perf_counter()
            outcomes = await poller.poll_all(sources)
            fetch_s = time.perf_counter() - started
            found = sum(len(o.articles) for o in outcomes)
            errors = [o.error for o in outcomes if o.error]
            not_modified = sum(o.not_modified for o in outcomes)
            print(f"cycle {cycle} fetch+parse: {fetch_s:6.2f} s, {found} items ({found / fetch_s:,.0f} items/s), "
                  f"{not_modified} answered 304, {len(errors)} errors, peak RSS {peak_mb():.0f} MB")
            if errors:
                print(f"  first error: {errors[0]}")
            if not skip_ingest:
                ingest_s, report = ingest(db, settings, outcomes)
                rate = f"{report.seen / ingest_s:,.0f} items/s" if ingest_s and report.seen else "-"
                print(f"cycle {cycle} ingest:      {ingest_s:6.2f} s, {report.new_articles} new articles ({rate}), "
                      f"peak RSS {peak_mb():.0f} MB")
                print(f"cycle {cycle} total:       {fetch_s + ingest_s:6.2f} s")
            del outcomes
        await client.aclose()
        db.close()


def ingest(db: object, settings: object, outcomes: list[object]) -> tuple[float, object]:
    from bot.analysis import analyze
    from bot.analysis.advisory import render_html
    from bot.analysis.gazetteer import load_gazetteer
    from bot.ingest import ingest_articles
    from bot.services import utc_now

    load_gazetteer()  # loaded once per process, not part of a cycle
    started = time.perf_counter()
    report = ingest_articles(db, [a for o in outcomes for a in o.articles],  # type: ignore[attr-defined]
                             analyze=analyze, render_html=render_html, now=utc_now(), max_age=timedelta(hours=24))
    return time.perf_counter() - started, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--skip-ingest", action="store_true", help="time fetch and parse only")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.feeds, args.items)
        return 0
    server = subprocess.Popen([sys.executable, __file__, "--serve", "--feeds", str(args.feeds), "--items", str(args.items)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        asyncio.run(bench(url, args.feeds, args.items, args.skip_ingest))
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
